import { describe, expect, it } from 'vitest';
import { accountRoles, isSchoolLeadership, staffRoleOfAccount } from './accountRoles';

describe('account roles', () => {
  it('counts the principal and vice-principal as the school leadership, and no one else', () => {
    expect(accountRoles.filter(isSchoolLeadership)).toEqual(['principal', 'vicePrincipal']);
  });

  it('maps a group head to a teacher on the desktop', () => {
    expect(staffRoleOfAccount('groupHead')).toBe('teacher');
    expect(staffRoleOfAccount('vicePrincipal')).toBe('vicePrincipal');
  });
});
