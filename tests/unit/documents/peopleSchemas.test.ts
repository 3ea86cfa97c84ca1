import { describe, expect, it } from 'vitest';
import { peopleV0Fixture } from './releasedSchemas/peopleV0';
import { peopleV1Fixture } from './releasedSchemas/peopleV1';
import { peopleV2Fixture } from './releasedSchemas/peopleV2';
import { peopleV3Fixture } from './releasedSchemas/peopleV3';
import { peopleV4Fixture } from './releasedSchemas/peopleV4';
import { peopleV5Fixture } from './releasedSchemas/peopleV5';
import { peopleV0Json } from '../../../shared/documents/people/peopleV0';
import { peopleV1Json } from '../../../shared/documents/people/peopleV1';
import { peopleV2Json } from '../../../shared/documents/people/peopleV2';
import { peopleV3Json } from '../../../shared/documents/people/peopleV3';
import { peopleV4Json } from '../../../shared/documents/people/peopleV4';
import { peopleV5Json } from '../../../shared/documents/people/peopleV5';

// RxDB keeps a hash of each version's schema in every user's database: a derived schema that
// differs from the released one by one keyword would refuse to open them.
describe('people: the derived RxDB schemas are the released ones', () => {
  it.each([
    ['v0', peopleV0Json, peopleV0Fixture],
    ['v1', peopleV1Json, peopleV1Fixture],
    ['v2', peopleV2Json, peopleV2Fixture],
    ['v3', peopleV3Json, peopleV3Fixture],
    ['v4', peopleV4Json, peopleV4Fixture],
    ['v5', peopleV5Json, peopleV5Fixture],
  ])('%s', (_version, derived, released) => {
    expect(derived).toStrictEqual(released);
  });
});
