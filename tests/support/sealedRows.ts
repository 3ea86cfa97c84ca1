import type { Page } from 'playwright-core';
import { databaseKeyOf, type DatabaseKey } from '../../renderer/data/storage/fieldSeal';
import {
  plainFormOf,
  sealedDocumentBinding,
  sealedFieldsProperty,
  sealedFormOf,
} from '../../renderer/data/storage/sealedFieldsStorage';
import { auditEventsJsonSchema } from '../../shared/documents/auditEvents/auditEvents';
import { characterResultsJsonSchema } from '../../shared/documents/characterResults/characterResults';
import { peopleJsonSchema } from '../../shared/documents/people/people';
import { subjectResultsJsonSchema } from '../../shared/documents/subjectResults/subjectResults';
import { yearResultsJsonSchema } from '../../shared/documents/yearResults/yearResults';

/**
 * For e2e tests that read or change IndexedDB underneath the app: the children's data there is
 * sealed (docs/decisions.md), so rows are opened and sealed again with the database's key, as
 * someone holding that key (the signed-in person) could.
 */
const sealedFieldsOf: Readonly<Record<string, readonly string[]>> = {
  people: peopleJsonSchema.encrypted ?? [],
  subjectResults: subjectResultsJsonSchema.encrypted ?? [],
  characterResults: characterResultsJsonSchema.encrypted ?? [],
  yearResults: yearResultsJsonSchema.encrypted ?? [],
  auditEvents: auditEventsJsonSchema.encrypted ?? [],
};

type Row = Record<string, unknown>;

/** The key main hands the page for a database (the trial's, while no account is signed in). */
export async function databaseKeyFromPage(page: Page, databaseName: string): Promise<DatabaseKey> {
  const key = await page.evaluate(async (name) => {
    const response = await fetch('/ipc/session:databaseKey', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'x-hocba-bridge-secret': sessionStorage.getItem('hocba.bridgeSecret') ?? '',
      },
      body: JSON.stringify({ databaseName: name }),
    });
    const answer = (await response.json()) as { ok: boolean; value?: { key: string } };
    if (!answer.ok || answer.value === undefined) throw new Error('main gave no database key');
    return answer.value.key;
  }, databaseName);
  return databaseKeyOf(new Uint8Array(Buffer.from(key, 'base64')));
}

/** Rows as IndexedDB holds them, opened: what the app reads through RxDB. */
export function openedRows(
  key: DatabaseKey,
  databaseName: string,
  collection: string,
  rows: readonly Row[],
): Row[] {
  const sealed = sealedFieldsOf[collection] ?? [];
  return rows.map((row) =>
    sealedFieldsProperty in row
      ? plainFormOf(row, sealed, key, sealedDocumentBinding(databaseName, collection, String(row.id)))
      : row,
  );
}

/** Plain rows sealed as the app's storage writes them, to put straight into IndexedDB. */
export function sealedRows(
  key: DatabaseKey,
  databaseName: string,
  collection: string,
  rows: readonly Row[],
): Row[] {
  const sealed = sealedFieldsOf[collection] ?? [];
  if (sealed.length === 0) return [...rows];
  return rows.map((row) =>
    sealedFormOf(row, sealed, key, sealedDocumentBinding(databaseName, collection, String(row.id))),
  );
}
