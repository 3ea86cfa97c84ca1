import { beforeAll, describe, expect, it } from 'vitest';
import { certificateFileStrings, readCertificateFile } from '../../shared/domain/certificateFile';
import { matchPerson, matchSchool, matchSigner } from '../../shared/record/signerIdentity';
import { selectForSigning } from '../../shared/record/signingOrder';
import type { RecordSignerPerson, RecordSignerSchool, StudyRecord } from '../../shared/record/studyRecord';
import { certificateIdentity } from '../../shared/signing/certificateIdentity';
import type { SignerRole } from '../../shared/domain/signerRole';
import {
  generateKeys,
  issueCertificate,
  webCryptoSigner,
  type IssuedCertificate,
  type NameAttribute,
} from '../support/pkijsCertificates';
import { createRecordPki, recordNaming, recordSigning, type RecordPki } from '../support/signedRecordFixture';

/**
 * Issue 8, "the right person": certificates as Vietnamese CAs issue them (names in capitals
 * without diacritics, Đ, a CCCD/CMND in UID or serialNumber, an organisation's MST/MNS), judged
 * against the person or school a record names, with namesakes and pinned certificates. Each
 * certificate is a real X.509 certificate made with pkijs and read back from its DER.
 */

const day = 86_400_000;
let keys: CryptoKeyPair;
let ca: IssuedCertificate;

async function certificate(subject: readonly NameAttribute[], serial?: number): Promise<IssuedCertificate> {
  return issueCertificate({
    subject,
    issuer: ca,
    notBefore: new Date(Date.now() - day),
    notAfter: new Date(Date.now() + 365 * day),
    keys,
    ...(serial === undefined ? {} : { serial }),
  });
}

const identityOf = (issued: IssuedCertificate) => certificateIdentity(issued.certificate);

const person = (name: string, known: Partial<Omit<RecordSignerPerson, 'name'>> = {}): RecordSignerPerson => ({
  name,
  personalId: null,
  formerIdNumber: null,
  pinnedCertificate: null,
  ...known,
});

const kimDong = (known: Partial<Omit<RecordSignerSchool, 'name'>> = {}): RecordSignerSchool => ({
  name: 'Trường Tiểu học Kim Đồng',
  taxCode: null,
  budgetCode: null,
  pinnedCertificate: null,
  ...known,
});

const cccd = '001190012345';
const namesakeCccd = '038190067890';

beforeAll(async () => {
  keys = await generateKeys();
  ca = await issueCertificate({
    subject: [
      { type: 'CN', value: 'VNPT Certification Authority (thử nghiệm)' },
      { type: 'O', value: 'VNPT Group' },
      { type: 'C', value: 'VN', printable: true },
    ],
    notBefore: new Date(Date.now() - 400 * day),
    notAfter: new Date(Date.now() + 400 * day),
    ca: true,
    keys,
  });
});

