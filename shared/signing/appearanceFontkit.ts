import type { PDFDocument } from '@cantoo/pdf-lib';
import fontkit from '@pdf-lib/fontkit';

export type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * @pdf-lib/fontkit for @cantoo/pdf-lib's subsetting: pdf-lib calls `subset.encode()` without
 * arguments when a subset has `encode` (the fontkit 2 API), which @pdf-lib/fontkit's stream-based
 * `encode` cannot take, so `encode` is hidden and pdf-lib falls back to `encodeStream()`.
 */
export const appearanceFontkit: Fontkit = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(bytes);
    return new Proxy(font, {
      get(target, property) {
        if (property === 'createSubset') {
          return () =>
            new Proxy(target.createSubset(), {
              get(inner, key) {
                if (key === 'encode') return undefined;
                const value: unknown = Reflect.get(inner, key, inner);
                return typeof value === 'function'
                  ? (value as (...args: unknown[]) => unknown).bind(inner)
                  : value;
              },
            });
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  },
};
