import { describe, expect, it } from 'vitest';
import { asciiFileNamePart } from './asciiFileName';

describe('asciiFileNamePart', () => {
  it('keeps letters without their marks, đ as d, and joins the rest with single hyphens', () => {
    expect(asciiFileNamePart('Đỗ Văn Đức')).toBe('Do-Van-Duc');
    expect(asciiFileNamePart(' 4 Hoa Sen / 2025–2026 ')).toBe('4-Hoa-Sen-2025-2026');
    expect(asciiFileNamePart('Nguyễn Thị Ánh Tuyết')).toBe('Nguyen-Thi-Anh-Tuyet');
    expect(asciiFileNamePart('../../etc')).toBe('etc');
    expect(asciiFileNamePart('…')).toBe('');
  });
});
