/** Vietnamese messages of main's audit-chain anchor, for the integrity check and the start banner. */

/** 1234 → "1.234", as Vietnamese writes numbers (independent of the ICU data Node was built with). */
export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A device id as a person can read it aloud: the first 8 hex digits of its UUID. */
export function shortDeviceId(deviceId: string): string {
  return `${deviceId.replace(/^device-/, '').slice(0, 8)}…`;
}

export const auditHeadStrings = {
  intact: (seq: number) =>
    seq === 0
      ? 'Chưa có thay đổi nào để đối chiếu.'
      : `Lịch sử khớp với sổ ghi của máy: từ sự kiện 1 đến sự kiện ${formatCount(seq)}.`,
  ahead: (mainSeq: number, databaseSeq: number) =>
    `Lịch sử khớp với sổ ghi của máy đến sự kiện ${formatCount(mainSeq)}; ${formatCount(databaseSeq - mainSeq)} sự kiện sau đó chưa kịp báo cho máy và đang được ghi nhận.`,
  truncated: (mainSeq: number, databaseSeq: number) =>
    `Lịch sử đã bị xóa bớt: máy ghi nhận đến sự kiện ${formatCount(mainSeq)}, cơ sở dữ liệu chỉ còn đến ${formatCount(databaseSeq)}.`,
  rewritten: (seq: number) => `Sự kiện ${formatCount(seq)} đã bị ghi lại khác với lúc máy ghi nhận.`,
  unknownOwnChain: (events: number) =>
    `Chuỗi lịch sử của máy này (${formatCount(events)} sự kiện) không được xác nhận: sổ ghi của máy không có bản ghi nào về chuỗi này. Từ nay máy ghi nhận tiếp từ sự kiện ${formatCount(events)}.`,
  unknownDevice: (deviceId: string, events: number) =>
    `Chuỗi lịch sử của máy ${shortDeviceId(deviceId)} (${formatCount(events)} sự kiện) không được xác nhận: máy này không có bản ghi nào về chuỗi đó.`,
  restarted: (deviceId: string) =>
    `Máy đã mất định danh (tệp device.json và sổ ghi đầu chuỗi đều không còn) và đã bắt đầu một chuỗi lịch sử mới (mã máy mới: ${shortDeviceId(deviceId)}).`,
  deviceFileMissing: (deviceId: string) =>
    `Tệp định danh máy (device.json) đã bị xóa hoặc bị hỏng; máy đã khôi phục định danh cũ (${shortDeviceId(deviceId)}) từ sổ ghi đầu chuỗi, chuỗi lịch sử vẫn tiếp tục.`,
  deviceFileChanged: (deviceId: string) =>
    `Tệp định danh máy (device.json) đã bị thay bằng một mã khác; máy đã khôi phục định danh cũ (${shortDeviceId(deviceId)}) từ sổ ghi đầu chuỗi.`,
  storeMissing:
    'Sổ ghi đầu chuỗi của máy đã bị xóa; các chuỗi lịch sử ghi trước đó không còn được máy xác nhận.',
  storeRejected:
    'Sổ ghi đầu chuỗi của máy đã bị sửa (mã xác thực không khớp) nên không được tin; bản bị sửa được giữ lại trong thư mục audit/rejected để đối chiếu.',
  keyLost:
    'Khóa xác thực của sổ ghi đầu chuỗi đã bị xóa hoặc hỏng; sổ ghi cũ không còn kiểm chứng được và được giữ lại trong thư mục audit/rejected.',
  unavailable:
    'Không mở được khóa bảo vệ sổ ghi đầu chuỗi (kho khóa của hệ điều hành chưa sẵn sàng hoặc đã đổi); lần này máy không đối chiếu được lịch sử.',
  vouched: (deviceId: string, seq: number) =>
    `Lịch sử của máy ${shortDeviceId(deviceId)} khớp với bản máy này nhận từ máy chủ của Sở: từ sự kiện 1 đến sự kiện ${formatCount(seq)}.`,
  differsFromServer: (deviceId: string, seq: number) =>
    `Lịch sử của máy ${shortDeviceId(deviceId)} trên máy này khác với bản nhận từ máy chủ của Sở: sự kiện ${formatCount(seq)} hoặc một sự kiện trước đó đã bị ghi lại.`,
  notFromServer: (deviceId: string, seq: number, extra: number) =>
    `Có ${formatCount(extra)} sự kiện của máy ${shortDeviceId(deviceId)} sau sự kiện ${formatCount(seq)} không đến từ máy chủ của Sở nên không được xác nhận.`,
  truncatedFromServer: (deviceId: string, seq: number, storedSeq: number) =>
    `Lịch sử của máy ${shortDeviceId(deviceId)} đã bị xóa bớt: máy này đã nhận từ máy chủ của Sở đến sự kiện ${formatCount(seq)}, cơ sở dữ liệu chỉ còn đến ${formatCount(storedSeq)}.`,
  conflictingReport: (seq: number) =>
    `Máy nhận được một báo cáo trái với điều đã ghi nhận ở sự kiện ${formatCount(seq)}; báo cáo bị từ chối, sổ ghi giữ nguyên.`,
} as const;