describe('a person’s certificate as Vietnamese CAs write it', () => {
  it('matches a name in capitals without diacritics', async () => {
    const issued = await certificate([
      { type: 'C', value: 'VN', printable: true },
      { type: 'CN', value: 'NGUYEN THI GIAO VIEN' },
    ]);
    expect(matchPerson(identityOf(issued), person('Nguyễn Thị Giáo Viên'))).toEqual({ ok: true });
  });

  it('folds Đ/đ, decomposed marks and spacing', async () => {
    const issued = await certificate([{ type: 'CN', value: ' DO  VAN DUNG ' }]);
    expect(matchPerson(identityOf(issued), person('Đỗ Văn Dũng'))).toEqual({ ok: true });
    expect(matchPerson(identityOf(issued), person('Đỗ Văn Dũng'.normalize('NFD')))).toEqual({ ok: true });
    const lower = await certificate([{ type: 'CN', value: 'đỗ văn dũng' }]);
    expect(matchPerson(identityOf(lower), person('ĐỖ VĂN DŨNG'))).toEqual({ ok: true });
  });

  it('refuses another name, however close', async () => {
    const issued = await certificate([{ type: 'CN', value: 'NGUYEN THI GIAO VIENN' }]);
    const match = matchPerson(identityOf(issued), person('Nguyễn Thị Giáo Viên'));
    expect(match).toMatchObject({ ok: false });
    expect(match.ok ? '' : match.message).toContain(
      '“NGUYEN THI GIAO VIENN”, không phải “Nguyễn Thị Giáo Viên”',
    );
  });

  it('matches UID=CCCD:<12 digits> to the person’s own ID, and refuses a namesake’s', async () => {
    const own = await certificate([
      { type: 'CN', value: 'NGUYEN THI HOA' },
      { type: 'UID', value: `CCCD:${cccd}` },
    ]);
    const namesake = await certificate([
      { type: 'CN', value: 'Nguyễn Thị Hoa' },
      { type: 'UID', value: `CCCD:${namesakeCccd}` },
    ]);
    const hoa = person('Nguyễn Thị Hoa', { personalId: cccd });
    expect(identityOf(own).citizenIds).toEqual([cccd]);
    expect(matchPerson(identityOf(own), hoa)).toEqual({ ok: true });
    const refused = matchPerson(identityOf(namesake), hoa);
    expect(refused.ok ? '' : refused.message).toContain('người trùng tên');
  });

  it('reads a CCCD from serialNumber, prefixed or a bare 12-digit number', async () => {
    const prefixed = await certificate([
      { type: 'CN', value: 'TRAN VAN BINH' },
      { type: 'serialNumber', value: `CCCD:${cccd}`, printable: true },
    ]);
    const bare = await certificate([
      { type: 'CN', value: 'TRAN VAN BINH' },
      { type: 'serialNumber', value: cccd, printable: true },
    ]);
    const bareNamesake = await certificate([
      { type: 'CN', value: 'TRAN VAN BINH' },
      { type: 'serialNumber', value: namesakeCccd, printable: true },
    ]);
    const binh = person('Trần Văn Bình', { personalId: cccd });
    expect(matchPerson(identityOf(prefixed), binh)).toEqual({ ok: true });
    expect(identityOf(bare).citizenIds).toEqual([cccd]);
    expect(matchPerson(identityOf(bare), binh)).toEqual({ ok: true });
    expect(matchPerson(identityOf(bareNamesake), binh)).toMatchObject({ ok: false });
  });

  it('matches CMND:<9 digits> against the older ID number, not against the CCCD', async () => {
    const older = await certificate([
      { type: 'CN', value: 'LE VAN CUONG' },
      { type: 'UID', value: 'CMND:012345678' },
    ]);
    expect(identityOf(older).formerIds).toEqual(['012345678']);
    expect(
      matchPerson(
        identityOf(older),
        person('Lê Văn Cường', { personalId: cccd, formerIdNumber: '012345678' }),
      ),
    ).toEqual({ ok: true });
    expect(matchPerson(identityOf(older), person('Lê Văn Cường', { personalId: cccd }))).toMatchObject({
      ok: false,
    });
    expect(
      matchPerson(identityOf(older), person('Lê Văn Cường', { formerIdNumber: '087654321' })),
    ).toMatchObject({ ok: false });
  });

  it('refuses a certificate carrying an ID while setup has none for the person, and says what to do', async () => {
    const issued = await certificate([
      { type: 'CN', value: 'NGUYEN THI HOA' },
      { type: 'UID', value: `CCCD:${cccd}` },
    ]);
    const match = matchPerson(identityOf(issued), person('Nguyễn Thị Hoa'));
    expect(match.ok ? '' : match.message).toContain('hãy nhập mã định danh');
  });

  it('refuses a malformed CCCD instead of ignoring it and judging the name alone', async () => {
    const issued = await certificate([
      { type: 'CN', value: 'NGUYEN THI HOA' },
      { type: 'UID', value: `CCCD:${cccd.slice(1)}` },
    ]);
    expect(identityOf(issued).citizenIds).toEqual([cccd.slice(1)]);
    expect(matchPerson(identityOf(issued), person('Nguyễn Thị Hoa', { personalId: cccd })).ok).toBe(false);
  });

  it('reads an ID in any other form as one that must be the person’s own (review S10)', async () => {
    const namesakeForms: readonly NameAttribute[][] = [
      [
        {
          type: 'UID',
          value: `CCCD: ${namesakeCccd.slice(0, 4)} ${namesakeCccd.slice(4, 8)} ${namesakeCccd.slice(8)}`,
        },
      ],
      [{ type: 'UID', value: `Số CCCD: ${namesakeCccd}` }],
      [{ type: 'serialNumber', value: `${namesakeCccd}X`, printable: true }],
      [{ type: 'UID', value: `ID:${namesakeCccd}` }],
      [{ type: 'UID', value: `\u0421CCD:${namesakeCccd}` }],
      [{ type: 'UID', value: 'HC:C123456789' }],
    ];
    for (const extra of namesakeForms) {
      const issued = await certificate([{ type: 'CN', value: 'NGUYEN THI HOA' }, ...extra]);
      const match = matchPerson(identityOf(issued), person('Nguyễn Thị Hoa', { personalId: cccd }));
      expect(match.ok, JSON.stringify(extra)).toBe(false);
    }
    const spaced = await certificate([
      { type: 'CN', value: 'NGUYEN THI HOA' },
      { type: 'UID', value: `Số CCCD: ${cccd.slice(0, 4)} ${cccd.slice(4, 8)} ${cccd.slice(8)}` },
    ]);
    expect(matchPerson(identityOf(spaced), person('Nguyễn Thị Hoa', { personalId: cccd })).ok).toBe(true);
  });

  it('lets a pinned person sign only with the pinned certificate, not another of the same name and ID', async () => {
    const subject: NameAttribute[] = [
      { type: 'CN', value: 'NGUYEN THI HOA' },
      { type: 'UID', value: `CCCD:${cccd}` },
    ];
    const pinned = await certificate(subject, 0x4e21);
    const renewed = await certificate(subject, 0x4e22);
    const identity = identityOf(pinned);
    const hoa = person('Nguyễn Thị Hoa', {
      personalId: cccd,
      pinnedCertificate: { issuer: identity.issuer, serialNumberHex: identity.serialNumberHex },
    });
    expect(matchPerson(identity, hoa)).toEqual({ ok: true });
    const refused = matchPerson(identityOf(renewed), hoa);
    expect(refused.ok ? '' : refused.message).toContain('chỉ được ký bằng chứng thư đã đăng ký');
    // The same serial from another issuer is another certificate.
    const otherCa = await issueCertificate({
      subject: 'CA Khác',
      notBefore: new Date(Date.now() - day),
      notAfter: new Date(Date.now() + 365 * day),
      ca: true,
      keys,
    });
    const lookalike = await issueCertificate({
      subject,
      issuer: otherCa,
      notBefore: new Date(Date.now() - day),
      notAfter: new Date(Date.now() + 365 * day),
      keys,
      serial: 0x4e21,
    });
    expect(identityOf(lookalike).serialNumberHex).toBe(identity.serialNumberHex);
    expect(matchPerson(identityOf(lookalike), hoa)).toMatchObject({ ok: false });
  });
});

