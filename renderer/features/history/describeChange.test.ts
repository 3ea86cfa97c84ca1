import { describe, expect, it } from 'vitest';
import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import type { AuditEventDoc } from '../../data/collections/auditEventsCollection';
import { describeDevice, describeFieldPath, describeTarget, describeValue } from './describeChange';

const people = new Map([['user:hatt', 'Trần Thị Hà']]);
const catalogue = defaultCompiledCatalogue();
const eventOn = (collectionName: string, field: string, docId = 'doc'): AuditEventDoc =>
  ({ collectionName, field, docId }) as unknown as AuditEventDoc;

describe('History in a teacher’s words (issue 10, point 7)', () => {
  it('names fields in Vietnamese, never by their internal path', () => {
    expect(describeFieldPath('confirmation.fingerprint')).toBe(
      'Xác nhận kết quả cuối năm · Dữ liệu được xác nhận',
    );
    expect(describeFieldPath('photo.photoId')).toBe('Ảnh');
    expect(describeTarget(catalogue, eventOn('people', 'birthCertificateCheck.date'))).toBe(
      'Hồ sơ học sinh · Đối chiếu giấy khai sinh · Ngày',
    );
    expect(describeTarget(catalogue, eventOn('yearResults', 'confirmation'))).toBe(
      'Kết quả cuối năm · Xác nhận kết quả cuối năm',
    );
  });

  it('shows people by name, times in Vietnam time, dates as dd/mm/yyyy and hashes shortened', () => {
    expect(describeValue('"user:hatt"', people)).toBe('Trần Thị Hà');
    expect(describeValue('"user:ghost"', people)).toBe('Người dùng ghost');
    // 01:30 UTC is 08:30 in Hà Nội.
    expect(describeValue('"2026-12-05T01:30:00.000Z"', people)).toBe('05/12/2026 08:30');
    expect(describeValue('"2026-05-20"', people)).toBe('20/05/2026');
    expect(describeValue(JSON.stringify('ab'.repeat(32)), people)).toBe('mã abababab…');
    expect(describeValue('"female"', people)).toBe('Nữ');
    expect(describeValue('true', people)).toBe('Có');
    expect(describeValue('null', people)).toBe('(trống)');
  });

  it('describes a whole confirmation or photo in brief, without its hash or ids', () => {
    const confirmation = {
      at: '2026-05-25T02:00:00.000Z',
      by: 'user:hatt',
      result: 'HTT',
      fingerprint: 'f'.repeat(64),
    };
    const shown = describeValue(JSON.stringify(confirmation), people);
    expect(shown).toBe(
      'Thời điểm: 25/05/2026 09:00; Người thực hiện: Trần Thị Hà; Kết quả giáo dục: Hoàn thành tốt',
    );
    expect(shown).not.toMatch(/ffff|user:/);
    expect(describeValue(JSON.stringify({ photoId: 'c0ffee'.repeat(10), width: 300, height: 400 }))).toBe(
      'Có ảnh',
    );
  });

  it('describes a departure the year roll-over recorded in words', () => {
    const departure = {
      kind: 'transferred',
      date: '2026-08-20',
      schoolYear: '2025-2026',
      detail: 'Trường Tiểu học Kim Liên',
    };
    expect(describeTarget(catalogue, eventOn('people', 'departure'))).toBe(
      'Hồ sơ học sinh · Ra trường, chuyển trường, thôi học',
    );
    expect(describeValue(JSON.stringify(departure), people)).toBe(
      'Hình thức: Chuyển trường; Ngày: 20/08/2026; Năm học: 2025-2026; Trường chuyển đến hoặc lý do: Trường Tiểu học Kim Liên',
    );
  });

  it('says which desktop made a change', () => {
    expect(describeDevice('dev-1234567890', 'dev-1234567890')).toBe('Máy này');
    expect(describeDevice('0f1e2d3c4b5a', 'dev-1234567890')).toBe('Máy khác (0f1e2d3c)');
  });
});
