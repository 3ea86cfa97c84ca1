/**
 * Name material for sample data. Family-name weights follow published estimates of their share
 * of the population (Nguyễn about 38 %); middle and given names are ones common among children
 * born 2014–2020.
 */
// prettier-ignore
export const familyNames: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 2.5],
  ['Phan', 4.5], ['Vũ', 2.5], ['Võ', 2.4], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3],
  ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.8], ['Trịnh', 0.6], ['Đào', 0.6],
  ['Mai', 0.5], ['Lương', 0.4], ['Tạ', 0.3], ['Cao', 0.4], ['Lâm', 0.4], ['Chu', 0.3],
  ['Hà', 0.5], ['Kiều', 0.2], ['Quách', 0.2], ['Vương', 0.2], ['Thái', 0.2],
];

// prettier-ignore
export const maleMiddleNames: readonly string[] = [
  'Văn', 'Minh', 'Gia', 'Đức', 'Quang', 'Hoàng', 'Anh', 'Bảo', 'Hữu', 'Thành', 'Tuấn', 'Đăng',
  'Nhật', 'Thiên', 'Trung', 'Hải', 'Khánh', 'Phúc', 'Trọng', 'Tiến', 'Duy', 'Công', 'Quốc',
];

// prettier-ignore
export const femaleMiddleNames: readonly string[] = [
  'Thị', 'Ngọc', 'Bảo', 'Khánh', 'Minh', 'Thu', 'Phương', 'Hà', 'Thanh', 'Gia', 'Hoài', 'Diệu',
  'Tuệ', 'Thảo', 'Quỳnh', 'Mai', 'Kim', 'Cẩm', 'Hồng', 'Tường', 'Yến', 'Thùy', 'Mỹ',
];

// prettier-ignore
export const maleGivenNames: readonly string[] = [
  'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Đức', 'Giang', 'Hải', 'Hiếu', 'Hoàng',
  'Huy', 'Hưng', 'Khang', 'Khánh', 'Khoa', 'Khôi', 'Kiên', 'Lâm', 'Long', 'Lộc', 'Minh', 'Nam',
  'Nghĩa', 'Nguyên', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng',
  'Thiện', 'Thịnh', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Hậu', 'Đăng',
];

// prettier-ignore
export const femaleGivenNames: readonly string[] = [
  'An', 'Anh', 'Châu', 'Chi', 'Diệp', 'Dung', 'Giang', 'Hà', 'Hân', 'Hằng', 'Hiền', 'Hoa',
  'Huyền', 'Hương', 'Khánh', 'Lan', 'Linh', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhi',
  'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Thư', 'Thủy', 'Tiên', 'Trâm', 'Trang',
  'Trinh', 'Tú', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Diệu', 'Ánh', 'Hạnh', 'Loan', 'Nhiên',
];

/** A second middle name some parents add for girls ("Nguyễn Ngọc Bảo Anh"). */
// prettier-ignore
export const femaleSecondMiddleNames: readonly string[] = ['Bảo', 'Khánh', 'Minh', 'Gia', 'Tuệ', 'An'];

// prettier-ignore
export const adultMaleMiddleNames: readonly string[] = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Mạnh', 'Ngọc', 'Công'];
// prettier-ignore
export const adultFemaleMiddleNames: readonly string[] = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Phương'];
// prettier-ignore
export const adultMaleGivenNames: readonly string[] = ['Hùng', 'Dũng', 'Tuấn', 'Hải', 'Thắng', 'Cường', 'Long', 'Sơn', 'Trung', 'Hưng', 'Nam', 'Quân', 'Tiến', 'Thành', 'Bình'];
// prettier-ignore
export const adultFemaleGivenNames: readonly string[] = ['Hương', 'Lan', 'Hoa', 'Huyền', 'Thủy', 'Hằng', 'Trang', 'Nga', 'Linh', 'Mai', 'Hà', 'Phương', 'Thảo', 'Yến', 'Dung'];
