import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/auditChain';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { generateSampleSchool } from '../../../shared/sample/generateSampleSchool';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import { contextAs, databaseHarness, testDeviceId } from '../../../tests/support/browserDatabase';
import type { HocbaDatabase } from '../../data/database';
import {
  loadSampleStudentsAndResults,
  readSampleLoadMarker,
  sampleSliceDocuments,
  writeSampleLoadMarker,
  type SampleLoadProgress,
} from './sampleLoad';

// In real Chromium: the IndexedDB under RxDB is the browser's own.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

const school = generateSampleSchool({ seed: 7, students: 90 });
const principal = school.staff.find((member) => member.role === 'principal')?.userId ?? '';
const catalogue = defaultCompiledCatalogue();
const results = generateYearResults(catalogue, school, 3);
const total = school.students.length + results.subjectResults.length + results.characterResults.length;
const inputFor = (database: HocbaDatabase) => ({
  database,
  context: contextAs(school, principal),
  catalogue,
  file: school,
  withResults: true,
  resultsSeed: 3,
});

describe('the sample trial’s second stage (students and results behind the home screen)', () => {
  it('writes every student and result in slices, each with its event, the progress rising to 1', async () => {
    const database = await harness.open();
    const progress: SampleLoadProgress[] = [];
    const written = await loadSampleStudentsAndResults({
      ...inputFor(database),
      onProgress: (step) => progress.push(step),
    });
    expect(written).toBe(total);
    await expect(database.people.count().exec()).resolves.toBe(school.students.length);
    await expect(database.subjectResults.count().exec()).resolves.toBe(results.subjectResults.length);
    await expect(database.characterResults.count().exec()).resolves.toBe(results.characterResults.length);
    const events = (await database.auditEvents.find({ sort: [{ seq: 'asc' }] }).exec()).map((doc) =>
      doc.toMutableJSON(),
    );
    expect(events).toHaveLength(total);
    expect(verifyAuditChain(testDeviceId, events)).toEqual([]);

    const fractions = progress.map((step) => step.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    // Small steps: no slice writes much more than the slice size (one student's results over).
    const steps = progress.slice(1).map((step, index) => step.documents - (progress[index]?.documents ?? 0));
    expect(Math.max(...steps)).toBeLessThan(sampleSliceDocuments + 40);
    expect(progress.length).toBeGreaterThan(total / (sampleSliceDocuments + 40));
  });

  it('stops between slices when aborted, and a second run writes only the rest', async () => {
    const database = await harness.open();
    const controller = new AbortController();
    const input = inputFor(database);
    const first = await loadSampleStudentsAndResults({
      ...input,
      signal: controller.signal,
      onProgress: (step) => {
        if (step.phase === 'results' && step.done > 0) controller.abort();
      },
    });
    expect(first).toBeGreaterThan(school.students.length);
    expect(first).toBeLessThan(total);
    const second = await loadSampleStudentsAndResults({ ...input, onProgress: () => undefined });
    expect(first + second).toBe(total);
    const stored = await database.subjectResults.find().exec();
    const byId = new Map(stored.map((doc) => [doc.id, doc.toMutableJSON()]));
    for (const expected of results.subjectResults) expect(byId.get(expected.id)).toMatchObject(expected);
    await expect(database.auditEvents.count().exec()).resolves.toBe(total);
  });

  it('reads back only a well-formed resume marker', () => {
    const storage = window.sessionStorage;
    writeSampleLoadMarker(storage, {
      databaseName: 'hocba-dung-thu',
      seed: 1,
      students: 300,
      withResults: true,
    });
    expect(readSampleLoadMarker(storage)).toEqual({
      databaseName: 'hocba-dung-thu',
      seed: 1,
      students: 300,
      withResults: true,
    });
    storage.setItem('hocba.sampleLoad', '{"databaseName":"x","seed":1,"students":-4,"withResults":true}');
    expect(readSampleLoadMarker(storage)).toBeUndefined();
    storage.setItem('hocba.sampleLoad', '{not json');
    expect(readSampleLoadMarker(storage)).toBeUndefined();
    storage.removeItem('hocba.sampleLoad');
  });
});
