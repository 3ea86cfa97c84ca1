/** Why a certificate is not the one of the person (or school) a học bạ names, in Vietnamese. */
export const signerIdentityStrings = {
  otherName: (holder: string, named: string) =>
    `Chứng thư số mang tên “${holder}”, không phải “${named}” mà học bạ ghi ở ô ký này.`,
  otherSchool: (holder: string, named: string) =>
    `Chứng thư con dấu mang tên “${holder}”, không phải “${named}”.`,
  personalIdUnknown: (named: string) =>
    `Chứng thư số có ghi số CCCD/CMND nhưng hồ sơ cán bộ của “${named}” chưa có mã định danh cá nhân để đối chiếu: hãy nhập mã định danh trong mục Thiết lập rồi lập lại học bạ.`,
  otherPersonalId: (named: string) =>
    `Số CCCD/CMND ghi trong chứng thư số khác mã định danh cá nhân của “${named}” trong hồ sơ cán bộ: đây là chứng thư của một người trùng tên.`,
  notPinned: (named: string, pinned: string, actual: string) =>
    `“${named}” chỉ được ký bằng chứng thư đã đăng ký (số sê-ri ${pinned}), không phải chứng thư số sê-ri ${actual}.`,
  taxCodeUnknown: (named: string) =>
    `Chứng thư con dấu có mã số thuế nhưng thông tin trường “${named}” chưa có mã số thuế để đối chiếu: hãy nhập mã số thuế của trường trong mục Thiết lập rồi lập lại học bạ.`,
  otherTaxCode: (named: string) => `Mã số thuế trong chứng thư con dấu khác mã số thuế của “${named}”.`,
  budgetCodeUnknown: (named: string) =>
    `Chứng thư con dấu có mã quan hệ ngân sách nhưng thông tin trường “${named}” chưa có mã này để đối chiếu: hãy nhập mã quan hệ ngân sách của trường trong mục Thiết lập rồi lập lại học bạ.`,
  otherBudgetCode: (named: string) => `Mã quan hệ ngân sách trong chứng thư con dấu khác mã của “${named}”.`,
} as const;
