import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, removeStaleTempsOf } from './signRecordFile';

describe('removeStaleTempsOf', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hocba-temps-'));
    const names = [
      'a.pdf',
      'b.pdf',
      'c.pdf',
      '.a.pdf.0123456789ab.signing.tmp',
      '.b.pdf.abcdefabcdef.signing.tmp',
      '.c.pdf.abcdefabcdef.signing.tmp',
      '.a.pdf.bak.abcdefabcdef.signing.tmp',
    ];
    await Promise.all(names.map((name) => writeFile(join(dir, name), 'x')));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('removes the temps of the given files only, reading the folder once', async () => {
    expect(await removeStaleTempsOf([join(dir, 'a.pdf'), join(dir, 'b.pdf')])).toBe(2);
    expect((await readdir(dir)).sort()).toEqual([
      '.a.pdf.bak.abcdefabcdef.signing.tmp',
      '.c.pdf.abcdefabcdef.signing.tmp',
      'a.pdf',
      'b.pdf',
      'c.pdf',
    ]);
    expect(await removeStaleTemps(join(dir, 'c.pdf'))).toBe(1);
  });
});
