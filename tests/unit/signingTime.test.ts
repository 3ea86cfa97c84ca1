import { beforeAll, describe, expect, it } from 'vitest';
import {
  clockSkewMs,
  judgeSigningTime,
  type JudgeSigningTimeOptions,
} from '../../shared/signing/signingTime';
import { issueCertificate, type IssuedCertificate } from '../support/pkijsCertificates';

const minute = 60_000;
const now = new Date('2026-06-02T03:00:00Z');
const confirmedAt = '2026-05-25T02:00:00Z';

let expired: IssuedCertificate;
let current: IssuedCertificate;

function judge(options: Partial<JudgeSigningTimeOptions>) {
  return judgeSigningTime({
    claimed: new Date('2026-05-28T08:00:00Z'),
    certificate: current.certificate,
    yearResultConfirmedAt: confirmedAt,
    schoolYear: '2025-2026',
    earlier: [],
    now,
    ...options,
  });
}

const codes = (result: ReturnType<typeof judgeSigningTime>) => result.refusals.map((refusal) => refusal.code);

describe('judging the signing time', () => {
  beforeAll(async () => {
    expired = await issueCertificate({
      subject: 'Nguyễn Thị Thu Hà',
      notBefore: new Date('2022-01-01T00:00:00Z'),
      notAfter: new Date('2024-12-31T23:59:59Z'),
    });
    current = await issueCertificate({
      subject: 'Nguyễn Thị Thu Hà',
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2027-12-31T23:59:59Z'),
    });
  });

  it('refuses the reproduced attack: a certificate of 2022–2024, /M in 2023, a 2025-2026 record confirmed in 2026', () => {
    const result = judge({ claimed: new Date('2023-03-15T02:00:00Z'), certificate: expired.certificate });
    expect(result.ok).toBe(false);
    expect(result.proven).toBe(false);
    expect(codes(result)).toContain('before-year-result');
    expect(codes(result)).toContain('before-school-year');
    expect(result.refusals.map((refusal) => refusal.message).join(' ')).toContain('xác nhận kết quả cả năm');
    // Even with a plausible /M after the confirmation, the expired certificate is refused.
    const honest = judge({ claimed: new Date('2026-05-28T08:00:00Z'), certificate: expired.certificate });
    expect(codes(honest)).toEqual(['after-certificate']);
    expect(honest.refusals[0]?.message).toContain('hết hiệu lực');
  });

  it('accepts a claimed time after the confirmation, and says it is only claimed', () => {
    const result = judge({});
    expect(result).toMatchObject({ ok: true, basis: 'claimed', proven: false, refusals: [] });
    expect(result.message).toContain(
      'Thời điểm ký do người ký tự khai, chưa được xác thực bằng dấu thời gian',
    );
    expect(result.when?.toISOString()).toBe('2026-05-28T08:00:00.000Z');
  });

  it('judges at the timestamp’s genTime when there is one, and says it is proven', () => {
    const genTime = new Date('2026-05-28T08:00:30Z');
    const result = judge({ timestamp: { genTime, tsaName: 'TSA của Sở' } });
    expect(result).toMatchObject({ ok: true, basis: 'timestamp', proven: true });
    expect(result.when).toEqual(genTime);
    expect(result.message).toContain('TSA của Sở');
    // No /M at all is fine with a timestamp.
    expect(judge({ claimed: undefined, timestamp: { genTime, tsaName: 'TSA' } }).ok).toBe(true);
  });

  it('refuses a /M later than the timestamp beyond the clock skew', () => {
    const genTime = new Date('2026-05-28T08:00:00Z');
    const timestamp = { genTime, tsaName: 'TSA' };
    expect(codes(judge({ timestamp, claimed: new Date(genTime.getTime() + 2 * minute) }))).toEqual([]);
    expect(codes(judge({ timestamp, claimed: new Date(genTime.getTime() + clockSkewMs + minute) }))).toEqual([
      'claimed-after-timestamp',
    ]);
  });

  it('refuses a claimed time in the future beyond the clock skew', () => {
    expect(codes(judge({ claimed: new Date(now.getTime() + 2 * minute) }))).toEqual([]);
    const result = judge({ claimed: new Date(now.getTime() + 2 * 3_600_000) });
    expect(codes(result)).toEqual(['future']);
    expect(result.refusals[0]?.message).toContain('tương lai');
  });

  it('refuses a time before the certificate’s validity', () => {
    const early = new Date('2024-12-20T00:00:00Z');
    const result = judge({ claimed: early, yearResultConfirmedAt: undefined, schoolYear: '2024-2025' });
    expect(codes(result)).toEqual(['before-certificate']);
  });

  it('refuses a time before the year result was confirmed (beyond skew) and before the school year began', () => {
    const confirmed = new Date(confirmedAt);
    expect(codes(judge({ claimed: new Date(confirmed.getTime() - 2 * minute) }))).toEqual([]);
    expect(codes(judge({ claimed: new Date(confirmed.getTime() - 3_600_000) }))).toEqual([
      'before-year-result',
    ]);
    const beforeYear = judge({ claimed: new Date('2025-07-20T00:00:00Z'), yearResultConfirmedAt: undefined });
    expect(codes(beforeYear)).toEqual(['before-school-year']);
  });

  it('refuses a signature that predates an earlier one of the file (teacher → principal → seal)', () => {
    const teacher = { when: new Date('2026-05-28T08:00:00Z'), proven: false, label: 'Giáo viên chủ nhiệm' };
    const principal = judge({ claimed: new Date('2026-05-27T08:00:00Z'), earlier: [teacher] });
    expect(codes(principal)).toEqual(['out-of-order']);
    expect(principal.refusals[0]?.message).toContain('Giáo viên chủ nhiệm');
    expect(codes(judge({ claimed: new Date('2026-05-28T07:58:00Z'), earlier: [teacher] }))).toEqual([]);
    // Two proven times must be in order to the second.
    const provenTeacher = { ...teacher, proven: true };
    const seal = judge({
      timestamp: { genTime: new Date('2026-05-28T07:59:00Z'), tsaName: 'TSA' },
      claimed: undefined,
      earlier: [provenTeacher],
    });
    expect(codes(seal)).toEqual(['out-of-order']);
  });

  it('refuses a signature with neither /M nor a timestamp', () => {
    const result = judge({ claimed: undefined });
    expect(result).toMatchObject({ ok: false, basis: 'none', when: undefined });
    expect(codes(result)).toEqual(['missing']);
  });
});
