import type { Page } from 'playwright-core';
import { databaseKeyFromPage, openedRows } from './sealedRows';
import type { AuditEvent } from '../../shared/audit/auditChain';

/** One grade book cell as the teacher sees it. */
export type ShownCell = {
  /** `level`, `score`, `comment`: the column's key. */
  readonly column: string;
  readonly text: string;
  /** aria-busy: the value on screen is not stored yet. */
  readonly busy: boolean;
  /** The cell's editor is open (typed text not yet entered). */
  readonly editing: boolean;
};

export type ShownRow = { readonly name: string; readonly cells: readonly ShownCell[] };

/** Every row of the grade book on screen, as drawn now. */
export async function shownGradebook(page: Page): Promise<ShownRow[]> {
  return (await pasteThenShown(page, { values: [], waitMs: 0 })).rows;
}

export type PastedBlock = { readonly row: number; readonly column: number; readonly values: string[][] };

/**
 * Pastes (as tab-separated text, as Excel puts it on the clipboard) the part of `values` (each
 * line one value per column, from the first) that fits from the active cell, waits `waitMs` in the
 * page, and reads the grade book as drawn then: all in the page, so the reading is what the screen
 * showed that long after the paste, whatever Node does meanwhile. No paste when `values` is empty.
 */
export async function pasteThenShown(
  page: Page,
  edit: { readonly values: readonly (readonly string[])[]; readonly waitMs: number },
): Promise<{ readonly pasted: PastedBlock | undefined; readonly rows: ShownRow[] }> {
  return await page.evaluate(async ({ values, waitMs }) => {
    const grid = document.querySelector('[role="grid"]');
    const rowCount = grid?.querySelectorAll('tbody tr').length ?? 0;
    const active = grid?.querySelector('td[aria-selected="true"]');
    let pasted: PastedBlock | undefined;
    if (values.length > 0 && active) {
      const row = Number(active.getAttribute('data-row'));
      const column = [...(active.parentElement?.querySelectorAll('td[role="gridcell"]') ?? [])].indexOf(
        active,
      );
      const block = values.slice(0, rowCount - row).map((line) => line.slice(column));
      const data = new DataTransfer();
      data.setData('text/plain', `${block.map((line) => line.join('\t')).join('\r\n')}\r\n`);
      const focused = document.activeElement;
      (focused && grid?.contains(focused) ? focused : grid)?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
      );
      pasted = { row, column, values: block };
    }
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const rows = [...document.querySelectorAll('[role="grid"] tbody tr')].map((line) => ({
      name: line.querySelector('.grid-name')?.textContent ?? '',
      cells: [...line.querySelectorAll('td[role="gridcell"]')].map((cell) => ({
        column: cell.getAttribute('data-column') ?? '',
        text: cell.textContent,
        busy: cell.getAttribute('aria-busy') === 'true',
        editing: cell.querySelector('input') !== null,
      })),
    }));
    return { pasted, rows };
  }, edit);
}

export type StoredPerson = { readonly id: string; readonly fullName: string; readonly classId: string };
export type StoredSubjectResult = {
  readonly id: string;
  readonly studentId: string;
  readonly classId: string;
  readonly rowKey: string;
} & Readonly<Record<string, unknown>>;

/** What RxDB holds for one class and subject row, and every audit event, read raw. */
export type StoredState = {
  readonly people: readonly StoredPerson[];
  readonly results: readonly StoredSubjectResult[];
  readonly events: readonly AuditEvent[];
};

/**
 * Reads collections of the app's RxDB database straight from IndexedDB in the page, without the
 * app: RxDB's Dexie storage keeps each collection in a database of its own,
 * `rxdb-dexie-<database>--<schema version>--<collection>`, documents in the `docs` store, a
 * deleted one marked `_deleted: '1'` (left out here); sealed fields are opened with the key main
 * gives the page (tests/support/sealedRows.ts).
 */
export async function storedCollections(
  page: Page,
  databaseName: string,
  collections: readonly string[],
): Promise<Record<string, Record<string, unknown>[]>> {
  // As JSON text: Playwright's own serialisation of half a megabyte of events takes far longer.
  const text = await page.evaluate(
    async ({ databaseName: wanted, collections: asked }) => {
      const names = (await indexedDB.databases()).map((info) => info.name ?? '');
      const readAll = async (collection: string): Promise<Record<string, unknown>[]> => {
        const matching = names.filter(
          (name) => name.startsWith(`rxdb-dexie-${wanted}--`) && name.endsWith(`--${collection}`),
        );
        const [name, ...others] = matching;
        if (name === undefined || others.length > 0)
          throw new Error(`expected one IndexedDB database for ${collection}, found ${matching.join(', ')}`);
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
        });
        try {
          const request = database.transaction('docs', 'readonly').objectStore('docs').getAll();
          const docs = await new Promise<unknown[]>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error ?? new Error(`cannot read ${name}`));
          });
          return (docs as Record<string, unknown>[]).filter(
            (doc) => doc._deleted !== '1' && doc._deleted !== true,
          );
        } finally {
          database.close();
        }
      };
      const read = await Promise.all(asked.map(readAll));
      return JSON.stringify(Object.fromEntries(asked.map((name, index) => [name, read[index]])));
    },
    { databaseName, collections },
  );
  const raw = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
  // Children's data is sealed at rest: opened with the key main gives the page for this database.
  const key = await databaseKeyFromPage(page, databaseName);
  return Object.fromEntries(
    Object.entries(raw).map(([collection, rows]) => [
      collection,
      openedRows(key, databaseName, collection, rows),
    ]),
  );
}

/** What RxDB holds for one class and subject row, and every audit event (storedCollections). */
export async function storedState(
  page: Page,
  query: { readonly databaseName: string; readonly classId: string; readonly rowKey: string },
): Promise<StoredState> {
  const {
    people = [],
    subjectResults = [],
    auditEvents = [],
  } = await storedCollections(page, query.databaseName, ['people', 'subjectResults', 'auditEvents']);
  return {
    people: people
      .filter((doc) => doc.classId === query.classId)
      .map((doc) => ({ id: String(doc.id), fullName: String(doc.fullName), classId: String(doc.classId) })),
    results: subjectResults.filter(
      (doc) => doc.classId === query.classId && doc.rowKey === query.rowKey,
    ) as unknown as StoredSubjectResult[],
    events: auditEvents as unknown as AuditEvent[],
  };
}
