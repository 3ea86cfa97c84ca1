/** Messages of `hocba seed --records-out` (kept beside the command; main/cli/strings.ts belongs to the CLI shell). */
export const seedStrings = {
  recordsDone: (count: number, drafts: number, dir: string) =>
    `Đã ghi ${count} tệp dữ liệu học bạ (${drafts} bản nháp) → ${dir}`,
} as const;
