import { describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../../shared/ipc/channels';
import { trackingBookRequest } from '../../../tests/support/trackingBookFixture';
import { createLogger, memoryLogSink } from '../../services/logger';
import type { TrackingBookExportService } from '../../services/trackingBook/trackingBookExportService';
import { createIpcDispatcher, type IpcHandlers } from '../dispatcher';
import { trackingBookHandlers } from './trackingBookHandlers';

/**
 * Hostile requests to the Sổ theo dõi exports: the renderer is untrusted, so an oversized or
 * malformed book is refused at the IPC boundary and the service never runs.
 */
function setup() {
  const made = { fileName: 'So-theo-doi.xlsx', mimeType: 'x', bytesBase64: '' };
  const service: TrackingBookExportService = {
    exportXlsx: vi.fn(async () => made),
    exportPdf: vi.fn(async () => made),
  };
  const refuse = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const others = Object.fromEntries(ipcChannels.map((channel) => [channel, refuse]));
  const handlers = { ...others, ...trackingBookHandlers(service) } as IpcHandlers;
  const lines: string[] = [];
  return {
    dispatch: createIpcDispatcher(
      handlers,
      createLogger(memoryLogSink(lines), 'debug'),
      async () => undefined,
    ),
    service,
    lines,
  };
}

const valid = trackingBookRequest(3);
const [first] = valid.sections;
if (!first) throw new Error('the fixture has no section');
const row = first.rows[0];
if (!row) throw new Error('the fixture has no row');

const hostile: Record<string, unknown> = {
  'too many sections': { ...valid, sections: Array.from({ length: 41 }, () => first) },
  'too many students': { ...valid, sections: [{ ...first, rows: Array.from({ length: 101 }, () => row) }] },
  'too many columns': {
    ...valid,
    sections: [{ ...first, columns: Array.from({ length: 41 }, () => first.columns[0]), rows: [] }],
  },
  'a row with more cells than columns': {
    ...valid,
    sections: [{ ...first, rows: [{ cells: [...row.cells, 'extra'] }] }],
  },
  'an oversized cell': {
    ...valid,
    sections: [{ ...first, rows: [{ cells: [...row.cells.slice(0, -1), 'x'.repeat(10_001)] }] }],
  },
  'too much text in all': {
    ...valid,
    sections: Array.from({ length: 40 }, () => ({
      ...first,
      rows: Array.from({ length: 100 }, () => ({ cells: [...row.cells.slice(0, -1), 'x'.repeat(1_000)] })),
    })),
  },
  'a sheet name Excel refuses': { ...valid, sections: [{ ...first, sheet: 'Toán/Tiếng Việt' }] },
  'an unknown column kind': {
    ...valid,
    sections: [{ ...first, columns: first.columns.map((column) => ({ ...column, kind: 'script' })) }],
  },
  'an object in a cell': {
    ...valid,
    sections: [{ ...first, rows: [{ cells: row.cells.map(() => ({ toString: 'x' })) }] }],
  },
  'an extra field': { ...valid, outputPath: '/etc/passwd' },
  'no sections': { ...valid, sections: [] },
  'a bad school year': { ...valid, schoolYear: '2025/2026' },
  'not an object': 'So-theo-doi',
};

describe('trackingBook:export* at the IPC boundary', () => {
  it('accepts the book the renderer builds', async () => {
    const { dispatch, service } = setup();
    await expect(dispatch('trackingBook:exportPdf', valid)).resolves.toMatchObject({ ok: true });
    expect(service.exportPdf).toHaveBeenCalledTimes(1);
  });

  it.each(Object.entries(hostile))('refuses %s before the service runs', async (_, request) => {
    const { dispatch, service, lines } = setup();
    for (const channel of ['trackingBook:exportXlsx', 'trackingBook:exportPdf'] as const) {
      const result = await dispatch(channel, request);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.code).toBe('invalid-request');
    }
    expect(service.exportXlsx).not.toHaveBeenCalled();
    expect(service.exportPdf).not.toHaveBeenCalled();
    // The log says which channel was refused, never the request's names.
    expect(lines.join('\n')).not.toContain(row.cells[1] as string);
  });
});
