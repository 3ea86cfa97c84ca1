/**
 * The passphrase the test bridges give main for the data key of photos and record files, as
 * `npm run dev:web` takes HOCBA_DATA_PASSPHRASE (the bridge has no OS key store).
 */
export const testDataPassphrase = 'cụm mật khẩu thử nghiệm của cầu nối';
