import { accountSessionOf, type Session } from '../../app/session';
import type { HocbaDatabase } from '../../data/database';
import { openLocalDatabase } from '../../data/openLocalDatabase';
import type { IpcClient } from '../../ipc/ipcClient';

export type AccountSignIn =
  | {
      readonly ok: true;
      readonly session: Session;
      readonly database: HocbaDatabase;
      readonly connection: 'online' | 'offline';
    }
  | { readonly ok: false; readonly message: string };

/**
 * Signs in with a real account: main checks the password (with the province server, or offline
 * with its local verifier) and names this person's own local database, which the page then opens.
 */
export async function signInWithAccount(
  ipc: IpcClient,
  credentials: { readonly login: string; readonly password: string },
): Promise<AccountSignIn> {
  const signedIn = await ipc.invoke('session:signIn', credentials);
  if (!signedIn.ok) return { ok: false, message: signedIn.error.message };
  const desk = signedIn.value;
  if (desk.kind !== 'account') return { ok: false, message: 'Main did not sign in an account.' };
  const session = accountSessionOf(desk);
  const database = await openLocalDatabase(ipc, session.databaseName);
  return { ok: true, session, database, connection: desk.connection };
}