describe('the school seal’s certificate', () => {
  const seal = (codes: readonly string[], name = 'TRUONG TIEU HOC KIM DONG') =>
    certificate([
      { type: 'C', value: 'VN', printable: true },
      { type: 'ST', value: 'Hà Nội' },
      { type: 'CN', value: name },
      ...codes.map((code) => ({ type: 'UID', value: code })),
    ]);

  it('matches the school’s name and its MST, and refuses another MST', async () => {
    const issued = await seal(['MST:0101234567']);
    expect(matchSchool(identityOf(issued), kimDong({ taxCode: '0101234567' }))).toEqual({ ok: true });
    const other = matchSchool(identityOf(issued), kimDong({ taxCode: '0109999999' }));
    expect(other.ok ? '' : other.message).toContain('Mã số thuế');
  });

  it('matches MST with a branch suffix only to that branch', async () => {
    const branch = await seal(['MST:0101234567-001']);
    expect(matchSchool(identityOf(branch), kimDong({ taxCode: '0101234567-001' }))).toEqual({ ok: true });
    expect(matchSchool(identityOf(branch), kimDong({ taxCode: '0101234567' }))).toMatchObject({ ok: false });
  });

  it('matches the MNS budget code, and refuses another one', async () => {
    const issued = await seal(['MNS:1234567']);
    expect(matchSchool(identityOf(issued), kimDong({ budgetCode: '1234567' }))).toEqual({ ok: true });
    const other = matchSchool(identityOf(issued), kimDong({ budgetCode: '7654321' }));
    expect(other.ok ? '' : other.message).toContain('quan hệ ngân sách');
  });

  it('refuses the seal of another “Trường Tiểu học Kim Đồng” (a namesake school with another tax code)', async () => {
    const namesake = await seal(['MST:0309876543', 'MNS:7654321'], 'Trường Tiểu học Kim Đồng');
    const ours = kimDong({ taxCode: '0101234567', budgetCode: '1234567' });
    expect(matchSchool(identityOf(namesake), ours)).toMatchObject({ ok: false });
    const unknownCodes = matchSchool(identityOf(namesake), kimDong());
    expect(unknownCodes.ok ? '' : unknownCodes.message).toContain('hãy nhập mã số thuế');
  });

  it('refuses another school’s name, and a person’s certificate in the seal’s box', async () => {
    const issued = await seal(['MST:0101234567'], 'TRUONG TIEU HOC KIM LIEN');
    expect(matchSchool(identityOf(issued), kimDong({ taxCode: '0101234567' }))).toMatchObject({ ok: false });
    const teacher = await certificate([
      { type: 'CN', value: 'Nguyễn Thị Hoa' },
      { type: 'UID', value: `CCCD:${cccd}` },
    ]);
    expect(
      matchSigner(teacher.certificate, 'schoolSeal', {
        homeroomTeacher: person('Nguyễn Thị Hoa', { personalId: cccd }),
        principal: person('Trần Văn Bình'),
        schoolSeal: kimDong(),
      }),
    ).toMatchObject({ ok: false });
  });
});

