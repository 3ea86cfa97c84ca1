import type { PDFImage } from '@cantoo/pdf-lib';
import { formatDate } from '../../domain/dates';
import type { StudyRecord } from '../studyRecord';
import { contentWidth, drawHeader, drawRow, margin, pageSize, type Flow } from './pdfFlow';
import { placeAndDateOf } from './placeAndDate';
import { recordPdfStrings as strings } from './recordPdfStrings';

/** The 3×4 cm photo box (../shared/docs/domain.md: identity page), in points. */
export const photoBox = { width: (3 / 2.54) * 72, height: (4 / 2.54) * 72 } as const;

function drawPhoto(flow: Flow, top: number, photo: PDFImage | undefined): void {
  const box = { x: margin.left, y: top - photoBox.height, ...photoBox };
  flow.outline(box.x, box.y, box.width, box.height);
  if (!photo) {
    flow.drawCentered(strings.photo, box.x + box.width / 2, box.y + box.height / 2 - 3, {
      size: 9,
      grey: true,
    });
    return;
  }
  // Cover the box, keeping the photo's proportions; the photo is cropped by the box, never stretched.
  const scale = Math.min(box.width / photo.width, box.height / photo.height);
  const width = photo.width * scale;
  const height = photo.height * scale;
  flow.graphics().drawImage(photo, {
    x: box.x + (box.width - width) / 2,
    y: box.y + (box.height - height) / 2,
    width,
    height,
  });
}

/**
 * The principal's confirmation of the identity page, at its right, as the Ministry's template
 * has it: place and date, "HIỆU TRƯỞNG", and the name. On a digital record the principal's one
 * signature (in its box at the end) covers every page, so the hint says where it is.
 */
function drawPrincipalConfirmation(flow: Flow, record: StudyRecord): void {
  const center = pageSize.width - margin.right - 110;
  const confirmation = strings.identityConfirmation;
  flow.drawCentered(placeAndDateOf(record), center, flow.y - 10, { size: 9.5, grey: true });
  flow.drawCentered(confirmation.title, center, flow.y - 26, { font: 'bold', size: 10 });
  flow.drawCentered(confirmation.hint, center, flow.y - 38, { size: 8, grey: true });
  flow.drawCentered(record.year.principalName, center, flow.y - 62, { emphasis: true, size: 10 });
  flow.y -= 84;
}

/** The cover and identity page: national heading, title, school, identity with photo, study history. */
export function drawIdentityPage(flow: Flow, record: StudyRecord, photo: PDFImage | undefined): void {
  const center = pageSize.width / 2;
  const { student, school } = record;
  flow.drawCentered(strings.nation, center, flow.y - 10, { font: 'bold', size: 11 });
  flow.drawCentered(strings.motto, center, flow.y - 25, { font: 'bold', size: 10.5 });
  const mottoWidth = flow.width(strings.motto, { font: 'bold', size: 10.5 });
  flow.graphics().drawLine({
    start: { x: center - mottoWidth / 2, y: flow.y - 29 },
    end: { x: center + mottoWidth / 2, y: flow.y - 29 },
    thickness: 0.6,
  });
  flow.drawCentered(strings.title, center, flow.y - 95, { font: 'bold', size: 34 });
  flow.drawCentered(strings.level, center, flow.y - 120, { font: 'bold', size: 15 });
  flow.y -= 150;
  const schoolLines = [
    `${strings.school}: ${school.name}`,
    `${strings.commune}: ${school.commune}    ${strings.province}: ${school.province}`,
  ];
  for (const line of schoolLines) {
    flow.drawCentered(line, center, flow.y, { size: 11 });
    flow.y -= 16;
  }
  flow.y -= 14;
  flow.draw(strings.identityHeading, margin.left, flow.y, { font: 'bold', size: 12 });
  flow.y -= 10;

  const top = flow.y;
  drawPhoto(flow, top, photo);
  const fieldsX = margin.left + photoBox.width + 16;
  const labelWidth = 128;
  const valueWidth = pageSize.width - margin.right - fieldsX - labelWidth;
  const label = strings.identity;
  const fields: readonly [string, string][] = [
    [label.fullName, student.fullName],
    [label.gender, strings.genderName[student.gender]],
    [label.birthDate, formatDate(student.birthDate)],
    [label.ethnicity, student.ethnicity],
    [label.nationality, student.nationality],
    [label.birthPlace, student.birthPlace],
    [label.hometown, student.hometown],
    [label.address, student.address],
    [label.fatherName, student.fatherName],
    [label.motherName, student.motherName],
    [label.guardianName, student.guardianName],
    [label.studentCode, student.studentCode],
    [label.personalId, student.personalId],
  ];
  let y = top - 11;
  for (const [name, value] of fields) {
    flow.draw(`${name}:`, fieldsX, y, { size: 10 });
    const lines = flow.wrap(value, valueWidth, { emphasis: true, size: 10 });
    for (const line of lines) {
      flow.draw(line, fieldsX + labelWidth, y, { emphasis: true, size: 10 });
      y -= 14;
    }
    y -= 2;
  }
  flow.y = Math.min(y, top - photoBox.height) - 8;
  drawPrincipalConfirmation(flow, record);

  flow.draw(strings.historyHeading, margin.left, flow.y, { font: 'bold', size: 12 });
  flow.y -= 8;
  const columns = [70, 45, contentWidth - 70 - 45 - 75 - 120, 75, 120];
  drawHeader(
    flow,
    columns,
    strings.historyColumns.map((text, column) => ({ text, column, row: 0 })),
  );
  for (const entry of record.studyHistory) {
    drawRow(flow, columns, [
      { text: entry.schoolYear, align: 'center' },
      { text: entry.className, align: 'center' },
      { text: entry.schoolName },
      { text: entry.registerNumber, align: 'center' },
      { text: entry.entryDate === null ? '' : formatDate(entry.entryDate), align: 'center' },
    ]);
  }
}
