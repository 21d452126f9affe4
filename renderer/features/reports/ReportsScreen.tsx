import { IconFileSpreadsheet } from '@tabler/icons-react';
import { plannedScreen } from '../../components/PlannedScreen';

export default plannedScreen('reports', <IconFileSpreadsheet />);
