import type { TimestampFunction } from '../../../shared/signing/timestampToken';
import type { Logger } from '../logger';
import { createTimestampClient } from './timestampClient';
import type { readTimestampSettings } from './timestampConfig';

export { createTimestampClient, type TimestampClientOptions } from './timestampClient';
export {
  readTimestampSettings,
  timestampConfigFile,
  timestampConfigSchema,
  tsaUrlSchema,
  type TimestampSettings,
} from './timestampConfig';
export { timestampClientStrings } from './strings';

/**
 * The timestamp function for a batch, from the trust folders' `timestamp.json` (read afresh, so
 * a file dropped in is used without a restart); undefined when no TSA is configured. A bad file
 * is logged by name of the problem only and signing goes on without timestamps.
 */
export async function timestampFunctionFor(
  trust: { readonly timestamp: () => ReturnType<typeof readTimestampSettings> },
  logger?: Logger,
): Promise<TimestampFunction | undefined> {
  const settings = await trust.timestamp();
  if (settings.problems.length > 0)
    logger?.warn('timestamp.config-invalid', { files: settings.problems.length });
  return settings.url === undefined ? undefined : createTimestampClient({ url: settings.url, logger });
}
