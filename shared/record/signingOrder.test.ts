import { describe, expect, it } from 'vitest';
import {
  type RecordForSigning,
  selectForSigning,
  signatureNeededBefore,
  signingTurnOf,
} from './signingOrder';

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
  const names = {
    homeroomTeacher: 'Nguyễn Thị Thu Hà',
    principal: 'Trần Văn Bình',
    schoolSeal: 'Trường Tiểu học Kim Liên',
  };
  const final = (recordId: string, signedRoles: RecordForSigning['signedRoles'] = []): RecordForSigning => ({
    recordId,
    state: 'final',
    signedRoles,
    signerNames: names,
  });

  it('takes final records that name the signer, in turn, and keeps already signed ones for the batch to skip', () => {
    const selection = selectForSigning(
      [final('a', ['homeroomTeacher']), final('b', ['homeroomTeacher', 'principal']), final('c')],
      'principal',
      'trần văn  bình'.normalize('NFD'),
    );
    expect(selection.toSign).toEqual(['a', 'b']);
    expect(selection.alreadySigned).toEqual(['b']);
    expect(selection.refused.map((entry) => [entry.recordId, entry.reason])).toEqual([['c', 'waiting']]);
  });

  it('refuses a record that names someone else in that role, whatever role is asked for', () => {
    const selection = selectForSigning([final('a', ['homeroomTeacher'])], 'principal', 'Nguyễn Thị Thu Hà');
    expect(selection.toSign).toEqual([]);
    expect(selection.refused[0]?.reason).toBe('someoneElse');
    expect(selection.refused[0]?.message).toContain('“Trần Văn Bình”');
  });

  it('refuses what is not a final record, and a record without names', () => {
    const selection = selectForSigning(
      [
        { recordId: 'm', state: 'missing', signedRoles: [] },
        { recordId: 'd', state: 'draft', signedRoles: [] },
        { recordId: 'u', state: 'unreadable', signedRoles: [] },
        { recordId: 'o', state: 'final', signedRoles: [] },
      ],
      'homeroomTeacher',
      'Nguyễn Thị Thu Hà',
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
