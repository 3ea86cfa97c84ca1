import qrcode from 'qrcode-generator';
import { studyRecordIdOf } from '../studyRecord';

/**
 * What the QR code on a học bạ says: the record id, its version and the SHA-256 content hash of
 * its canonical JSON. A verifier compares it with the embedded data and the signed hash.
 * `HB1/<mã học sinh>/<first year of the school year>/<version>/<HASH>`: only characters of the
 * QR alphanumeric mode (digits, capitals, `/`), which packs them 5.5 bits each, and short
 * enough for a version-4 code (33 modules) at error correction M: it scans more easily from
 * paper and is quicker to make. The record id follows from the student code and year.
 */
export type RecordQrContent = {
  readonly recordId: string;
  readonly version: number;
  readonly contentHash: string;
};

export function recordQrPayload(content: RecordQrContent): string {
  const match = /^studyRecord:student:(\d{10}):(\d{4})-(\d{4})$/.exec(content.recordId);
  if (!match?.[1] || !match[2] || Number(match[3]) !== Number(match[2]) + 1)
    throw new RangeError(`not a study record id: ${content.recordId}`);
  return `HB1/${match[1]}/${match[2]}/${content.version}/${content.contentHash.toUpperCase()}`;
}

export function parseRecordQrPayload(payload: string): RecordQrContent | undefined {
  const match = /^HB1\/(\d{10})\/(\d{4})\/(\d+)\/([0-9A-F]{64})$/.exec(payload);
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return undefined;
  const startYear = Number(match[2]);
  return {
    recordId: studyRecordIdOf(match[1], `${startYear}-${startYear + 1}`),
    version: Number(match[3]),
    contentHash: match[4].toLowerCase(),
  };
}

/** One dark rectangle of the code, in modules from the top-left corner. */
export type QrRectangle = {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
};

/**
 * The dark modules of the code as few rectangles: runs along a row, merged downwards while the
 * rows below have the same run, so the page gets a few hundred rectangles, not a module each.
 */
export function qrRectangles(payload: string): { readonly rectangles: QrRectangle[]; readonly size: number } {
  const code = qrcode(0, 'M');
  code.addData(payload, /^[0-9A-Z $%*+\-./:]*$/.test(payload) ? 'Alphanumeric' : 'Byte');
  code.make();
  const size = code.getModuleCount();
  const open = new Map<string, { x: number; y: number; width: number; height: number }>();
  const rectangles: QrRectangle[] = [];
  for (let row = 0; row < size; row += 1) {
    const runs = new Set<string>();
    let column = 0;
    while (column < size) {
      if (!code.isDark(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < size && code.isDark(row, column)) column += 1;
      const key = `${start}:${column - start}`;
      runs.add(key);
      const above = open.get(key);
      if (above && above.y + above.height === row) above.height += 1;
      else {
        if (above) rectangles.push(above);
        open.set(key, { x: start, y: row, width: column - start, height: 1 });
      }
    }
    for (const [key, rectangle] of open)
      if (!runs.has(key)) {
        rectangles.push(rectangle);
        open.delete(key);
      }
  }
  rectangles.push(...open.values());
  return { rectangles, size };
}
