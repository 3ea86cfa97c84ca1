import { describe, expect, it } from 'vitest';
import type { CertificateIdentity } from '../signing/certificateIdentity';
import {
  type RecordForSigning,
  selectForSigning,
  signatureNeededBefore,
  signingTurnOf,
} from './signingOrder';
import type { RecordSigners } from './studyRecord';

describe('the signing order of a học bạ', () => {
  it('lets the homeroom teacher sign first', () => {
    expect(signatureNeededBefore('homeroomTeacher')).toBeUndefined();
    expect(signingTurnOf('homeroomTeacher', [])).toEqual({ turn: 'ready' });
  });

  it('makes the principal wait for the teacher, and the seal for the principal', () => {
    expect(signingTurnOf('principal', [])).toMatchObject({ turn: 'waiting', waitingFor: 'homeroomTeacher' });
    expect(signingTurnOf('schoolSeal', ['homeroomTeacher'])).toMatchObject({
      turn: 'waiting',
      waitingFor: 'principal',
    });
    const waiting = signingTurnOf('principal', []);
    expect(waiting.turn === 'waiting' ? waiting.message : '').toContain('Giáo viên chủ nhiệm');
  });

  it('is ready once the earlier signature is there, and says when the role already signed', () => {
    expect(signingTurnOf('principal', ['homeroomTeacher'])).toEqual({ turn: 'ready' });
    expect(signingTurnOf('schoolSeal', ['homeroomTeacher', 'principal'])).toEqual({ turn: 'ready' });
    expect(signingTurnOf('principal', ['homeroomTeacher', 'principal'])).toEqual({ turn: 'alreadySigned' });
  });
});

describe('choosing the records a signer may sign', () => {
  const signers: RecordSigners = {
    homeroomTeacher: {
      name: 'Nguyễn Thị Thu Hà',
      personalId: '001190012345',
      formerIdNumber: null,
      pinnedCertificate: null,
    },
    principal: { name: 'Trần Văn Bình', personalId: null, formerIdNumber: null, pinnedCertificate: null },
    schoolSeal: {
      name: 'Trường Tiểu học Kim Liên',
      taxCode: '0101234567',
      budgetCode: null,
      pinnedCertificate: null,
    },
  };
  const final = (recordId: string, signedRoles: RecordForSigning['signedRoles'] = []): RecordForSigning => ({
    recordId,
    state: 'final',
    signedRoles,
    signers,
  });
  const certificate = (identity: Partial<CertificateIdentity>) => ({
    certificate: {
      commonName: undefined,
      citizenIds: [],
      formerIds: [],
      taxCodes: [],
      budgetCodes: [],
      issuer: 'CN=CA Thử Nghiệm, C=VN',
      serialNumberHex: '1234',
      ...identity,
    },
  });

  it('takes final records that name the signer, in turn, and keeps already signed ones for the batch to skip', () => {
    const selection = selectForSigning(
      [final('a', ['homeroomTeacher']), final('b', ['homeroomTeacher', 'principal']), final('c')],
      'principal',
      certificate({ commonName: 'TRAN VAN  BINH' }),
    );
    expect(selection.toSign).toEqual(['a', 'b']);
    expect(selection.alreadySigned).toEqual(['b']);
    expect(selection.refused.map((entry) => [entry.recordId, entry.reason])).toEqual([['c', 'waiting']]);
  });

  it('judges a certificate by the record’s signer: folded name, and the CCCD it carries against the personal ID', () => {
    const own = selectForSigning(
      [final('a')],
      'homeroomTeacher',
      certificate({ commonName: 'NGUYEN THI THU HA', citizenIds: ['001190012345'] }),
    );
    expect(own.toSign).toEqual(['a']);
    const namesake = selectForSigning(
      [final('a')],
      'homeroomTeacher',
      certificate({ commonName: 'Nguyễn Thị Thu Hà', citizenIds: ['079190099999'] }),
    );
    expect(namesake.toSign).toEqual([]);
    expect(namesake.refused[0]?.reason).toBe('someoneElse');
    expect(namesake.refused[0]?.message).toContain('người trùng tên');
  });

  it('judges the seal by the school’s name and tax code', () => {
    const states = [final('a', ['homeroomTeacher', 'principal'])];
    const school = { commonName: 'TRUONG TIEU HOC KIM LIEN' };
    expect(
      selectForSigning(states, 'schoolSeal', certificate({ ...school, taxCodes: ['0101234567'] })).toSign,
    ).toEqual(['a']);
    const other = selectForSigning(
      states,
      'schoolSeal',
      certificate({ ...school, taxCodes: ['0309999999'] }),
    );
    expect(other.refused[0]?.message).toContain('Mã số thuế');
  });

  it('refuses a record that names someone else in that role, whatever role is asked for', () => {
    const selection = selectForSigning(
      [final('a', ['homeroomTeacher'])],
      'principal',
      certificate({ commonName: 'Nguyễn Thị Thu Hà', citizenIds: ['001190012345'] }),
    );
    expect(selection.toSign).toEqual([]);
    expect(selection.refused[0]?.reason).toBe('someoneElse');
    expect(selection.refused[0]?.message).toContain('“Trần Văn Bình”');
  });

  it('counts by the signed-in person’s folded name before a certificate is chosen', () => {
    expect(
      selectForSigning([final('a')], 'homeroomTeacher', { personName: 'nguyen thi thu ha' }).toSign,
    ).toEqual(['a']);
    const other = selectForSigning([final('a')], 'homeroomTeacher', { personName: 'Lê Văn Cường' });
    expect(other.refused[0]?.message).toContain('không phải “Lê Văn Cường”');
  });

  it('refuses what is not a final record, and a record without signers', () => {
    const selection = selectForSigning(
      [
        { recordId: 'm', state: 'missing', signedRoles: [] },
        { recordId: 'd', state: 'draft', signedRoles: [] },
        { recordId: 'u', state: 'unreadable', signedRoles: [] },
        { recordId: 'o', state: 'final', signedRoles: [] },
      ],
      'homeroomTeacher',
      certificate({ commonName: 'Nguyễn Thị Thu Hà' }),
    );
    expect(selection.toSign).toEqual([]);
    expect(selection.refused.map((entry) => entry.reason)).toEqual([
      'missing',
      'draft',
      'unreadable',
      'notNamed',
    ]);
  });
});
