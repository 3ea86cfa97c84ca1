import { describe, expect, it } from 'vitest';
import { signatureNeededBefore, signingTurnOf } from './signingOrder';

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
