import { describe, expect, it } from 'vitest';
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
import { subjectResultsV0Json } from '../../../shared/documents/subjectResults/subjectResultsV0';
import { yearResultsV0Json } from '../../../shared/documents/yearResults/yearResultsV0';

// RxDB keeps a hash of each version's schema in every user's database: a derived schema that
// differs from the released one by one keyword would refuse to open them.
describe('collections with one version: the derived RxDB schema is the released one', () => {
  it.each([
    ['classes v0', classesV0Json, classesV0Fixture],
    ['assignments v0', assignmentsV0Json, assignmentsV0Fixture],
    ['subjectResults v0', subjectResultsV0Json, subjectResultsV0Fixture],
    ['characterResults v0', characterResultsV0Json, characterResultsV0Fixture],
    ['yearResults v0', yearResultsV0Json, yearResultsV0Fixture],
    ['auditEvents v0', auditEventsV0Json, auditEventsV0Fixture],
  ])('%s', (_name, derived, released) => {
    expect(derived).toStrictEqual(released);
  });
});
