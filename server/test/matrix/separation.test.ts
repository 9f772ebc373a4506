import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, PERMISSIONS, type Permission, ROLE_PERMISSIONS, ROLES, type Role } from '../../../common/access.ts';

// The matrix takes the role → permission table as its oracle, so the table itself is checked here against the
// contract's 三员分立 (api-contract.md, security.md): if a permission is granted to the wrong role, this fails.

const ADMINISTRATION: readonly Permission[] = [
  'org:read',
  'user:read',
  'user:write',
  'session:manage',
  'security:policy',
  'audit:read',
  'self:read',
];
const holders = (p: Permission) => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));

describe('三员分立 in the permission table', () => {
  it('the three administrators hold no business permission (no members, personal data, files or records)', () => {
    for (const role of ADMIN_ROLES)
      expect(
        ROLE_PERMISSIONS[role].filter((p) => !ADMINISTRATION.includes(p)),
        role,
      ).toEqual([]);
  });

  it('only audit_admin reads the audit log, and it does nothing else', () => {
    expect(holders('audit:read')).toEqual(['audit_admin']);
    expect(ROLE_PERMISSIONS.audit_admin.filter((p) => p !== 'audit:read' && p !== 'self:read')).toEqual([]);
  });

  it('only sys_admin manages accounts and only sec_admin sets the security policy', () => {
    expect(holders('user:write')).toEqual(['sys_admin']);
    expect(holders('security:policy')).toEqual(['sec_admin']);
  });

  it('personal data in full only for business roles, and exporting it only where viewing it is allowed', () => {
    const business: Role[] = ['sasac_staff', 'enterprise_staff', 'branch_secretary'];
    for (const p of ['pii:view', 'pii:export', 'member:read'] as const)
      for (const r of holders(p)) expect(business, `${p} → ${r}`).toContain(r);
    for (const r of holders('pii:export')) expect(ROLE_PERMISSIONS[r], r).toContain('pii:view');
  });

  it('every granted permission is declared', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(Object.keys(PERMISSIONS), `${role}: ${p}`).toContain(p);
  });
});
