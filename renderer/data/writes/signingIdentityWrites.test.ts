import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../shared/audit/auditChain';
import { readCertificateFile, type PickedCertificate } from '../../../shared/domain/certificateFile';
import { userIdOf } from '../../../shared/domain/ids';
import { foldedName } from '../../../shared/signing/certificateIdentity';
import {
  contextAs,
  databaseHarness,
  seededDatabase,
  testDeviceId,
} from '../../../tests/support/browserDatabase';
import {
  generateKeys,
  issueCertificate,
  type IssuedCertificate,
  type NameAttribute,
} from '../../../tests/support/pkijsCertificates';
import { signerIdentitiesOf } from '../../features/records/useClassRecords';
import type { HocbaDatabase } from '../database';
import { addStaffMember, setClassAssignments } from './setupWrites';
import {
  pinSealCertificate,
  pinStaffCertificate,
  setSchoolCodes,
  setStaffIdentity,
} from './signingIdentityWrites';
import { signingIdentityWriteStrings as strings } from './signingIdentityStrings';
import { writeStrings } from './writeStrings';

// Runs in real Chromium: RxDB on IndexedDB, certificates made with pkijs over the browser's WebCrypto.
const harness = databaseHarness();
afterEach(() => harness.cleanUp());

const day = 86_400_000;
const cccd = '001190012345';
let keys: CryptoKeyPair;
let ca: IssuedCertificate;

beforeAll(async () => {
  keys = await generateKeys('ec');
  ca = await issueCertificate({
    subject: 'CA Thử Nghiệm',
    notBefore: new Date(Date.now() - 400 * day),
    notAfter: new Date(Date.now() + 400 * day),
    ca: true,
    keys,
    keyAlgorithm: 'ec',
  });
});

async function picked(subject: readonly NameAttribute[], validDays = 365): Promise<PickedCertificate> {
  const issued = await issueCertificate({
    subject,
    issuer: ca,
    notBefore: new Date(Date.now() - 400 * day),
    notAfter: new Date(Date.now() + validDays * day),
    keys,
    keyAlgorithm: 'ec',
  });
  const reading = readCertificateFile(issued.der);
  if (!reading.ok) throw new Error(reading.message);
  return reading.certificate;
}

async function setUp() {
  const { database, school } = await seededDatabase(harness, 40);
  const homeroom = school.assignments.find((assignment) => assignment.homeroom);
  const teacher = school.staff.find((member) => member.userId === homeroom?.teacherId);
  const schoolClass = school.classes.find((candidate) => candidate.id === homeroom?.classId);
  if (!teacher || !schoolClass) throw new Error('sample school has no homeroom teacher');
  return {
    database,
    school,
    teacher,
    schoolClass,
    principal: contextAs(school, 'user:hieutruong'),
    asTeacher: contextAs(school, teacher.userId),
  };
}

async function stored(database: HocbaDatabase) {
  const school = (await database.schools.findOne().exec())?.toMutableJSON();
  if (!school) throw new Error('no school');
  return school;
}

async function chainOf(database: HocbaDatabase) {
  const docs = await database.auditEvents
    .find({ selector: { deviceId: testDeviceId }, sort: [{ seq: 'asc' }] })
    .exec();
  return docs.map((doc) => doc.toMutableJSON());
}

const upper = (name: string) => foldedName(name).toUpperCase();

