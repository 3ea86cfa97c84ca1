import { z } from 'zod';

/**
 * A password the province server accepts: long enough to resist guessing offline (the desktop keeps
 * an argon2id verifier), short enough to type on a school desktop. No composition rules: length is
 * what counts (NIST SP 800-63B §5.1.1.2).
 */
export const passwordSchema = z
  .string()
  .min(10, 'Mật khẩu cần ít nhất 10 ký tự')
  .max(128, 'Mật khẩu dài tối đa 128 ký tự');

/** Tên đăng nhập: unique in the province, lower-case ASCII, as setup's staff logins. */
export const loginSchema = z
  .string()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập gồm 3–40 chữ thường không dấu, số, dấu chấm hoặc gạch');

/**
 * Mã đặt lại mật khẩu: a one-time code the principal prints for a staff member (no SMS gateway can be
 * assumed). 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown in groups of 4.
 */
export const resetCodeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const resetCodeSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z.string().regex(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}$/, 'Mã đặt lại gồm 12 ký tự như trên phiếu in'),
  );
