/**
 * The languages the 2018 general education programme offers as Ngoại ngữ 1 in primary school
 * (English, Russian, French, Chinese, German, Japanese, Korean), as the học bạ names them.
 */
export const foreignLanguage1Names = [
  'Tiếng Anh',
  'Tiếng Nga',
  'Tiếng Pháp',
  'Tiếng Trung Quốc',
  'Tiếng Đức',
  'Tiếng Nhật',
  'Tiếng Hàn',
] as const;

export type ForeignLanguage1Name = (typeof foreignLanguage1Names)[number];

/** What nearly every school teaches; a school that teaches another language sets it in setup. */
export const defaultForeignLanguage1: ForeignLanguage1Name = 'Tiếng Anh';

export function isForeignLanguage1Name(value: string): value is ForeignLanguage1Name {
  return (foreignLanguage1Names as readonly string[]).includes(value);
}

/** The subject's line in the học bạ: "Ngoại ngữ 1: Tiếng Anh". */
export function foreignLanguage1Label(subjectLabel: string, language: string): string {
  return language === '' ? subjectLabel : `${subjectLabel}: ${language}`;
}

/** The catalogue's subject whose record line names the language taught. */
export const foreignLanguage1SubjectCode = 'ngoai-ngu-1';

/**
 * The names a record may print on a catalogue row's line: the row's label, and for Ngoại ngữ 1
 * the label with any of the programme's languages ("Ngoại ngữ 1: Tiếng Nhật").
 */
export function recordRowLabels(subjectCode: string, label: string): readonly string[] {
  return subjectCode === foreignLanguage1SubjectCode
    ? [label, ...foreignLanguage1Names.map((language) => foreignLanguage1Label(label, language))]
    : [label];
}
