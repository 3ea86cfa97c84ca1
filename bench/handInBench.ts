/**
 * `npm run bench:hand-in`: signed học bạ handed in to the province server as the app does it
 * (main's runtime signed in as the principal, its sealed record files, `sync:handInRecords`), to
 * the real server on embedded PostgreSQL, over loopback and through a proxy shaped to 2 Mbit/s
 * with 150 ms round trip. BENCH_HAND_IN_RECORDS records (default 40), each signed in every box.
 * Prints seconds, files/s, bytes sent against the files' size, and the time against what the link
 * needs for those bytes.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMainRuntime } from '../main/mainRuntime';
import { createLogger, memoryLogSink } from '../main/services/logger';
import { provisionSchool } from '../server/services/provisioning';
import { defaultCompiledCatalogue } from '../shared/domain/evaluation/compiledCatalogue';
import { recordHandInSummarySchema } from '../shared/ipc/syncChannels';
import { sampleStudyRecords } from '../shared/record/sampleStudyRecords';
import { generateSampleSchool } from '../shared/sample/generateSampleSchool';
import { generateYearResults } from '../shared/sample/generateYearResults';
import { startProvinceServer } from '../tests/support/provinceServer';
import { namingSigners } from '../tests/support/recordSigners';
import { createRecordPki, recordSigning, signedStages } from '../tests/support/signedRecordFixture';
import { startTcpProxy, type LinkShape } from '../tests/support/tcpProxy';

const count = Number(process.env.BENCH_HAND_IN_RECORDS ?? '40');
const password = 'mật khẩu để đo nộp học bạ';
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

// The records, each rendered and signed in its three boxes (not measured).
const pki = await createRecordPki();
const compiled = defaultCompiledCatalogue();
const school = generateSampleSchool({ seed: 7, students: count });
const records = sampleStudyRecords(compiled, school, generateYearResults(compiled, school, 7), count)
  .filter((record) => record.status === 'final')
  .map((record) => namingSigners(record, pki.names));
const signed: { readonly id: string; readonly pdf: Uint8Array }[] = [];
for (const record of records) {
  const { complete } = await signedStages(pki, await recordSigning(pki, record));
  signed.push({ id: record.id, pdf: complete });
}
const totalBytes = signed.reduce((sum, file) => sum + file.pdf.length, 0);
console.log(`${fmt(signed.length)} records signed in every box, ${fmt(totalBytes / 1024)} KiB in all`);

const [firstRecord] = records;
if (firstRecord === undefined) throw new Error('no final record in the sample');
const ownSchool = firstRecord.school;
/** A fresh server each time: one that keeps the files already would take none of them again. */
async function freshServer() {
  const server = await startProvinceServer({
    recordTrust: {
      anchors: () => Promise.resolve([pki.root.der]),
      intermediates: () => Promise.resolve([]),
      crls: () => Promise.resolve([]),
    },
  });
  await provisionSchool(server.running().ctx, {
    school: { code: ownSchool.code, name: ownSchool.name, district: 'Huyện' },
    principal: { login: 'hieutruong', fullName: pki.names.principal, password },
    staff: [],
  });
  return server;
}

const links: readonly { readonly name: string; readonly shape: LinkShape }[] = [
  { name: 'loopback', shape: {} },
  { name: '2 Mbit/s, 150 ms', shape: { bitsPerSecond: 2_000_000, oneWayDelayMs: 75 } },
];
for (const link of links) {
  const server = await freshServer();
  const target = new URL(server.url);
  {
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) }, link.shape);
    const dataDir = await mkdtemp(join(tmpdir(), 'hocba-bench-hand-in-'));
    const runtime = await createMainRuntime(
      { name: 'Học bạ số', version: '0.0.0-bench', platform: 'linux', dataDir, runtime: 'bridge' },
      createLogger(memoryLogSink([]), 'warn'),
      { provinceServerUrl: proxy.url },
    );
    try {
      const signIn = await runtime.dispatch('session:signIn', { login: 'hieutruong', password });
      if (!signIn.ok) throw new Error(signIn.error.message);
      for (const file of signed) {
        const path = runtime.services.records.pathOf(file.id);
        await mkdir(dirname(path), { recursive: true });
        await runtime.files.write(path, file.pdf);
      }
      proxy.resetBytes();
      const started = performance.now();
      const answer = await runtime.dispatch('sync:handInRecords', {});
      const seconds = (performance.now() - started) / 1000;
      if (!answer.ok) throw new Error(answer.error.message);
      const summary = recordHandInSummarySchema.parse(answer.value);
      const wire = proxy.bytes();
      const rate = link.shape.bitsPerSecond;
      const linkSeconds = rate === undefined ? undefined : ((wire.up + wire.down) * 8) / rate;
      console.log(
        `${link.name}: ${fmt(summary.sentNow)} of ${fmt(summary.signedFiles)} handed in (${fmt(summary.refused.length)} refused) in ${fmt(seconds, 2)} s, ${fmt(summary.sentNow / seconds, 1)} files/s; ${fmt(wire.up / 1024)} KiB up = ${fmt(wire.up / totalBytes, 2)}× the files` +
          (linkSeconds === undefined
            ? ''
            : `; the link needs ${fmt(linkSeconds, 1)} s for those bytes: ${fmt(seconds / linkSeconds, 2)}×`),
      );
      // Nothing new: a round that only looks.
      const again = performance.now();
      await runtime.dispatch('sync:handInRecords', {});
      console.log(`${link.name}: a round with nothing new: ${fmt(performance.now() - again, 1)} ms`);
    } finally {
      runtime.close();
      await proxy.close();
      await rm(dataDir, { recursive: true, force: true });
      await server.close();
    }
  }
}
