/**
 * `npm run bench:records`: the học bạ as a PDF. Renders records of a sample school (one record
 * cold and warm, a 40-student class, a 2,000-student school) and prints milliseconds per record
 * and file sizes. Signing figures are printed by the signing part below.
 * Aims from the issue: under 10 ms per record warm, files under 60 KB.
 */
import { defaultCompiledCatalogue } from '../shared/domain/evaluation/compiledCatalogue';
import { renderStudyRecordPdf } from '../shared/record/render/renderStudyRecordPdf';
import { sampleStudyRecords } from '../shared/record/sampleStudyRecords';
import type { StudyRecord } from '../shared/record/studyRecord';
import { generateSampleSchool } from '../shared/sample/generateSampleSchool';
import { generateYearResults } from '../shared/sample/generateYearResults';
import { loadRecordFonts } from '../main/services/recordFonts';
import { benchSigning } from './recordsSigningBench';

const schoolSize = Number(process.env.BENCH_STUDENTS ?? 2000);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 2025, students: schoolSize });
const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 2025));
const fonts = await loadRecordFonts();
console.log(`Record benchmark (${records.length} records of a sample school)`);

const firstRecord = records[0];
if (!firstRecord) throw new Error('the sample school has no records');
let started = performance.now();
const first = await renderStudyRecordPdf({ record: firstRecord, fonts });
console.log(`render one record, cold (first in the process): ${(performance.now() - started).toFixed(0)} ms`);

async function renderAll(list: readonly StudyRecord[]): Promise<{ times: number[]; sizes: number[] }> {
  const times: number[] = [];
  const sizes: number[] = [];
  for (const record of list) {
    const begin = performance.now();
    const rendered = await renderStudyRecordPdf({ record, fonts });
    times.push(performance.now() - begin);
    sizes.push(rendered.pdf.length);
  }
  return { times, sizes };
}

const firstClass = records
  .filter((record) => record.year.className === records[0]?.year.className)
  .slice(0, 40);
const classRun = await renderAll(firstClass);
started = performance.now();
const schoolRun = await renderAll(records);
const schoolSeconds = (performance.now() - started) / 1000;
const report = (label: string, run: { times: number[]; sizes: number[] }) =>
  console.log(
    `${label}: ${run.times.length} records, p50 ${percentile(run.times, 50).toFixed(1)} ms, p95 ${percentile(run.times, 95).toFixed(1)} ms per record (aim < 10 ms); files p50 ${(percentile(run.sizes, 50) / 1024).toFixed(1)} KB, max ${(Math.max(...run.sizes) / 1024).toFixed(1)} KB (aim < 60 KB)`,
  );
report('render a class', classRun);
report('render the school', schoolRun);
console.log(
  `render the school: ${schoolSeconds.toFixed(1)} s in all, ${(records.length / schoolSeconds).toFixed(0)} records/s`,
);

await benchSigning({ records, fonts, classSize: firstClass.length, firstPdf: first.pdf });
