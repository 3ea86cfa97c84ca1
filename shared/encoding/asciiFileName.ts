/**
 * "4 Hoa Sen" → "4-Hoa-Sen", "Đỗ Văn Đức" → "Do-Van-Duc": a part of a file name in plain ASCII,
 * so every mail client, USB stick and Windows code page keeps it.
 */
export function asciiFileNamePart(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Joins the ASCII forms of the parts with hyphens, leaving out the empty ones: "Tong-hop-3A-2025-2026-CN". */
export function asciiFileStem(parts: readonly string[]): string {
  return parts.map(asciiFileNamePart).filter(Boolean).join('-');
}
