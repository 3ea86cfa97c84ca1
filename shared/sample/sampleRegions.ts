/**
 * Places for sample schools. Communes and wards follow the two-tier local government in force
 * since 1 July 2025 (province → commune/ward); the personal-ID prefix is the province of
 * birth registration, which keeps its old code.
 */
export type SampleRegion = {
  readonly key: string;
  readonly province: string;
  readonly personalIdProvinceCode: string;
  /** First two digits of the Ministry student code. */
  readonly studentCodePrefix: string;
  readonly communes: readonly string[];
  readonly streets: readonly string[];
  readonly birthPlaces: readonly string[];
  readonly ethnicityWeights: readonly (readonly [string, number])[];
};

export const sampleRegions: readonly SampleRegion[] = [
  {
    key: 'ha-noi',
    province: 'Thành phố Hà Nội',
    personalIdProvinceCode: '001',
    studentCodePrefix: '01',
    // prettier-ignore
    communes: ['Phường Ba Đình', 'Phường Ngọc Hà', 'Phường Giảng Võ', 'Phường Đống Đa', 'Phường Láng', 'Phường Cầu Giấy'],
    // prettier-ignore
    streets: ['phố Kim Mã', 'phố Đội Cấn', 'phố Liễu Giai', 'phố Nguyễn Thái Học', 'phố Giảng Võ', 'đường Láng', 'phố Chùa Láng'],
    // prettier-ignore
    birthPlaces: ['Bệnh viện Phụ sản Hà Nội', 'Bệnh viện Phụ sản Trung ương', 'Bệnh viện Bạch Mai', 'Bệnh viện Đa khoa Xanh Pôn'],
    // prettier-ignore
    ethnicityWeights: [['Kinh', 96], ['Mường', 1.5], ['Tày', 1], ['Hoa', 0.5], ['Nùng', 0.5], ['Thái', 0.5]],
  },
  {
    key: 'lao-cai',
    province: 'Tỉnh Lào Cai',
    personalIdProvinceCode: '010',
    studentCodePrefix: '10',
    // prettier-ignore
    communes: ['Phường Cam Đường', 'Phường Lào Cai', 'Xã Bát Xát', 'Xã Mường Hum', 'Xã Tả Van'],
    // prettier-ignore
    streets: ['đường Hoàng Liên', 'đường Trần Hưng Đạo', 'thôn Cốc San', 'thôn Tả Van Giáy', 'bản Lếch'],
    // prettier-ignore
    birthPlaces: ['Bệnh viện Sản Nhi Lào Cai', 'Trạm Y tế xã Bát Xát', 'Trung tâm Y tế huyện Sa Pa'],
    // prettier-ignore
    ethnicityWeights: [['Kinh', 45], ['Hmông', 22], ['Tày', 14], ['Dao', 12], ['Giáy', 3], ['Nùng', 2], ['Hà Nhì', 1], ['Phù Lá', 1]],
  },
  {
    key: 'ho-chi-minh',
    province: 'Thành phố Hồ Chí Minh',
    personalIdProvinceCode: '079',
    studentCodePrefix: '79',
    // prettier-ignore
    communes: ['Phường Sài Gòn', 'Phường Bến Thành', 'Phường Chợ Lớn', 'Phường Tân Định', 'Phường Bàn Cờ'],
    // prettier-ignore
    streets: ['đường Lê Lợi', 'đường Hai Bà Trưng', 'đường Trần Hưng Đạo', 'đường Nguyễn Trãi', 'đường Võ Văn Tần'],
    // prettier-ignore
    birthPlaces: ['Bệnh viện Từ Dũ', 'Bệnh viện Hùng Vương', 'Bệnh viện Nhi Đồng 1'],
    // prettier-ignore
    ethnicityWeights: [['Kinh', 92], ['Hoa', 5.5], ['Khơ-me', 1.5], ['Chăm', 1]],
  },
];

/** Provinces for quê quán (home town): a mix of places families come from. */
export const hometownPool: readonly string[] = [
  'Xã Nghi Lộc, Tỉnh Nghệ An',
  'Xã Hoằng Hóa, Tỉnh Thanh Hóa',
  'Phường Nam Định, Tỉnh Ninh Bình',
  'Xã Kiến Xương, Tỉnh Hưng Yên',
  'Phường Hải Dương, Thành phố Hải Phòng',
  'Xã Đức Thọ, Tỉnh Hà Tĩnh',
  'Phường Thuận Hóa, Thành phố Huế',
  'Xã Điện Bàn, Thành phố Đà Nẵng',
  'Xã Tam Nông, Tỉnh Phú Thọ',
  'Phường Bắc Ninh, Tỉnh Bắc Ninh',
  'Xã Châu Thành, Tỉnh An Giang',
  'Phường Cái Răng, Thành phố Cần Thơ',
];

export const schoolNamePool: readonly string[] = [
  'Trường Tiểu học Kim Đồng',
  'Trường Tiểu học Nguyễn Trãi',
  'Trường Tiểu học Lê Quý Đôn',
  'Trường Tiểu học Võ Thị Sáu',
  'Trường Tiểu học Chu Văn An',
  'Trường Tiểu học Nguyễn Bỉnh Khiêm',
  'Trường Tiểu học Trần Quốc Toản',
];
