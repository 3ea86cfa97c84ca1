import { useEffect, useRef, useState } from 'react';
import { bytesOfBase64 } from '../../encoding/base64';
import { createPortal } from 'react-dom';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { downloadFile } from '../../app/download';
import type { DownloadableFile } from '../../../shared/ipc/fileSchemas';
import { drawPage, openPdf } from './pdfPages';
import { recordStrings } from './strings';

const text = recordStrings.preview;

type Props = {
  /** The record's file as main keeps it. */
  readonly file: DownloadableFile;
  readonly studentName: string;
  readonly onClose: () => void;
};

/** On screen about 108 dpi, a readable A4 page in the dialog; for paper about 180 dpi. */
const screenScale = 1.5;
const printScale = 2.5;

/**
 * Xem trước: a record's pages drawn in the app (pdf.js, in its worker), with "In" to print them
 * and "Tải PDF" to save the file. Printing draws the pages again at paper resolution into a
 * print-only sheet, so what is printed is exactly the file's pages.
 */
export function RecordPreview({ file, studentName, onClose }: Props) {
  const pagesRef = useRef<HTMLDivElement>(null);
  const printRef = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | undefined>(undefined);
  const [pages, setPages] = useState(0);
  const [error, setError] = useState<string | undefined>(undefined);
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    /** Cleared when the dialog closes or shows another file (a plain object: set from outside the loop). */
    const run = { live: true };
    const live = () => run.live;
    let opened: PDFDocumentProxy | undefined;
    void (async () => {
      try {
        opened = await openPdf(bytesOfBase64(file.bytesBase64));
        if (!live()) return;
        setPdf(opened);
        const target = pagesRef.current;
        for (let number = 1; number <= opened.numPages && live(); number += 1) {
          const canvas = await drawPage(opened, number, screenScale);
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', text.pageLabel(number, opened.numPages));
          canvas.className = 'preview-page';
          if (!live()) break;
          target?.append(canvas);
          setPages(number);
        }
      } catch {
        if (live()) setError(text.failed);
      }
    })();
    return () => {
      run.live = false;
      void opened?.destroy();
    };
  }, [file]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const print = async () => {
    const sheet = printRef.current;
    if (!pdf || !sheet) return;
    setPrinting(true);
    try {
      sheet.replaceChildren();
      for (let number = 1; number <= pdf.numPages; number += 1) {
        const canvas = await drawPage(pdf, number, printScale);
        const image = document.createElement('img');
        image.src = canvas.toDataURL('image/png');
        image.alt = text.pageLabel(number, pdf.numPages);
        sheet.append(image);
      }
      document.body.classList.add('printing-preview');
      window.print();
    } finally {
      document.body.classList.remove('printing-preview');
      sheet.replaceChildren();
      setPrinting(false);
    }
  };

  const total = pdf?.numPages ?? 0;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog record-preview"
        role="dialog"
        aria-modal="true"
        aria-label={text.title(studentName)}
      >
        <div className="record-preview-bar">
          <h2>{text.title(studentName)}</h2>
          <span className="status" role="status">
            {error ??
              (total === 0 ? text.opening : pages < total ? text.drawing(pages, total) : text.pages(total))}
          </span>
          <button
            type="button"
            className="button button-primary"
            disabled={!pdf || pages < total || printing}
            onClick={() => void print()}
          >
            {printing ? text.preparingPrint : text.print}
          </button>
          <button type="button" className="button" onClick={() => downloadFile(file)}>
            {text.save}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {text.close}
          </button>
        </div>
        <div className="record-preview-pages" ref={pagesRef} />
      </div>
      {createPortal(<div className="print-sheet" ref={printRef} aria-hidden="true" />, document.body)}
    </div>
  );
}
