import { describe, expect, it } from 'vitest';
import {
  classCompleteness,
  profileCompleteness,
  saysNotApplicable,
  type StudentProfile,
} from './studentProfile';

const complete: StudentProfile = {
  studentCode: '0123456789',
  personalId: '001218012345',
  fullName: 'Nguyễn Thị Lan',
  gender: 'female',
  birthDate: '2018-03-14',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  birthPlace: 'Hà Nội',
  hometown: 'Nam Định',
  address: 'Số 5 ngõ 12 Hào Nam, Ô Chợ Dừa, Hà Nội',
  fatherName: 'Nguyễn Văn Hùng',
  motherName: 'Trần Thị Mai',
  guardianName: 'Không',
  photo: { photoId: 'a'.repeat(64) },
  birthCertificateCheck: { date: '2025-09-05' },
  parentsConfirmation: { date: '2025-09-06' },
};

describe('profileCompleteness (the học bạ identity page)', () => {
  it('counts a fully filled page as complete, "Không" accepted where a field may not apply', () => {
    expect(profileCompleteness(complete)).toEqual({ filled: 16, total: 16, missing: [] });
    expect(profileCompleteness({ ...complete, fatherName: 'không', motherName: 'KHÔNG' }).missing).toEqual(
      [],
    );
  });

  it('names every missing item with its Vietnamese label, in page order', () => {
    const result = profileCompleteness({
      ...complete,
      address: '  ',
      guardianName: '',
      photo: null,
      parentsConfirmation: null,
    });
    expect(result.filled).toBe(12);
    expect(result.missing).toEqual([
      { field: 'address', label: 'Nơi ở hiện nay' },
      { field: 'guardianName', label: 'Họ tên người giám hộ' },
      { field: 'photo', label: 'Ảnh 3×4' },
      { field: 'parentsConfirmation', label: 'Xác nhận của cha mẹ học sinh' },
    ]);
  });

  it('does not let "Không" stand in for a required field', () => {
    const result = profileCompleteness({
      ...complete,
      nationality: 'Không',
      ethnicity: 'khong',
      birthPlace: 'Không',
      hometown: 'Không',
      address: 'Không',
    });
    expect(result.missing.map((item) => item.label)).toEqual([
      'Dân tộc',
      'Quốc tịch',
      'Nơi sinh',
      'Quê quán',
      'Nơi ở hiện nay',
    ]);
  });

  it('requires a 12-digit personal ID, a real birth date and the birth-certificate check', () => {
    const result = profileCompleteness({
      ...complete,
      personalId: '',
      birthDate: '2018-02-30',
      birthCertificateCheck: null,
    });
    expect(result.missing.map((item) => item.field)).toEqual([
      'birthDate',
      'personalId',
      'birthCertificateCheck',
    ]);
    expect(profileCompleteness({ ...complete, personalId: '00121801234' }).missing).toEqual([
      { field: 'personalId', label: 'Mã định danh cá nhân' },
    ]);
  });

  it('recognises "Không" only as a whole value', () => {
    expect(saysNotApplicable('Không')).toBe(true);
    expect(saysNotApplicable(' khong ')).toBe(true);
    expect(saysNotApplicable('Không rõ địa chỉ')).toBe(false);
    expect(saysNotApplicable('Khổng Minh')).toBe(false);
    expect(saysNotApplicable('Khổng')).toBe(false);
  });
});

describe('classCompleteness', () => {
  it('counts complete pages and averages the share filled', () => {
    const half = { ...complete, photo: null, birthCertificateCheck: null, parentsConfirmation: null };
    const result = classCompleteness([complete, complete, half]);
    expect(result.complete).toBe(2);
    expect(result.students).toBe(3);
    expect(result.average).toBeCloseTo((1 + 1 + 13 / 16) / 3, 10);
  });

  it('reports an empty class as nothing complete', () => {
    expect(classCompleteness([])).toEqual({ complete: 0, students: 0, average: 0 });
  });
});
