import { z } from 'zod';
import type { $ZodErrorMap } from 'zod/v4/core';
import vi from 'zod/v4/locales/vi.js';

type Issue = Parameters<$ZodErrorMap>[0];

const typeNames: Readonly<Record<string, string>> = {
  number: 'một số',
  int: 'một số nguyên',
  string: 'chữ (văn bản)',
  boolean: 'đúng/sai (true/false)',
  array: 'một danh sách',
  object: 'một đối tượng',
  null: 'null',
};

function describe(value: unknown): string {
  if (value === undefined) return 'không có giá trị';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'một danh sách';
  if (typeof value === 'number') return Number.isFinite(value) ? `số ${value}` : 'một số không hữu hạn';
  if (typeof value === 'string') return `chữ "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
  return typeNames[typeof value] ?? typeof value;
}

/** Clearer words than the stock locale for the issues people meet most; the rest falls to it. */
function vietnameseIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Thiếu giá trị bắt buộc.';
      return `Phải là ${typeNames[issue.expected] ?? issue.expected}, nhưng nhận được ${describe(issue.input)}.`;
    case 'too_small':
      if (issue.origin === 'number')
        return `Phải ${issue.inclusive ? 'từ' : 'lớn hơn'} ${String(issue.minimum)}${issue.inclusive ? ' trở lên' : ''}.`;
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'Không được để trống.'
          : `Phải dài ít nhất ${String(issue.minimum)} ký tự.`;
      if (issue.origin === 'array') return `Phải có ít nhất ${String(issue.minimum)} mục.`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'number')
        return `Phải ${issue.inclusive ? 'nhỏ hơn hoặc bằng' : 'nhỏ hơn'} ${String(issue.maximum)}.`;
      if (issue.origin === 'string') return `Dài quá ${String(issue.maximum)} ký tự.`;
      if (issue.origin === 'array') return `Nhiều quá ${String(issue.maximum)} mục.`;
      return undefined;
    case 'invalid_value':
      return `Phải là một trong: ${issue.values.map((value: unknown) => String(value)).join(', ')}.`;
    case 'unrecognized_keys':
      return `Có trường không thuộc định dạng: ${issue.keys.join(', ')}.`;
    default:
      return undefined;
  }
}

/**
 * Validation messages in Vietnamese for every schema without a message of its own: imported
 * files, IPC payloads and CLI input are refused in words the user reads. Call once at start-up.
 */
export function applyVietnameseValidationMessages(): void {
  z.config(vi());
  z.config({ customError: vietnameseIssue });
}