describe('the signer’s selection and the verifier agree on real-style certificates', () => {
  let pki: RecordPki;
  const names = { teacher: 'Nguyễn Thị Hoa', principal: 'Đỗ Văn Dũng', school: 'Trường Tiểu học Kim Đồng' };
  let record: StudyRecord;

  beforeAll(async () => {
    pki = await createRecordPki(names);
    const named = recordNaming(pki);
    record = {
      ...named,
      signers: {
        homeroomTeacher: { ...named.signers.homeroomTeacher, personalId: cccd },
        principal: { ...named.signers.principal, formerIdNumber: '012345678' },
        schoolSeal: { ...named.signers.schoolSeal, taxCode: '0101234567', budgetCode: '1234567' },
      },
    };
  });

  it('verifies a record signed by certificates without diacritics, with CCCD, CMND, MST and MNS in the subject', async () => {
    const teacher = await pki.issue([
      { type: 'CN', value: 'NGUYEN THI HOA' },
      { type: 'UID', value: `CCCD:${cccd}` },
    ]);
    const principal = await pki.issue([
      { type: 'CN', value: 'DO VAN DUNG' },
      { type: 'serialNumber', value: 'CMND:012345678', printable: true },
    ]);
    const seal = await pki.issue([
      { type: 'CN', value: 'TRUONG TIEU HOC KIM DONG' },
      { type: 'UID', value: 'MST:0101234567' },
      { type: 'UID', value: 'MNS:1234567' },
    ]);
    const signing = await recordSigning(pki, record);
    const states = (signedRoles: readonly SignerRole[]) => [
      { recordId: record.id, state: 'final' as const, signedRoles, signers: record.signers },
    ];
    let pdf = signing.rendered.pdf;
    for (const [role, issued, before] of [
      ['homeroomTeacher', teacher, []],
      ['principal', principal, ['homeroomTeacher']],
      ['schoolSeal', seal, ['homeroomTeacher', 'principal']],
    ] as const) {
      // What main decides before a batch, on the same certificate.
      expect(selectForSigning(states(before), role, { certificate: identityOf(issued) }).toSign).toEqual([
        record.id,
      ]);
      pdf = await signing.sign(pdf, role, webCryptoSigner(issued, [pki.intermediate]));
    }
    const report = await signing.verify(pdf);
    expect(report.status).toBe('complete');
    expect(report.valid).toBe(true);
  });

  it('calls a namesake teacher’s signature invalid, and the signer would not have made it', async () => {
    const namesake = await pki.issue([
      { type: 'CN', value: 'Nguyễn Thị Hoa' },
      { type: 'UID', value: `CCCD:${namesakeCccd}` },
    ]);
    const selection = selectForSigning(
      [{ recordId: record.id, state: 'final', signedRoles: [], signers: record.signers }],
      'homeroomTeacher',
      { certificate: identityOf(namesake) },
    );
    expect(selection.toSign).toEqual([]);
    expect(selection.refused[0]?.message).toContain('người trùng tên');
    const signing = await recordSigning(pki, record);
    const pdf = await signing.sign(
      signing.rendered.pdf,
      'homeroomTeacher',
      webCryptoSigner(namesake, [pki.intermediate]),
    );
    const report = await signing.verify(pdf);
    expect(report.status).toBe('invalid');
    expect(report.verdict + report.recordChecks.map((check) => check.message).join(' ')).toContain(
      'người trùng tên',
    );
  });
});

