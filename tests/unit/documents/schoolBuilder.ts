import { schoolIdOf, type UserId } from '../../../shared/domain/ids';
import type { SchoolDoc } from '../../../shared/documents/schools/schools';
import { lan, metaOf, principal } from './builders';

/** A school document of the current version, as setup leaves it. */
export function newestSchoolOf(by: UserId): SchoolDoc {
  return {
    id: schoolIdOf('79000101'),
    code: '79000101',
    name: 'Trường Tiểu học Hòa Bình',
    province: 'Thành phố Hồ Chí Minh',
    commune: 'Phường Sài Gòn',
    address: '',
    principalName: 'Lê Minh Tâm',
    phone: '',
    email: '',
    staff: [
      { userId: principal, login: 'hieutruong', fullName: 'Lê Minh Tâm', role: 'principal', active: true },
      { userId: lan, login: 'lan', fullName: 'Nguyễn Thị Lan', role: 'teacher', active: true },
    ],
    schoolYears: ['2025-2026'],
    foreignLanguage1: 'Tiếng Anh',
    ...metaOf(by),
  };
}
