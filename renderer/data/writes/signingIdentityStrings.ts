/** Why a write of the signers' identities (personal IDs, school codes, pinned certificates) was refused. */
export const signingIdentityWriteStrings = {
  staffNotFound: 'Không tìm thấy người này trong danh sách cán bộ, giáo viên của trường.',
  badPersonalId: 'Mã định danh cá nhân (số CCCD) gồm đúng 12 chữ số.',
  badFormerId: 'Số CMND cũ gồm 9 hoặc 12 chữ số (để trống nếu không có).',
  duplicatePersonalId: (name: string) =>
    `Mã định danh cá nhân này đã được nhập cho ${name}. Mỗi người có một mã riêng: hãy kiểm tra lại thẻ CCCD.`,
  badTaxCode: 'Mã số thuế gồm 10 chữ số (đơn vị phụ thuộc thêm dấu - và 3 chữ số), hoặc để trống.',
  badBudgetCode: 'Mã quan hệ ngân sách gồm 7 chữ số, hoặc để trống.',
  expired: (until: string) => `Chứng thư số này đã hết hạn (${until}) nên không đăng ký để ký được.`,
  personIdsFirst: (name: string) =>
    `Chứng thư số này có ghi số CCCD/CMND. Hãy nhập mã định danh cá nhân (hoặc số CMND cũ) của ${name} trước, rồi đăng ký chứng thư.`,
  schoolCodesFirst:
    'Chứng thư con dấu này có ghi mã số thuế hoặc mã quan hệ ngân sách. Hãy nhập các mã đó của trường trước, rồi đăng ký chứng thư.',
  pinnedByOther: (name: string) => `Chứng thư số này đã được đăng ký cho ${name}.`,
} as const;
