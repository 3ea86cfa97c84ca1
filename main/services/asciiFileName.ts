/** "4 Hoa Sen" → "4-Hoa-Sen": file names stay ASCII so every mail client and USB stick keeps them. */
export function asciiPart(value: string): string {
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
  return parts.map(asciiPart).filter(Boolean).join('-');
}
