import { mkdir, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { AuditFinding } from '../../../shared/ipc/auditChannels';
import { newDeviceId, readDeviceFile, writeDeviceFile } from '../deviceIdentity';
import type { Logger } from '../logger';
import { noteAnomaly, type Anomaly } from './anomalyRecord';
import {
  chainLogPath,
  chainSubject,
  createAuditHeadService,
  unavailableHeadService,
  type AuditHeadService,
} from './auditHeadService';
import { loadAuditKey } from './auditKey';
import type { KeyProtection } from '../keys/keyFile';
import { openChainLog, type ChainLog } from './chainLog';
import {
  headStoreFileName,
  readHeadStore,
  unverifiedDeviceIdOf,
  writeHeadStore,
  type HeadStoreBody,
} from './headStoreFile';
import { auditHeadStrings } from './strings';

export type OpenAuditHeadsOptions = {
  readonly dataDir: string;
  readonly logger: Logger;
  /** Electron's safeStorage; absent under the bridge and the CLI (the key file is then protected by its permissions only). */
  readonly protection?: KeyProtection;
  readonly now?: () => Date;
};

/** The audit anchor's folder in main's data folder. */
export function auditDirOf(dataDir: string): string {
  return join(dataDir, 'audit');
}

/**
 * Opens main's record of the audit chain heads and this desktop's identity, at start. What it
 * finds wrong with its own files (device.json missing or replaced, the record deleted or
 * tampered with, the key lost) is kept as an anomaly and shown by the integrity checks of this
 * run. A record that fails its MAC is never read for its values: it is moved to
 * `audit/rejected/` for someone to look at, and a new record starts.
 */
export async function openAuditHeads(options: OpenAuditHeadsOptions): Promise<AuditHeadService> {
  const { dataDir, logger } = options;
  const now = options.now ?? (() => new Date());
  const auditDir = auditDirOf(dataDir);
  await mkdir(auditDir, { recursive: true, mode: 0o700 });
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const setAside = async (path: string) => {
    await mkdir(join(auditDir, 'rejected'), { recursive: true, mode: 0o700 });
    await rename(path, join(auditDir, 'rejected', `${stamp}-${basename(path)}`)).catch(() => undefined);
  };
  const storePath = join(auditDir, headStoreFileName);

  const key = await loadAuditKey(auditDir, options.protection, setAside);
  const deviceFile = await readDeviceFile(dataDir);
  if (key.status === 'unavailable') {
    // Keep the same identity without trusting anything; nothing is recorded or judged this run.
    logger.warn('audit.key-unavailable', {});
    const deviceId =
      deviceFile.kind === 'ok'
        ? deviceFile.deviceId
        : ((await unverifiedDeviceIdOf(storePath)) ?? newDeviceId());
    if (deviceFile.kind !== 'ok') await writeDeviceFile(dataDir, deviceId, now());
    return unavailableHeadService(deviceId);
  }

  const anomalies: Anomaly[] = [];
  const store = await readHeadStore(storePath, key.key);
  let body: HeadStoreBody | undefined;
  const logs = new Map<string, ChainLog>();
  if (store.kind === 'ok' && !key.created) {
    body = store.body;
    for (const chain of body.chains) {
      const path = chainLogPath(auditDir, chain.deviceId, chain.database);
      const log = await openChainLog(path, chain.seq, chain.logDigest);
      if (!log || (chain.seq > 0 && log.hashAt(chain.seq) !== chain.hash)) {
        body = undefined;
        break;
      }
      logs.set(chainSubject(chain.deviceId, chain.database), log);
    }
    if (!body) {
      logs.clear();
      anomalies.push({
        kind: 'storeRejected',
        subject: 'audit/chains',
        message: auditHeadStrings.storeRejected,
      });
    }
  } else if (store.kind !== 'missing') {
    // A record we cannot verify: tampered with, or signed by a key that is gone.
    const lost = key.created;
    anomalies.push(
      lost
        ? { kind: 'keyLost', subject: 'audit/head-key.json', message: auditHeadStrings.keyLost }
        : { kind: 'storeRejected', subject: 'audit/heads.json', message: auditHeadStrings.storeRejected },
    );
  } else if (!key.created) {
    anomalies.push({
      kind: 'storeMissing',
      subject: 'audit/heads.json',
      message: auditHeadStrings.storeMissing,
    });
  }
  if (key.replaced && !anomalies.some((anomaly) => anomaly.kind === 'keyLost'))
    anomalies.push({ kind: 'keyLost', subject: 'audit/head-key.json', message: auditHeadStrings.keyLost });
  if (!body && store.kind !== 'missing') {
    await setAside(storePath);
    await setAside(join(auditDir, 'chains')).catch(() => undefined);
  }

  // The identity the authenticated record names, even when one of its chain logs failed.
  const knownDeviceId = store.kind === 'ok' && !key.created ? store.body.deviceId : undefined;
  let identityCreated = false;
  let deviceId: string;
  if (knownDeviceId !== undefined) {
    deviceId = knownDeviceId;
    if (deviceFile.kind !== 'ok' || deviceFile.deviceId !== deviceId) {
      anomalies.push(
        deviceFile.kind === 'ok'
          ? {
              kind: 'deviceFileChanged',
              subject: 'device.json',
              message: auditHeadStrings.deviceFileChanged(deviceId),
            }
          : {
              kind: 'deviceFileMissing',
              subject: 'device.json',
              message: auditHeadStrings.deviceFileMissing(deviceId),
            },
      );
      await writeDeviceFile(dataDir, deviceId, now());
    }
  } else if (deviceFile.kind === 'ok') {
    deviceId = deviceFile.deviceId;
  } else {
    deviceId = newDeviceId();
    identityCreated = true;
    await writeDeviceFile(dataDir, deviceId, now());
  }
  body ??= {
    format: 1,
    deviceId,
    createdAt: now().toISOString(),
    chains: [],
    anomalies: [],
    anomalyCount: 0,
  };

  const at = now().toISOString();
  for (const anomaly of anomalies) noteAnomaly(body, anomaly, at);
  await mkdir(join(auditDir, 'chains'), { recursive: true, mode: 0o700 });
  await writeHeadStore(storePath, key.key, body);
  const startupFindings: AuditFinding[] = anomalies.map(({ kind, message }) => ({
    kind,
    severity: 'problem',
    message,
    deviceId,
  }));
  if (anomalies.length > 0)
    logger.warn('audit.startup-anomalies', { kinds: anomalies.map((anomaly) => anomaly.kind).join(',') });
  logger.info('audit.heads-opened', {
    chains: body.chains.length,
    protection: options.protection?.available() === true ? 'safeStorage' : 'file',
  });
  return createAuditHeadService(
    { auditDir, key: key.key, body, logs, startupFindings, identityCreated },
    logger,
    now,
  );
}
