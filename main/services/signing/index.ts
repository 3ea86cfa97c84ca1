export { buildCertificateChain } from './certificateChain';
export { RecordSigningError, type RecordSigningErrorCode } from './recordSigningError';
export {
  type BatchFileOutcome,
  type BatchFileResult,
  type BatchProgress,
  type BatchResult,
  signRecordBatch,
  type SignRecordBatchOptions,
} from './signRecordBatch';
export {
  inspectRecordPdf,
  nodeSha256,
  type RecordFileState,
  removeStaleTemps,
  signRecordFile,
  type SignedRecordFile,
  type SignRecordFileOptions,
} from './signRecordFile';
export { readSignedRoles, signedRolesOf } from './signedRoles';
export { recordSigningStrings } from './strings';
export {
  chooseSigningCertificate,
  createTokenSigner,
  type TokenSigner,
  type TokenSignerOptions,
} from './tokenSigner';
