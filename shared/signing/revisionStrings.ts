/** User-facing Vietnamese descriptions of what a later revision of a signed file changed. */
export const revisionStrings = {
  catalog: 'danh mục gốc của tài liệu',
  catalogKey: (key: string) => `danh mục gốc của tài liệu (mục /${key})`,
  info: 'thông tin tài liệu (mã học bạ, mã băm nội dung)',
  pageTree: 'danh sách các trang',
  page: (page: number) => `trang ${page}`,
  pageKey: (page: number, key: string) => `trang ${page} (mục /${key})`,
  pageContent: (page: number) => `nội dung trang ${page}`,
  attachment: 'tệp dữ liệu học bạ đính kèm',
  fileSpecification: 'mục tệp đính kèm',
  font: 'phông chữ',
  image: 'hình ảnh (ảnh học sinh hoặc hình trong trang)',
  drawing: 'hình vẽ dùng trong trang',
  annotation: (subtype: string) => `chú thích loại ${subtype}`,
  acroForm: 'biểu mẫu của tài liệu',
  acroFormKey: (key: string) => `biểu mẫu của tài liệu (mục /${key})`,
  signatureField: (name: string) => `ô ký “${name}”`,
  signatureFieldKey: (name: string, key: string) => `ô ký “${name}” (mục /${key})`,
  object: (num: number) => `đối tượng số ${num} của tệp`,
  trailerRoot: 'gốc của tài liệu (đã thay bằng một tài liệu khác)',

  changed: (revision: number, what: string) =>
    `Phiên bản ${revision} của tệp đã sửa ${what}, trong khi sau khi ký chỉ được phép thêm chữ ký.`,
  removed: (revision: number, what: string) =>
    `Phiên bản ${revision} của tệp đã xóa ${what}, trong khi sau khi ký chỉ được phép thêm chữ ký.`,
  addedAnnotation: (revision: number, what: string, page: number) =>
    `Phiên bản ${revision} của tệp đã thêm ${what} vào trang ${page}: có thể che hoặc viết đè lên nội dung đã ký.`,
  addedField: (revision: number) => `Phiên bản ${revision} của tệp đã thêm một ô biểu mẫu không phải ô ký.`,
  unreservedField: (revision: number) =>
    `Phiên bản ${revision} của tệp đã thêm một ô ký mới ngoài ba ô học bạ dành sẵn.`,
  overwrittenSignature: (revision: number, name: string) =>
    `Phiên bản ${revision} của tệp đã ghi đè chữ ký đã có trong ô ký “${name}”.`,
  fieldWithoutSignature: (revision: number, name: string) =>
    `Phiên bản ${revision} của tệp đã điền ô ký “${name}” mà không thêm chữ ký mới.`,
  twoSignatures: (revision: number) =>
    `Phiên bản ${revision} của tệp chứa nhiều hơn một chữ ký: mỗi chữ ký phải nằm trong phiên bản riêng.`,
  orphanSignature: (revision: number) =>
    `Phiên bản ${revision} của tệp chứa một chữ ký không thuộc ô ký nào.`,
  signatureInObjectStream: (revision: number) =>
    `Chữ ký trong phiên bản ${revision} nằm trong dữ liệu nén, không kiểm tra được phạm vi ký.`,
  documentTimestamp: (revision: number) =>
    `Phiên bản ${revision} của tệp chứa dấu thời gian tài liệu (DocTimeStamp), ứng dụng chưa hỗ trợ loại này.`,
  certificationLater: (revision: number) =>
    `Phiên bản ${revision} của tệp thêm chữ ký chứng nhận (DocMDP) nhưng đó không phải chữ ký đầu tiên.`,
  noChangesAllowed: (revision: number) =>
    `Chữ ký chứng nhận đầu tiên không cho phép thay đổi nào, nhưng phiên bản ${revision} của tệp vẫn thêm vào tài liệu.`,
  signedInFirstRevision:
    'Tệp có chữ ký nằm ngay trong bản gốc, không phải chữ ký thêm vào sau khi học bạ được lập.',
} as const;
