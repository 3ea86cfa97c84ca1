import { describe, expect, it } from 'vitest';
import { userIdOf } from './ids';
import type { StaffMember } from './staff';
import { staffChoiceLabel } from './staffChoice';

const member = (login: string, fullName: string): StaffMember => ({
  userId: userIdOf(login),
  login,
  fullName,
  role: 'teacher',
  active: true,
});

describe('staff in pickers', () => {
  it('tells namesakes apart by login, and leaves a unique name alone', () => {
    const staff = [
      member('hant', 'Nguyễn Thị Hà'),
      member('hant2', 'NGUYỄN THỊ HÀ'),
      member('binhlv', 'Lê Văn Bình'),
    ];
    expect(staff.map((person) => staffChoiceLabel(person, staff))).toEqual([
      'Nguyễn Thị Hà (hant)',
      'NGUYỄN THỊ HÀ (hant2)',
      'Lê Văn Bình',
    ]);
  });
});
