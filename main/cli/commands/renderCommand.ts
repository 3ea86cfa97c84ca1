import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { checkRecordConsistency } from '../../../shared/record/recordConsistency';
import { parseStudyRecordJson } from '../../../shared/record/recordHash';
import { signatureBoxesMarkerOf } from '../../../shared/record/render/recordPdfMarkers';
import {
  RecordRenderError,
  renderStudyRecordPdf,
  type RenderedStudyRecord,
} from '../../../shared/record/render/renderStudyRecordPdf';
import { writeFileAtomic } from '../../services/atomicWrite';
import { loadCatalogue } from '../../services/catalogueFile';
import { loadRecordFonts, RecordFontsMissing } from '../../services/recordFonts';
import { CliUsageError, withoutBom, type CliCommand } from '../cliIo';
import { parseCommandArgs } from '../parseArgs';
import { cliStrings } from '../strings';
import { renderCommandStrings as text } from './renderCommandStrings';

const indented = (lines: readonly string[]) => lines.map((line) => `  ${line}`).join('\n');

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Tạo tệp PDF học bạ từ dữ liệu học bạ (JSON)',
  help: `Cách dùng: hocba render --record TỆP.json --out TỆP.pdf [--photo ẢNH] [--catalogue TỆP]

Tạo học bạ PDF khổ A4 theo mẫu học bạ tiểu học từ tệp dữ liệu học bạ (JSON, được kiểm tra
trước): trang thông tin học sinh có ảnh 3×4 và mã QR, trang năm học, ô chữ ký của giáo viên chủ
nhiệm, hiệu trưởng và nhà trường; dữ liệu học bạ được đính kèm trong tệp PDF. Học bạ còn là bản
nháp thì có dấu "BẢN NHÁP" và không ký được. Kết quả cuối năm, khen thưởng và việc hoàn thành
chương trình được tính lại từ các điểm và mức đạt được ghi trong học bạ (theo danh mục đánh giá
mà học bạ ghi); học bạ ghi khác với kết quả tính lại thì không được tạo.

  --record TỆP    tệp dữ liệu học bạ (JSON)
  --out TỆP       tệp PDF cần tạo
  --photo ẢNH     ảnh 3×4 (JPEG hoặc PNG), phải đúng ảnh đã ghi trong học bạ nếu học bạ có ghi
  --catalogue TỆP danh mục đánh giá do Sở ban hành, cho học bạ được đánh giá theo danh mục đó

In ra màn hình (JSON): mã học bạ, mã băm nội dung, số trang, dung lượng và vị trí các ô chữ ký.`,
  run: async (args, io) => {
    const { values } = parseCommandArgs(args, {
      record: { type: 'string' },
      out: { type: 'string' },
      photo: { type: 'string' },
      catalogue: { type: 'string' },
    });
    if (values.record === undefined || values.out === undefined)
      throw new CliUsageError(cliStrings.renderNeedsFiles);
    const parsed = parseStudyRecordJson(withoutBom(await readFile(resolve(io.cwd, values.record), 'utf8')));
    if (!parsed.ok) {
      io.stderr(`${cliStrings.badRecord}\n${indented(parsed.problems)}\n`);
      return 1;
    }
    const loaded = await loadCatalogue(
      values.catalogue === undefined ? undefined : resolve(io.cwd, values.catalogue),
    );
    if (!loaded.ok) {
      io.stderr(`${cliStrings.badCatalogue}\n${indented(loaded.problems)}\n`);
      return 1;
    }
    // Recompute, don't trust: the printed result must follow from the record's own values, with
    // the edition the record names (a province's file given here, else the shipped one).
    const consistency = checkRecordConsistency(parsed.record, [loaded.compiled, defaultCompiledCatalogue()]);
    if (!consistency.ok) {
      const unknown = consistency.reason === 'unknownCatalogue';
      const hint = unknown ? `\n${text.catalogueHint(parsed.record.catalogueVersion)}` : '';
      io.stderr(
        `${unknown ? text.unknownCatalogue : text.inconsistent}\n${indented(consistency.problems)}${hint}\n`,
      );
      return 1;
    }
    const photo =
      values.photo === undefined ? null : new Uint8Array(await readFile(resolve(io.cwd, values.photo)));
    let rendered: RenderedStudyRecord;
    try {
      rendered = await renderStudyRecordPdf({ record: parsed.record, fonts: await loadRecordFonts(), photo });
    } catch (error) {
      // A photo that is not the record's, or missing fonts: a message the user can act on.
      if (error instanceof RecordRenderError || error instanceof RecordFontsMissing) {
        io.stderr(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
    const out = resolve(io.cwd, values.out);
    await writeFileAtomic(out, rendered.pdf);
    await io.stdout(
      `${JSON.stringify(
        {
          out,
          recordId: rendered.recordId,
          contentHash: rendered.contentHash,
          status: rendered.status,
          pages: rendered.pageCount,
          bytes: rendered.pdf.length,
          // As the file's own marker spells them (the seal's box `seal`), so this output is as before.
          signatureBoxes: signatureBoxesMarkerOf(rendered.signatureBoxes),
        },
        null,
        2,
      )}\n`,
    );
    io.stderr(`${cliStrings.renderDone(parsed.record.student.fullName, rendered.status === 'draft', out)}\n`);
    return 0;
  },
};
