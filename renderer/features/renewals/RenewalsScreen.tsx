import { IconRefresh } from '@tabler/icons-react';
import { plannedScreen } from '../../components/PlannedScreen';

export default plannedScreen('renewals', <IconRefresh />);