describe('the signers’ identities in setup (audited)', () => {
  it('records a teacher’s personal ID and older CMND, typed with spaces, on the audit chain', async () => {
    const { database, teacher, principal } = await setUp();
    const before = (await chainOf(database)).length;
    await setStaffIdentity(database, principal, teacher.userId, {
      personalId: ' 0011 9001 2345 ',
      formerIdNumber: '012.345.678',
    });
    const member = (await stored(database)).staff.find((candidate) => candidate.userId === teacher.userId);
    expect(member).toMatchObject({ personalId: cccd, formerIdNumber: '012345678' });
    const events = (await chainOf(database)).slice(before);
    expect(events.map((event) => [event.collectionName, event.field])).toEqual([['schools', 'staff']]);
    expect(verifyAuditChain(testDeviceId, await chainOf(database))).toEqual([]);

    await setStaffIdentity(database, principal, teacher.userId, { personalId: cccd, formerIdNumber: '' });
    const cleared = (await stored(database)).staff.find((candidate) => candidate.userId === teacher.userId);
    expect(cleared).toMatchObject({ personalId: cccd, formerIdNumber: null });
  });

  it('refuses malformed numbers, one person’s ID for another, and anyone but leadership', async () => {
    const { database, school, teacher, principal, asTeacher } = await setUp();
    const before = (await chainOf(database)).length;
    for (const personalId of ['00119001234', '0011900123456', '00119001234a', 'CCCD:001190012345'])
      await expect(
        setStaffIdentity(database, principal, teacher.userId, { personalId, formerIdNumber: '' }),
      ).rejects.toThrow(strings.badPersonalId);
    await expect(
      setStaffIdentity(database, principal, teacher.userId, { personalId: '', formerIdNumber: '1234567890' }),
    ).rejects.toThrow(strings.badFormerId);
    await expect(
      setStaffIdentity(database, asTeacher, teacher.userId, { personalId: cccd, formerIdNumber: '' }),
    ).rejects.toThrow(writeStrings.notLeadership);
    expect(await chainOf(database)).toHaveLength(before);

    await setStaffIdentity(database, principal, teacher.userId, { personalId: cccd, formerIdNumber: '' });
    const other = school.staff.find(
      (member) => member.userId !== teacher.userId && member.role === 'teacher',
    );
    if (!other) throw new Error('no other teacher');
    await expect(
      setStaffIdentity(database, principal, other.userId, { personalId: cccd, formerIdNumber: '' }),
    ).rejects.toThrow(strings.duplicatePersonalId(teacher.fullName));
  });

  it('pins a teacher’s certificate without diacritics and with her CCCD, and refuses the wrong ones', async () => {
    const { database, teacher, principal } = await setUp();
    const own = await picked([
      { type: 'CN', value: upper(teacher.fullName) },
      { type: 'UID', value: `CCCD:${cccd}` },
    ]);
    // The certificate carries a CCCD: the ID must be known first, so it can be compared.
    await expect(pinStaffCertificate(database, principal, teacher.userId, own)).rejects.toThrow(
      strings.personIdsFirst(teacher.fullName),
    );
    await setStaffIdentity(database, principal, teacher.userId, { personalId: cccd, formerIdNumber: '' });

    const namesake = await picked([
      { type: 'CN', value: teacher.fullName },
      { type: 'UID', value: 'CCCD:038190067890' },
    ]);
    await expect(pinStaffCertificate(database, principal, teacher.userId, namesake)).rejects.toThrow(
      /người trùng tên/,
    );
    const someoneElse = await picked([{ type: 'CN', value: 'LE VAN CUONG' }]);
    await expect(pinStaffCertificate(database, principal, teacher.userId, someoneElse)).rejects.toThrow(
      /LE VAN CUONG/,
    );
    const expired = await picked([{ type: 'CN', value: teacher.fullName }], -1);
    await expect(pinStaffCertificate(database, principal, teacher.userId, expired)).rejects.toThrow(
      /đã hết hạn/,
    );

    await pinStaffCertificate(database, principal, teacher.userId, own);
    const member = (await stored(database)).staff.find((candidate) => candidate.userId === teacher.userId);
    expect(member?.certificate).toEqual({
      issuer: own.identity.issuer,
      serialNumberHex: own.identity.serialNumberHex,
      holderName: upper(teacher.fullName),
      notBefore: own.notBefore,
      notAfter: own.notAfter,
    });

    // A namesake teacher on the staff cannot be pinned to the same certificate.
    await addStaffMember(database, principal, {
      fullName: teacher.fullName,
      login: 'trungten',
      role: 'teacher',
    });
    await expect(pinStaffCertificate(database, principal, userIdOf('trungten'), own)).rejects.toThrow(
      strings.personIdsFirst(teacher.fullName),
    );

    await pinStaffCertificate(database, principal, teacher.userId, null);
    const unpinned = (await stored(database)).staff.find((candidate) => candidate.userId === teacher.userId);
    expect(unpinned?.certificate).toBeNull();
    expect(verifyAuditChain(testDeviceId, await chainOf(database))).toEqual([]);
  });

  it('records the school’s MST and MNS and pins the seal only when it is this school’s', async () => {
    const { database, school, principal } = await setUp();
    await expect(
      setSchoolCodes(database, principal, { taxCode: '01012345', budgetCode: '' }),
    ).rejects.toThrow(strings.badTaxCode);
    await expect(
      setSchoolCodes(database, principal, { taxCode: '', budgetCode: 'MNS1234567' }),
    ).rejects.toThrow(strings.badBudgetCode);
    const seal = await picked([
      { type: 'CN', value: upper(school.school.name) },
      { type: 'UID', value: 'MST:0101234567' },
      { type: 'UID', value: 'MNS:1234567' },
    ]);
    await expect(pinSealCertificate(database, principal, seal)).rejects.toThrow(strings.schoolCodesFirst);
    await setSchoolCodes(database, principal, { taxCode: '0101234567', budgetCode: '1234567' });
    expect(await stored(database)).toMatchObject({ taxCode: '0101234567', budgetCode: '1234567' });

    const namesakeSchool = await picked([
      { type: 'CN', value: school.school.name },
      { type: 'UID', value: 'MST:0309876543' },
    ]);
    await expect(pinSealCertificate(database, principal, namesakeSchool)).rejects.toThrow(/Mã số thuế/);
    await pinSealCertificate(database, principal, seal);
    expect((await stored(database)).sealCertificate?.serialNumberHex).toBe(seal.identity.serialNumberHex);
    await pinSealCertificate(database, principal, null);
    expect((await stored(database)).sealCertificate).toBeNull();
    expect(verifyAuditChain(testDeviceId, await chainOf(database))).toEqual([]);
  });

  it('puts the homeroom teacher’s own IDs and pin into the class’s records, not a namesake’s', async () => {
    const { database, teacher, schoolClass, principal } = await setUp();
    await setStaffIdentity(database, principal, teacher.userId, { personalId: cccd, formerIdNumber: '' });
    const own = await picked([
      { type: 'CN', value: upper(teacher.fullName) },
      { type: 'UID', value: `CCCD:${cccd}` },
    ]);
    await pinStaffCertificate(database, principal, teacher.userId, own);
    // A namesake on the staff, with her own ID, who does not teach this class.
    await addStaffMember(database, principal, {
      fullName: teacher.fullName,
      login: 'trungten',
      role: 'teacher',
    });
    await setStaffIdentity(database, principal, userIdOf('trungten'), {
      personalId: '038190067890',
      formerIdNumber: '',
    });
    await setSchoolCodes(database, principal, { taxCode: '0101234567', budgetCode: '' });

    const school = await stored(database);
    const classDoc = (await database.classes.findOne(schoolClass.id).exec())?.toMutableJSON();
    if (!classDoc) throw new Error('no class');
    const assignments = (await database.assignments.find().exec()).map((doc) => doc.toMutableJSON());
    const identities = signerIdentitiesOf(school, classDoc, assignments);
    expect(identities.homeroomTeacher).toEqual({
      personalId: cccd,
      formerIdNumber: null,
      pinnedCertificate: { issuer: own.identity.issuer, serialNumberHex: own.identity.serialNumberHex },
    });
    expect(identities.principal).toMatchObject({ personalId: null, pinnedCertificate: null });
    expect(identities.schoolSeal).toEqual({
      taxCode: '0101234567',
      budgetCode: null,
      pinnedCertificate: null,
    });

    // The namesake made homeroom teacher: her ID goes into the records, not the first teacher's.
    await setClassAssignments(database, principal, schoolClass.id, {
      homeroomTeacherId: 'user:trungten',
      subjectTeachers: {},
    });
    const reassigned = signerIdentitiesOf(
      await stored(database),
      classDoc,
      (await database.assignments.find().exec()).map((doc) => doc.toMutableJSON()),
    );
    expect(reassigned.homeroomTeacher?.personalId).toBe('038190067890');
    expect(reassigned.homeroomTeacher?.pinnedCertificate).toBeNull();
  });
});
