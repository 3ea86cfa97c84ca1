import { periodCodes } from '../../shared/domain/evaluation/catalogueSchema';
import { percentOf, type Fraction, type SchoolProgress } from '../../shared/sync/schoolProgress';
import type { SchoolProgressLine } from '../services/provinceProgressService';
import { adminPageStrings as t } from '../strings';
import { escapeHtml } from './adminHtml';

/** A moment as the province reads it (Vietnamese, Hanoi time). */
export function provinceTimeOf(at: Date): string {
  return at.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
}

/** The measures' names, in the page's and the workbook's order. */
export const measureLabels: readonly string[] = [
  t.profiles,
  ...periodCodes.map((period) => t.periods[period]),
  t.yearConfirmed,
  t.recordsSigned,
];

/** The measures of a school's progress, in the page's and the workbook's order. */
export function progressMeasures(
  progress: SchoolProgress,
): { readonly label: string; readonly value: Fraction }[] {
  return [
    { label: t.profiles, value: progress.profilesComplete },
    ...periodCodes.map((period) => ({ label: t.periods[period], value: progress.periods[period] })),
    { label: t.yearConfirmed, value: progress.yearResultsConfirmed },
    { label: t.recordsSigned, value: progress.recordsSigned },
  ];
}

/** A share as the table shows it; a measure with nothing to count (no student yet) is a dash, not 100 %. */
function cell(value: Fraction): string {
  if (value.of === 0) return '<td class="n">—</td>';
  return `<td class="n" title="${escapeHtml(`${String(value.done)}/${String(value.of)}`)}">${String(percentOf(value))}%</td>`;
}

/**
 * A school's chart: one bar per measure, 0–100 %. Plain SVG in the page (the CSP allows no
 * script and no inline style; SVG's own attributes draw it), with the figures written beside
 * each bar so the chart reads without colour.
 */
export function progressChart(line: SchoolProgressLine): string {
  const measures = progressMeasures(line.progress);
  const labelWidth = 190;
  const barWidth = 300;
  const rowHeight = 22;
  const height = measures.length * rowHeight + 8;
  const title = t.chartTitle(line.school.name, line.progress.schoolYear ?? '');
  const bars = measures
    .map(({ label, value }, index) => {
      const y = 4 + index * rowHeight;
      const width = Math.round((percentOf(value) / 100) * barWidth);
      return `<text x="0" y="${String(y + 15)}" font-size="13" fill="#1b1f24">${escapeHtml(label)}</text>
<rect x="${String(labelWidth)}" y="${String(y + 3)}" width="${String(barWidth)}" height="14" fill="#e8edf3"/>
<rect x="${String(labelWidth)}" y="${String(y + 3)}" width="${String(width)}" height="14" fill="#0b5cad"/>
<text x="${String(labelWidth + barWidth + 8)}" y="${String(y + 15)}" font-size="13" fill="#1b1f24">${String(percentOf(value))}% (${String(value.done)}/${String(value.of)})</text>`;
    })
    .join('\n');
  return `<figure class="chart"><svg role="img" aria-label="${escapeHtml(title)}" width="${String(labelWidth + barWidth + 120)}" height="${String(height)}" viewBox="0 0 ${String(labelWidth + barWidth + 120)} ${String(height)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>
${bars}
</svg><figcaption>${escapeHtml(title)}</figcaption></figure>`;
}

export function progressSection(lines: readonly SchoolProgressLine[]): string {
  const head = [t.code, t.name, t.schoolYear, t.lastSync, t.devices, t.students, ...measureLabels]
    .map((label) => `<th>${escapeHtml(label)}</th>`)
    .join('');
  const rows = lines
    .map((line) => {
      const { school, sync, progress } = line;
      const last = sync.lastChangeAt === null ? t.neverSynced : provinceTimeOf(sync.lastChangeAt);
      return `<tr><td>${escapeHtml(school.code)}</td><td>${escapeHtml(school.name)}</td><td>${escapeHtml(
        progress.schoolYear ?? '—',
      )}</td><td>${escapeHtml(last)}</td><td class="n">${String(sync.devices)}</td><td class="n">${String(
        progress.students,
      )}</td>${progressMeasures(progress)
        .map((measure) => cell(measure.value))
        .join('')}</tr>`;
    })
    .join('\n');
  const charts = lines
    .map((line) =>
      line.progress.schoolYear === null
        ? `<p>${escapeHtml(line.school.name)}: ${escapeHtml(t.noClassesYet)}</p>`
        : progressChart(line),
    )
    .join('\n');
  return `<section aria-labelledby="progress-heading"><h2 id="progress-heading">${escapeHtml(t.progress)}</h2>
<p>${escapeHtml(t.progressIntro)}</p>
<p><a href="/admin/progress.xlsx" download>${escapeHtml(t.exportXlsx)}</a></p>
<table class="progress"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>
<div class="charts">${charts}</div>
</section>`;
}
