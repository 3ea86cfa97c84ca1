/**
 * Dân tộc — the 54 ethnic groups of Viet Nam in the order and spelling of the General Statistics
 * Office list (Quyết định 121-TCTK/PPCĐ, 1979), which gives each its two-digit code.
 * Aliases are spellings seen in school spreadsheets, used when matching imported text.
 */
export type Ethnicity = { readonly code: string; readonly name: string; readonly aliases: readonly string[] };

const names: readonly (readonly [string, ...string[]])[] = [
  ['Kinh', 'Việt'],
  ['Tày'],
  ['Thái'],
  ['Hoa', 'Hán'],
  ['Khơ-me', 'Khmer', 'Khơ me'],
  ['Mường'],
  ['Nùng'],
  ['Hmông', "H'Mông", 'Mông', 'H’Mông'],
  ['Dao'],
  ['Gia-rai', 'Gia Rai', 'Jrai'],
  ['Ngái'],
  ['Ê-đê', 'Ê Đê', 'Êđê'],
  ['Ba Na', 'Bahnar'],
  ['Xơ-đăng', 'Xơ Đăng'],
  ['Sán Chay', 'Cao Lan', 'Sán Chỉ'],
  ['Cơ-ho', 'Cơ Ho', "K'Ho"],
  ['Chăm', 'Chàm'],
  ['Sán Dìu'],
  ['Hrê', 'H’rê'],
  ['Mnông', "M'Nông", 'Mơ Nông'],
  ['Ra-glai', 'Raglai', 'Ra Glai'],
  ['Xtiêng', 'Xa Điêng', 'S’tiêng'],
  ['Bru-Vân Kiều', 'Bru Vân Kiều', 'Vân Kiều'],
  ['Thổ'],
  ['Giáy'],
  ['Cơ-tu', 'Cơ Tu'],
  ['Gié-Triêng', 'Gié Triêng'],
  ['Mạ'],
  ['Khơ-mú', 'Khơ Mú', 'Khmu'],
  ['Co'],
  ['Tà-ôi', 'Tà Ôi', 'Pa Cô'],
  ['Chơ-ro', 'Chơ Ro'],
  ['Kháng'],
  ['Xinh-mun', 'Xinh Mun'],
  ['Hà Nhì'],
  ['Chu-ru', 'Chu Ru'],
  ['Lào'],
  ['La Chí'],
  ['La Ha'],
  ['Phù Lá'],
  ['La Hủ'],
  ['Lự'],
  ['Lô Lô'],
  ['Chứt'],
  ['Mảng'],
  ['Pà Thẻn'],
  ['Cơ Lao'],
  ['Cống'],
  ['Bố Y'],
  ['Si La'],
  ['Pu Péo'],
  ['Brâu'],
  ['Ơ Đu'],
  ['Rơ-măm', 'Rơ Măm'],
];

export const ethnicities: readonly Ethnicity[] = names.map(([name, ...aliases], index) => ({
  code: String(index + 1).padStart(2, '0'),
  name,
  aliases,
}));

export const ethnicityNames: readonly string[] = ethnicities.map((e) => e.name);

export function isEthnicityName(value: string): boolean {
  return ethnicityNames.includes(value.normalize('NFC'));
}
