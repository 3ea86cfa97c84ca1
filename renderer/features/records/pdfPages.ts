import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// pdf.js parses in its own worker, served from the app's own assets (the CSP allows nothing else).
GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Opens a PDF main handed over (a record from main's own folder) for drawing in the page:
 * no eval (the CSP forbids it), no fonts installed into the page, nothing fetched.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return await getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
  }).promise;
}

/**
 * Draws one page into a canvas at `scale` (1 = 72 dpi; the preview uses ~1.5 on screen and 2.5
 * for printing, about 180 dpi on A4) and returns it.
 */
export async function drawPage(
  pdf: PDFDocumentProxy,
  pageNumber: number,
  scale: number,
): Promise<HTMLCanvasElement> {
  const page = await pdf.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  page.cleanup();
  return canvas;
}
