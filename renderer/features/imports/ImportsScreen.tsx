import { IconFileImport } from '@tabler/icons-react';
import { plannedScreen } from '../../components/PlannedScreen';

export default plannedScreen('imports', <IconFileImport />);
