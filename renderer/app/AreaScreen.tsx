import { BackupScreen } from '../features/backup/BackupScreen';
import { CharacterScreen } from '../features/character/CharacterScreen';
import { GradebookScreen } from '../features/gradebook/GradebookScreen';
import { HistoryScreen } from '../features/history/HistoryScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { ProfilesScreen } from '../features/profiles/ProfilesScreen';
import { RecordsScreen } from '../features/records/RecordsScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { SigningScreen } from '../features/signing/SigningScreen';
import { SummaryScreen } from '../features/summary/SummaryScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import type { AreaId } from './navigation';
import { useRouteState } from './RouteContext';

/** The screen of each available area; the type makes a screen for every area a compile-time duty. */
const screens: Record<AreaId, () => React.JSX.Element> = {
  home: HomeScreenInRoute,
  setup: SetupScreen,
  gradebook: GradebookScreen,
  character: CharacterScreen,
  profiles: ProfilesScreen,
  summary: SummaryScreen,
  history: HistoryScreen,
  records: RecordsScreen,
  signing: SigningScreen,
  backup: BackupScreen,
  sync: SyncScreen,
};

function HomeScreenInRoute() {
  const { route, navigate } = useRouteState();
  return (
    <HomeScreen
      selectedClassId={route.params.class}
      onSelectClass={(classId) => navigate({ area: 'home', params: { class: classId } })}
    />
  );
}

export function AreaScreen({ area }: { area: AreaId }) {
  const Screen = screens[area];
  return <Screen />;
}
