import type { ReactNode } from 'react';
import { staffRoleNames, type StaffMember } from '../../shared/domain/staff';
import { staffChoiceLabel } from '../../shared/domain/staffChoice';
import { BackupReminder } from '../features/backup/BackupReminder';
import { useIpc } from '../ipc/IpcContext';
import type { AppInfo } from '../../shared/ipc/contract';
import { areas, type AreaId } from './navigation';
import { useSchoolState } from './SchoolContext';
import type { Session } from './session';
import { shellStrings } from './strings';

type Props = {
  readonly session: Session;
  readonly info: AppInfo | undefined;
  readonly currentArea: AreaId;
  readonly onNavigate: (area: AreaId) => void;
  readonly onSwitchUser: (member: StaffMember) => void;
  readonly onSignOut: () => void;
  /** Đổi mật khẩu (a real account). */
  readonly onChangePassword: () => void;
  /** "Đã hiểu" on the one-time notice of a new local database after a reset. */
  readonly onStartedAfreshUnderstood: () => void;
  /** How a real account signed in this time (online against the server, or offline). */
  readonly connection?: 'online' | 'offline';
  readonly children: ReactNode;
};

/** The frame around every screen: the menu of areas, who is working, and what the app runs on. */
export function AppShell({
  session,
  info,
  currentArea,
  onNavigate,
  onSwitchUser,
  onSignOut,
  onChangePassword,
  onStartedAfreshUnderstood,
  connection,
  children,
}: Props) {
  const ipc = useIpc();
  const school = useSchoolState();
  const staff = school?.school.staff.filter((member) => member.active) ?? [];
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            HB
          </span>
          <div>
            <div className="brand-name">{shellStrings.appName}</div>
            <div className="brand-tagline">{shellStrings.tagline}</div>
          </div>
        </div>
        <nav aria-label={shellStrings.navHeading}>
          <ul className="nav">
            {areas.map((area) => (
              <li key={area.id}>
                <button
                  type="button"
                  className={area.id === currentArea ? 'nav-item current' : 'nav-item'}
                  aria-current={area.id === currentArea ? 'page' : undefined}
                  disabled={!area.available}
                  title={area.description}
                  onClick={() => onNavigate(area.id)}
                >
                  <span>{area.label}</span>
                  {!area.available && <span className="badge">{shellStrings.comingSoon}</span>}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {/* In the menu, not above the screen: it never pushes a screen's buttons down. */}
        <BackupReminder />
        <div className="sidebar-footer">
          <div className="muted-light">{shellStrings.actingAs}</div>
          <div className="user">
            {session.displayName} · {staffRoleNames[session.role]}
          </div>
          {/* Only the trial (made-up data) lets anyone act as anyone; a real account is itself alone. */}
          {session.mode === 'sample' && <div className="badge trial-badge">{shellStrings.trialBadge}</div>}
          {session.mode === 'account' && (
            <div className="muted-light">{shellStrings.connection[connection ?? 'online']}</div>
          )}

          {session.mode === 'sample' && staff.length > 0 && (
            <label className="switch-user">
              <span>{shellStrings.switchUser}</span>
              <select
                value={session.userId}
                onChange={(event) => {
                  const member = staff.find((candidate) => candidate.userId === event.target.value);
                  if (member) onSwitchUser(member);
                }}
              >
                {staff.map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {staffChoiceLabel(member, staff)} — {staffRoleNames[member.role]}
                  </option>
                ))}
              </select>
            </label>
          )}
          {session.mode === 'account' && (
            <button type="button" className="link-button" onClick={onChangePassword}>
              {shellStrings.changePassword}
            </button>
          )}
          <button type="button" className="link-button" onClick={onSignOut}>
            {shellStrings.signOut}
          </button>
          <div className="runtime">
            {info ? shellStrings.version(info.version) : null}
            <br />
            {shellStrings.runtime[ipc.transportKind]}
          </div>
          {info && (
            <div className="runtime" title={info.dataDir}>
              {shellStrings.dataFolder(info.dataDir)}
            </div>
          )}
        </div>
      </aside>
      <main className="content">
        {session.startedAfresh === true && <StartedAfreshNotice onUnderstood={onStartedAfreshUnderstood} />}
        {children}
      </main>
    </div>
  );
}

/** Said once, after a reset, above whatever screen is open: the earlier data here stays sealed. */
function StartedAfreshNotice({ onUnderstood }: { readonly onUnderstood: () => void }) {
  return (
    <div className="notice warning started-afresh" role="status">
      <p>{shellStrings.startedAfresh}</p>
      <button type="button" className="button" onClick={onUnderstood}>
        {shellStrings.understood}
      </button>
    </div>
  );
}
