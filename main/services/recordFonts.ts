import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The Be Vietnam Pro faces the học bạ renderer takes as bytes (shared/ never reads files). */
export type RecordFontBytes = { readonly regular: Uint8Array; readonly bold: Uint8Array };

const fontPackage = '@expo-google-fonts/be-vietnam-pro';
const faces = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
} as const;

export class RecordFontsMissing extends Error {
  override readonly name = 'RecordFontsMissing';
}

/** Where the installed font package is: next to the running script (the CLI), else the working folder. */
function resolveFace(face: string): string {
  const bases = [process.argv[1], join(process.cwd(), 'index.js')].filter(
    (base): base is string => base !== undefined,
  );
  for (const base of bases) {
    try {
      return createRequire(base).resolve(`${fontPackage}/${face}`);
    } catch {
      // Not installed beside this base; try the next one.
    }
  }
  throw new RecordFontsMissing(
    `Không tìm thấy phông chữ Be Vietnam Pro (gói ${fontPackage}); hãy cài lại ứng dụng hoặc chạy npm install.`,
  );
}

let loading: Promise<RecordFontBytes> | undefined;

/** Reads both faces once per process; the renderer caches their parsed form by these arrays. */
export function loadRecordFonts(): Promise<RecordFontBytes> {
  loading ??= (async () => {
    const [regular, bold] = await Promise.all([
      readFile(resolveFace(faces.regular)),
      readFile(resolveFace(faces.bold)),
    ]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
