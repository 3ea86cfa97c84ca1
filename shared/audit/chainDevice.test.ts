import { describe, expect, it } from 'vitest';
import { auditDeviceIdSchema } from '../ipc/auditChannels';
import { accountChainDeviceId } from './chainDevice';

describe('the audit chain of an account database on a desktop', () => {
  const desktop = 'device-0b5e7a1c-1111-4222-8333-944455556666';

  it('is a device id of its own for each database, the same every time', () => {
    const principal = accountChainDeviceId(desktop, 'hocba-u-0123456789abcdef01234567');
    const teacher = accountChainDeviceId(desktop, 'hocba-u-89abcdef0123456701234567');
    expect(auditDeviceIdSchema.parse(principal)).toBe(principal);
    expect(principal).toMatch(/^device-[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(teacher).not.toBe(principal);
    expect(principal).not.toBe(desktop);
    expect(accountChainDeviceId(desktop, 'hocba-u-0123456789abcdef01234567')).toBe(principal);
  });

  it('differs for the same database on another desktop', () => {
    const other = 'device-7c1d2e3f-2222-4333-8444-955566667777';
    expect(accountChainDeviceId(other, 'hocba-u-0123456789abcdef01234567')).not.toBe(
      accountChainDeviceId(desktop, 'hocba-u-0123456789abcdef01234567'),
    );
  });
});