describe('reading a certificate file to pin', () => {
  const pem = (der: Uint8Array) =>
    `-----BEGIN CERTIFICATE-----\n${(
      Buffer.from(der)
        .toString('base64')
        .match(/.{1,64}/g) ?? []
    ).join('\n')}\n-----END CERTIFICATE-----\n`;

  it('reads DER and PEM, and takes the holder’s certificate out of a PEM chain', async () => {
    const holder = await certificate([
      { type: 'CN', value: 'NGUYEN THI HOA' },
      { type: 'UID', value: `CCCD:${cccd}` },
    ]);
    const fromDer = readCertificateFile(holder.der);
    expect(fromDer).toMatchObject({ ok: true, certificate: { identity: { citizenIds: [cccd] } } });
    const chain = new TextEncoder().encode(pem(ca.der) + pem(holder.der));
    const fromChain = readCertificateFile(chain);
    expect(fromChain.ok && fromChain.certificate.identity.commonName).toBe('NGUYEN THI HOA');
    expect(fromChain.ok && fromChain.certificate.notAfter).toBe(
      holder.certificate.notAfter.value.toISOString(),
    );
  });

  it('refuses a file too large to be a certificate before parsing it, garbage, and a file of CA certificates only', () => {
    const big = new Uint8Array(64 * 1024 + 1);
    expect(readCertificateFile(big)).toEqual({ ok: false, message: certificateFileStrings.tooLarge });
    expect(readCertificateFile(new TextEncoder().encode('MZ\u0090 not a certificate'))).toMatchObject({
      ok: false,
    });
    expect(
      readCertificateFile(
        new TextEncoder().encode('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----'),
      ),
    ).toMatchObject({ ok: false });
    expect(readCertificateFile(new TextEncoder().encode(pem(ca.der)))).toEqual({
      ok: false,
      message: certificateFileStrings.onlyAuthorities,
    });
  });
});
