import { describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../../shared/domain/evaluation/compiledCatalogue';
import { assignmentDocumentSchema } from '../../shared/documents/assignments/assignments';
import { characterResultDocumentSchema } from '../../shared/documents/characterResults/characterResults';
import { classDocumentSchema } from '../../shared/documents/classes/classes';
import { personDocumentSchema } from '../../shared/documents/people/people';
import { schoolDocumentSchema } from '../../shared/documents/schools/schools';
import { subjectResultDocumentSchema } from '../../shared/documents/subjectResults/subjectResults';
import { generateSampleSchool } from '../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../shared/sample/generateYearResults';
import { sampleSchoolDocuments } from '../../shared/sample/sampleDocuments';

// The zod schemas the province server will check pushed rows with accept what the desktop stores.
describe('the shared document schemas and the documents the app writes', () => {
  const sample = generateSampleSchool({ seed: 11, students: 40 });
  const results = generateYearResults(defaultCompiledCatalogue(), sample, 11);
  const documents = sampleSchoolDocuments(
    sample,
    results,
    'user:hieutruong',
    new Date('2025-09-05T01:00:00Z'),
  );

  it('accepts every sample document', () => {
    expect(schoolDocumentSchema.parse(documents.school)).toStrictEqual(documents.school);
    for (const doc of documents.classes) classDocumentSchema.parse(doc);
    for (const doc of documents.people) personDocumentSchema.parse(doc);
    for (const doc of documents.assignments) assignmentDocumentSchema.parse(doc);
    for (const doc of documents.subjectResults) subjectResultDocumentSchema.parse(doc);
    for (const doc of documents.characterResults) characterResultDocumentSchema.parse(doc);
    expect(documents.subjectResults.length).toBeGreaterThan(0);
  });

  it('refuses what the stored schema refuses: an unknown field, a long text, a bad level', () => {
    const [person] = documents.people;
    const [result] = documents.subjectResults;
    if (!person || !result) throw new Error('no sample documents');
    expect(personDocumentSchema.safeParse({ ...person, nickname: 'Bi' }).success).toBe(false);
    expect(personDocumentSchema.safeParse({ ...person, fullName: 'A'.repeat(121) }).success).toBe(false);
    const badLevel = { ...result, CN: { level: 'X', score: null, retestScore: null, comment: '' } };
    expect(subjectResultDocumentSchema.safeParse(badLevel).success).toBe(false);
  });
});
