import type { RecordTraitRow, StudyRecord } from '../studyRecord';
import { contentWidth, drawHeader, drawRow, margin, pageSize, type Flow } from './pdfFlow';
import { recordPdfStrings as strings } from './recordPdfStrings';

/** Wide enough for the headers "Mức đạt được" and "Điểm KTĐK" on one line. */
const levelWidth = 62;

function heading(flow: Flow, text: string): void {
  flow.ensure(40);
  flow.y -= 16;
  flow.draw(text, margin.left, flow.y, { font: 'bold', size: 11 });
  flow.y -= 6;
}

function legend(flow: Flow, text: string): void {
  flow.ensure(12);
  flow.y -= 10;
  flow.draw(text, margin.left, flow.y, { size: 7.5, grey: true });
}

/** Paragraph text at the cursor, wrapped to the content width, with a hanging page break. */
function paragraph(flow: Flow, text: string, indent = 12): void {
  for (const line of flow.wrap(text, contentWidth - indent, { size: 10 })) {
    flow.ensure(14);
    flow.y -= 13;
    flow.draw(line, margin.left + indent, flow.y, { size: 10 });
  }
}

/**
 * The subject table as the Ministry's template has it: for each subject and activity the
 * year-end level, the year-end test score where the grade has a test (after a retest, the last
 * score) and the year-end comment. The mid-year (CKI) values are the class's own business, not
 * the record's.
 */
function subjectTable(flow: Flow, record: StudyRecord): void {
  const labels = strings.subjectColumns;
  const nameWidth = 160;
  const columns = [nameWidth, levelWidth, levelWidth, contentWidth - nameWidth - 2 * levelWidth];
  drawHeader(flow, columns, [
    { text: labels.subject, column: 0, row: 0 },
    { text: labels.level, column: 1, row: 0 },
    { text: labels.score, column: 2, row: 0 },
    { text: labels.comment, column: 3, row: 0 },
  ]);
  for (const row of record.year.subjects) {
    drawRow(flow, columns, [
      { text: row.label },
      { text: row.CN.level ?? '', align: 'center' },
      { text: row.tested && row.CN.score !== null ? String(row.CN.score) : '', align: 'center' },
      { text: row.comment },
    ]);
  }
  legend(flow, strings.subjectLegend);
}

/** A quality or competency table: the year-end level and comment of each (the template's columns). */
function traitTable(
  flow: Flow,
  nameHeader: string,
  groups: readonly { readonly title: string | undefined; readonly rows: readonly RecordTraitRow[] }[],
): void {
  const labels = strings.traitColumns;
  const nameWidth = 160;
  const columns = [nameWidth, levelWidth, contentWidth - nameWidth - levelWidth];
  drawHeader(flow, columns, [
    { text: nameHeader, column: 0, row: 0 },
    { text: labels.level, column: 1, row: 0 },
    { text: labels.comment, column: 2, row: 0 },
  ]);
  for (const group of groups) {
    if (group.rows.length === 0) continue;
    if (group.title !== undefined)
      drawRow(flow, columns, [{ text: group.title, span: 3, style: { font: 'bold' } }]);
    for (const row of group.rows)
      drawRow(flow, columns, [
        { text: row.name },
        { text: row.CN ?? '', align: 'center' },
        { text: row.comment },
      ]);
  }
}

function resultSection(flow: Flow, record: StudyRecord): void {
  const { year } = record;
  heading(flow, strings.resultHeading);
  if (year.result.status !== 'incomplete') paragraph(flow, year.result.name);
  else {
    paragraph(flow, strings.resultMissing);
    for (const missing of year.result.missing) paragraph(flow, `- ${missing}`, 24);
  }
  heading(flow, strings.awardsHeading);
  if (year.awards.length === 0) paragraph(flow, strings.noAwards);
  for (const award of year.awards) paragraph(flow, award.title);
  heading(flow, strings.completionHeading);
  if (year.completion) paragraph(flow, year.completion.label);
  const supplementary = year.supplementaryEvaluation;
  if (supplementary) {
    paragraph(flow, strings.supplementary(supplementary.date, supplementary.outcome === 'completed'));
    if (supplementary.note !== '') paragraph(flow, supplementary.note, 24);
  }
  const decision = year.principalDecision;
  if (decision) paragraph(flow, strings.decision(decision.date, decision.decision === 'promoted'));
}

/** The page of the school year: subjects, qualities, competencies, result, awards, completion. */
export function drawYearPage(flow: Flow, record: StudyRecord): void {
  const { year, student } = record;
  flow.newPage();
  flow.drawCentered(strings.yearHeading(year.schoolYear), pageSize.width / 2, flow.y - 12, {
    font: 'bold',
    size: 13,
  });
  flow.y -= 32;
  const line = strings.yearLine;
  flow.draw(`${line.fullName}: ${student.fullName}`, margin.left, flow.y, { emphasis: true, size: 10.5 });
  flow.draw(`${line.className}: ${year.className}`, margin.left + 300, flow.y, {
    emphasis: true,
    size: 10.5,
  });
  flow.y -= 4;
  heading(flow, strings.subjectsHeading);
  subjectTable(flow, record);
  heading(flow, strings.qualitiesHeading);
  traitTable(flow, strings.traitColumns.quality, [{ title: undefined, rows: year.qualities }]);
  heading(flow, strings.competenciesHeading);
  traitTable(flow, strings.traitColumns.competency, [
    {
      title: strings.generalCompetencies,
      rows: year.competencies.filter((row) => row.kind === 'generalCompetency'),
    },
    {
      title: strings.specificCompetencies,
      rows: year.competencies.filter((row) => row.kind === 'specificCompetency'),
    },
  ]);
  legend(flow, strings.traitLegend);
  resultSection(flow, record);
}
