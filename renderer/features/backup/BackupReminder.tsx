import { useEffect, useState } from 'react';
import { useRouteState } from '../../app/RouteContext';
import { useIpc } from '../../ipc/IpcContext';
import { backupScreenStrings as text } from './strings';

/** A backup older than this is reminded of (issue 10, point 19). */
const remindAfterDays = 7;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * In the menu beside every screen: when this desktop's newest backup is older than a week (or there is none),
 * says so with the way to make one. Checked once when the app opens.
 */
export function BackupReminder({ now = () => Date.now() }: { now?: () => number }) {
  const ipc = useIpc();
  const { route, navigate } = useRouteState();
  const [age, setAge] = useState<{ days: number | undefined } | undefined>(undefined);
  // A visit to Sao lưu may make a backup: what was known is forgotten on the way in and again on
  // the way out (the list asked on the way in answered before the backup was made), so coming back
  // says nothing until the list asked then answers (never "no backup yet" just after one).
  const inBackup = route.area === 'backup';
  const [wasInBackup, setWasInBackup] = useState(inBackup);
  if (inBackup !== wasInBackup) {
    setWasInBackup(inBackup);
    setAge(undefined);
  }
  useEffect(() => {
    let live = true;
    void ipc.invoke('backup:list', {}).then((result) => {
      if (!live || !result.ok) return;
      const newest = result.value[0];
      const days = newest ? Math.floor((now() - Date.parse(newest.createdAt)) / dayMs) : undefined;
      setAge({ days });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- checked on opening, and again on leaving Sao lưu
  }, [ipc, inBackup]);
  if (!age || (age.days !== undefined && age.days < remindAfterDays) || route.area === 'backup') return null;
  return (
    <p className="backup-reminder" role="status">
      {text.reminder(age.days)}{' '}
      <button type="button" className="link-button" onClick={() => navigate({ area: 'backup', params: {} })}>
        {text.reminderAction}
      </button>
    </p>
  );
}
