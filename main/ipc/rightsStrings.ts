/** What main says when it refuses a call the signed-in person may not make (shown as is). */
export const rightsStrings = {
  notSignedIn: 'Hãy đăng nhập trước khi làm việc này.',
  leadershipOnlySetup:
    'Chỉ hiệu trưởng hoặc phó hiệu trưởng (đăng nhập bằng tài khoản của trường) mới lập tài khoản, lớp và phân công trên máy chủ của Sở.',
  otherSchool: 'Dữ liệu này thuộc trường khác: tài khoản của bạn chỉ làm việc với dữ liệu của trường mình.',
  notYourClass: (className: string) =>
    `Bạn không được phân công lớp ${className} nên không làm được việc này cho lớp đó.`,
  notHomeroom: (className: string) =>
    `Chỉ giáo viên chủ nhiệm lớp ${className} mới ký học bạ của lớp ở ô giáo viên chủ nhiệm.`,
  principalOnlySigns: 'Chỉ hiệu trưởng mới ký ở ô hiệu trưởng và đóng dấu của trường.',
  principalOnlyAmends: 'Chỉ hiệu trưởng mới lập bản điều chỉnh cho học bạ đã ký.',
  notYourClassRecords: (className: string) =>
    `Chỉ giáo viên chủ nhiệm lớp ${className} hoặc lãnh đạo nhà trường mới lập học bạ của lớp này.`,
  syncNeedsAccount:
    'Bản dùng thử chỉ lưu trên máy này. Hãy đăng nhập bằng tài khoản của trường để đồng bộ với máy chủ của Sở.',
  noBackups: 'Tài khoản này không được sao lưu dữ liệu trên máy.',
} as const;
