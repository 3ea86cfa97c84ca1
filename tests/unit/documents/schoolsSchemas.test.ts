import { describe, expect, it } from 'vitest';
import { schoolsV0Fixture } from './releasedSchemas/schoolsV0';
import { schoolsV1Fixture } from './releasedSchemas/schoolsV1';
import { schoolsV2Fixture } from './releasedSchemas/schoolsV2';
import { schoolsV3Fixture } from './releasedSchemas/schoolsV3';
import { schoolsV0Json } from '../../../shared/documents/schools/schoolsV0';
import { schoolsV1Json } from '../../../shared/documents/schools/schoolsV1';
import { schoolsV2Json } from '../../../shared/documents/schools/schoolsV2';
import { schoolsV3Json } from '../../../shared/documents/schools/schoolsV3';

// RxDB keeps a hash of each version's schema in every user's database: a derived schema that
// differs from the released one by one keyword would refuse to open them.
describe('schools: the derived RxDB schemas are the released ones', () => {
  it.each([
    ['v0', schoolsV0Json, schoolsV0Fixture],
    ['v1', schoolsV1Json, schoolsV1Fixture],
    ['v2', schoolsV2Json, schoolsV2Fixture],
    ['v3', schoolsV3Json, schoolsV3Fixture],
  ])('%s', (_version, derived, released) => {
    expect(derived).toStrictEqual(released);
  });
});
