import { z } from 'zod';
import { downloadableFileSchema } from './fileSchemas';
import { recordIdSchema } from './recordChannels';

/**
 * A class's học bạ in one file (records:bundle*): `pdf` to print every record in one go, `zip`
 * of the records' own files (signatures intact) to hand out. The page adds records a few at a
 * time (its progress bar), then asks for the file.
 */
export const recordBundleFormats = ['pdf', 'zip'] as const;
export type RecordBundleFormat = (typeof recordBundleFormats)[number];

/** A large class with room to spare; a school prints class by class. */
export const maxBundleRecords = 80;
export const maxBundleEntriesPerRequest = 10;

const bundleIdSchema = z.string().regex(/^[0-9a-f]{32}$/);
/** "03-Nguyen-Van-An-0112345678": the file's name inside the ZIP, plain ASCII. */
const fileStemSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/);

export const recordBundleChannelContract = {
  'records:bundleAdd': {
    request: z
      .object({
        bundleId: bundleIdSchema,
        format: z.enum(recordBundleFormats),
        entries: z
          .array(z.object({ recordId: recordIdSchema, fileStem: fileStemSchema }).strict())
          .min(1)
          .max(maxBundleEntriesPerRequest),
      })
      .strict(),
    response: z.object({ added: z.number().int().min(0) }),
  },
  'records:bundleFinish': {
    request: z
      .object({ bundleId: bundleIdSchema, fileStem: fileStemSchema, title: z.string().min(1).max(200) })
      .strict(),
    response: downloadableFileSchema,
  },
} as const;
