import { readFile } from 'node:fs/promises';
import { catalogueSchema } from '../../shared/domain/evaluation/catalogueSchema';
import {
  compileCatalogue,
  defaultCompiledCatalogue,
  type CompiledCatalogue,
} from '../../shared/domain/evaluation/compiledCatalogue';
import { describeIssues } from '../../shared/ipc/issues';

export type CatalogueLoad =
  | { readonly ok: true; readonly compiled: CompiledCatalogue }
  | { readonly ok: false; readonly problems: string[] };

/**
 * A province's corrected catalogue from a JSON file, checked against the catalogue schema; the
 * shipped catalogue when no file is given.
 */
export async function loadCatalogue(path: string | undefined): Promise<CatalogueLoad> {
  if (path === undefined) return { ok: true, compiled: defaultCompiledCatalogue() };
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return {
      ok: false,
      problems: [
        `Không đọc được danh mục ${path}: ${error instanceof Error ? error.message : String(error)}`,
      ],
    };
  }
  const parsed = catalogueSchema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      problems: describeIssues(parsed.error).map((issue) => `${issue.path}: ${issue.message}`),
    };
  return { ok: true, compiled: compileCatalogue(parsed.data) };
}
