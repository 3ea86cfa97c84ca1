import { describe, expect, it } from 'vitest';
import { auditEventsV1Fixture } from './releasedSchemas/auditEventsV1';
import { characterResultsV1Fixture } from './releasedSchemas/characterResultsV1';
import { subjectResultsV1Fixture } from './releasedSchemas/subjectResultsV1';
import { yearResultsV1Fixture } from './releasedSchemas/yearResultsV1';
import { auditEventsV1Json } from '../../../shared/documents/auditEvents/auditEventsV1';
import { characterResultsV1Json } from '../../../shared/documents/characterResults/characterResultsV1';
import { subjectResultsV1Json } from '../../../shared/documents/subjectResults/subjectResultsV1';
import { yearResultsV1Json } from '../../../shared/documents/yearResults/yearResultsV1';
import { rxJsonSchemaOf } from '../../../shared/documents/rxJsonSchemaOf';
import { assignmentsV0Fixture } from './releasedSchemas/assignmentsV0';
import { auditEventsV0Fixture } from './releasedSchemas/auditEventsV0';
import { characterResultsV0Fixture } from './releasedSchemas/characterResultsV0';
import { classesV0Fixture } from './releasedSchemas/classesV0';
import { subjectResultsV0Fixture } from './releasedSchemas/subjectResultsV0';
import { yearResultsV0Fixture } from './releasedSchemas/yearResultsV0';
import { assignmentsV0Json } from '../../../shared/documents/assignments/assignmentsV0';
import { auditEventsV0Json } from '../../../shared/documents/auditEvents/auditEventsV0';
import { characterResultsV0Json } from '../../../shared/documents/characterResults/characterResultsV0';
import { classesV0Json } from '../../../shared/documents/classes/classesV0';
import {
  subjectResultsV0,
  subjectResultsV0Json,
} from '../../../shared/documents/subjectResults/subjectResultsV0';
import { yearResultsV0Json } from '../../../shared/documents/yearResults/yearResultsV0';

// RxDB keeps a hash of each version's schema in every user's database: a derived schema that
// differs from the released one by one keyword would refuse to open them.
describe('results, audit events and setup collections: the derived RxDB schemas are the released ones', () => {
  it.each([
    ['classes v0', classesV0Json, classesV0Fixture],
    ['assignments v0', assignmentsV0Json, assignmentsV0Fixture],
    ['subjectResults v0', subjectResultsV0Json, subjectResultsV0Fixture],
    ['characterResults v0', characterResultsV0Json, characterResultsV0Fixture],
    ['yearResults v0', yearResultsV0Json, yearResultsV0Fixture],
    ['auditEvents v0', auditEventsV0Json, auditEventsV0Fixture],
    ['subjectResults v1 (sealed)', subjectResultsV1Json, subjectResultsV1Fixture],
    ['characterResults v1 (sealed)', characterResultsV1Json, characterResultsV1Fixture],
    ['yearResults v1 (sealed)', yearResultsV1Json, yearResultsV1Fixture],
    ['auditEvents v1 (sealed)', auditEventsV1Json, auditEventsV1Fixture],
  ])('%s', (_name, derived, released) => {
    expect(derived).toStrictEqual(released);
  });
});

describe('sealed fields', () => {
  const base = {
    title: 'subjectResults',
    version: 9,
    primaryKey: 'id',
    indexes: [['classId', 'rowKey'], 'studentId'],
  };
  it('are only top-level fields that nothing is looked up by', () => {
    expect(() => rxJsonSchemaOf(subjectResultsV0, { ...base, encrypted: ['GK1.comment'] })).toThrow(
      /top-level/,
    );
    expect(() => rxJsonSchemaOf(subjectResultsV0, { ...base, encrypted: ['nickname'] })).toThrow(/top-level/);
    expect(() => rxJsonSchemaOf(subjectResultsV0, { ...base, encrypted: ['id'] })).toThrow(/key or indexed/);
    expect(() => rxJsonSchemaOf(subjectResultsV0, { ...base, encrypted: ['rowKey'] })).toThrow(
      /key or indexed/,
    );
    expect(() => rxJsonSchemaOf(subjectResultsV0, { ...base, encrypted: ['studentId'] })).toThrow(
      /key or indexed/,
    );
    expect(rxJsonSchemaOf(subjectResultsV0, { ...base, encrypted: ['GK1'] }).encrypted).toEqual(['GK1']);
  });
});
