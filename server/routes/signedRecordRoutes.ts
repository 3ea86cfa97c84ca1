import { z } from 'zod';
import { apiBasePath } from '../../shared/auth/authWire';
import { schoolIdSchema } from '../../shared/domain/ids';
import {
  chunkSha256Header,
  maxRecordChunkBytes,
  recordIdSchema,
  sha256HexSchema,
  startUploadRequestSchema,
  uploadIdSchema,
} from '../../shared/sync/signedRecordWire';
import type { ServiceContext } from '../services/context';
import { requireSchoolMember } from '../services/permissions';
import {
  completeRecordUpload,
  listRecordVersions,
  putRecordChunk,
  recordVersionFile,
  startRecordUpload,
  uploadState,
} from '../services/signedRecordService';
import type { App } from './app';
import { parse, signedIn } from './http';

const schoolParams = z.object({ schoolId: schoolIdSchema });
const uploadParams = schoolParams.extend({ uploadId: uploadIdSchema });
const recordParams = schoolParams.extend({ recordId: recordIdSchema });
const versionParams = recordParams.extend({ version: z.coerce.number().int().min(1).max(100_000) });
const chunkQuery = z.object({ offset: z.coerce.number().int().min(0) });
const base = `${apiBasePath}/schools/:schoolId/signed-records`;

/** Signed học bạ handed in to the province (shared/sync/signedRecordWire.ts). */
export function registerSignedRecordRoutes(app: App, ctx: ServiceContext): void {
  app.post(`${base}/uploads`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId } = parse(schoolParams, request.params);
    return startRecordUpload(ctx, actor, schoolId, parse(startUploadRequestSchema, request.body));
  });

  app.get(`${base}/uploads/:uploadId`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, uploadId } = parse(uploadParams, request.params);
    return uploadState(ctx, actor, schoolId, uploadId);
  });

  // Chunks are raw bytes; only this route reads them, and never more than one chunk's worth.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: maxRecordChunkBytes },
      (_request, body, parsed) => {
        parsed(null, body);
      },
    );
    scope.put(`${base}/uploads/:uploadId`, async (request) => {
      const actor = await signedIn(ctx, request);
      const { schoolId, uploadId } = parse(uploadParams, request.params);
      requireSchoolMember(actor, schoolId); // before the body is looked at, as elsewhere
      const { offset } = parse(chunkQuery, request.query);
      const sha256 = parse(sha256HexSchema, request.headers[chunkSha256Header]);
      const bytes = parse(z.instanceof(Buffer), request.body);
      return putRecordChunk(ctx, actor, schoolId, { uploadId, offset, sha256, bytes: new Uint8Array(bytes) });
    });
    done();
  });

  app.post(`${base}/uploads/:uploadId/complete`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, uploadId } = parse(uploadParams, request.params);
    return completeRecordUpload(ctx, actor, schoolId, uploadId);
  });

  app.get(`${base}/:recordId/versions`, async (request) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, recordId } = parse(recordParams, request.params);
    return { versions: await listRecordVersions(ctx, actor, schoolId, recordId) };
  });

  app.get(`${base}/:recordId/versions/:version`, async (request, reply) => {
    const actor = await signedIn(ctx, request);
    const { schoolId, recordId, version } = parse(versionParams, request.params);
    const pdf = await recordVersionFile(ctx, actor, schoolId, recordId, version);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="hoc-ba-v${String(version)}.pdf"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
}
