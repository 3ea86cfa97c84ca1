import { verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, memoryLogSink } from '../../main/services/logger';
import {
  allowsDigitalSignature,
  createHotPlugPoller,
  createModuleRegistry,
  createTokenService,
  type ModuleRegistry,
  TokenError,
  type TokenPresenceEvent,
  type TokenRef,
  type TokenService,
  tokenStrings,
  type TokenSummary,
  validityAt,
} from '../../main/services/token';
import { inspectLibraryFile } from '../../main/services/token/knownLibraries';
import { createSoftHsm, type SoftHsm, type TokenName } from '../support/softhsm';
import { createTestPki, type TestPki } from '../support/testPki';

/**
 * The token service against real PKCS#11: SoftHSM2 tokens and a test CA made fresh for this run.
 * Tests run in order and share the tokens; the destructive ones (pulling a token, finalising
 * the module) come last.
 */

let pki: TestPki;
let hsm: SoftHsm;
let registry: ModuleRegistry;
let service: TokenService;
const logLines: string[] = [];
const wrongPins = ['000000', '999999', '13579', 'sai-ma-pin'];

async function caught(promise: Promise<unknown>): Promise<TokenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TokenError) return error;
    throw error;
  }
  throw new Error('expected a TokenError');
}

function caughtSync(run: () => unknown): TokenError {
  try {
    run();
  } catch (error) {
    if (error instanceof TokenError) return error;
    throw error;
  }
  throw new Error('expected a TokenError');
}

function tokenNamed(name: TokenName): TokenSummary {
  const token = service
    .listTokens(hsm.modulePath)
    .find((candidate) => candidate.label === hsm.tokens[name].label);
  if (token === undefined) throw new Error(`token ${name} not listed`);
  return token;
}

function refOf(name: TokenName): TokenRef {
  const token = tokenNamed(name);
  return { libraryPath: hsm.modulePath, slotId: token.slotId, expectedSerial: token.serialNumber };
}

function verifyWithCertificate(certDer: Buffer, data: Uint8Array, signature: Uint8Array): boolean {
  const publicKey = new X509Certificate(certDer).publicKey;
  const key =
    publicKey.asymmetricKeyType === 'ec' ? { key: publicKey, dsaEncoding: 'der' as const } : publicKey;
  return verify('sha256', data, key, signature);
}

beforeAll(() => {
  pki = createTestPki();
  hsm = createSoftHsm(pki); // sets SOFTHSM2_CONF before anything loads the module
  const logger = createLogger(memoryLogSink(logLines), 'debug');
  registry = createModuleRegistry({ logger });
  service = createTokenService({ registry, logger });
});

afterAll(() => {
  service.close();
  registry.closeAll();
  hsm.cleanup();
  pki.cleanup();
});

describe('token service over SoftHSM2', () => {
  it('lists the fresh tokens and the free slot SoftHSM keeps', () => {
    const tokens = service.listTokens(hsm.modulePath);
    expect(tokens.map((token) => token.label).sort()).toEqual(
      Object.values(hsm.tokens)
        .map((token) => token.label)
        .sort(),
    );
    for (const token of tokens) {
      expect(token.present).toBe(true);
      expect(token.initialized).toBe(true);
      expect(token.loginRequired).toBe(true);
      expect(token.manufacturer).toBe('SoftHSM project');
      expect(token.serialNumber).toMatch(/^[0-9a-f]{16}$/);
      expect(token.pinState).toEqual({ status: 'ok', warning: undefined, mustChange: false });
    }
    const slots = service.listSlots(hsm.modulePath);
    expect(slots.length).toBe(4);
    expect(slots.every((slot) => slot.tokenPresent)).toBe(true);
  });

  it('reads certificates and their fields without a PIN', () => {
    const certificates = service.readCertificates(refOf('teacher'));
    expect(certificates.map((certificate) => certificate.keyIdHex).sort()).toEqual(['01', '02']);
    const rsa = certificates.find((certificate) => certificate.keyIdHex === '01');
    const expected = new X509Certificate(pki.signers.homeroomTeacher.certDer);
    expect(rsa).toMatchObject({
      subjectCommonName: 'Nguyễn Thị Thu Hà',
      issuerCommonName: 'CA Trung Gian Thử Nghiệm Học Bạ Số',
      serialNumberHex: expected.serialNumber.toLowerCase().replace(/^(00)+(?=..)/, ''),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      publicKeyAlgorithm: 'rsa',
      label: 'Chứng thư GVCN',
      hasPrivateKey: undefined,
    });
    expect(rsa?.subject).toBe(
      'CN=Nguyễn Thị Thu Hà, title=Giáo viên chủ nhiệm, O=Trường Tiểu học Kim Liên, ST=Hà Nội, C=VN',
    );
    expect(rsa?.notBefore.getTime()).toBe(new Date(expected.validFrom).getTime());
    expect(rsa?.notAfter.getTime()).toBe(new Date(expected.validTo).getTime());
    expect(Buffer.from(rsa?.der ?? []).equals(pki.signers.homeroomTeacher.certDer)).toBe(true);
    expect(certificates.find((certificate) => certificate.keyIdHex === '02')?.publicKeyAlgorithm).toBe('ec');
  });

  it('tells the seal token’s good certificate from the expired, the non-signing and the untrusted one', () => {
    const byId = new Map(
      service.readCertificates(refOf('seal')).map((certificate) => [certificate.keyIdHex, certificate]),
    );
    const now = new Date();
    expect(byId.get('5e')?.subjectCommonName).toBe('Trường Tiểu học Kim Liên');
    expect(validityAt(byId.get('5e') ?? { notBefore: now, notAfter: now }, now)).toBe('valid');
    expect(validityAt(byId.get('6e') ?? { notBefore: now, notAfter: now }, now)).toBe('expired');
    expect(byId.get('7e')?.keyUsage).toEqual(['keyEncipherment', 'dataEncipherment']);
    expect(allowsDigitalSignature(byId.get('7e') ?? { keyUsage: [] })).toBe(false);
    expect(allowsDigitalSignature(byId.get('5e') ?? { keyUsage: [] })).toBe(true);
    expect(byId.get('8e')?.issuerCommonName).toBe('CA Không Được Tin Cậy');
  });

  it('matches every certificate to its private key by CKA_ID after login', async () => {
    for (const name of ['teacher', 'principal', 'seal'] as const) {
      const session = await service.login(refOf(name), hsm.tokens[name].userPin);
      const certificates = session.certificates();
      expect(certificates.map((certificate) => certificate.keyIdHex).sort()).toEqual(
        hsm.tokens[name].objects.map((object) => object.idHex).sort(),
      );
      expect(certificates.every((certificate) => certificate.hasPrivateKey === true)).toBe(true);
      session.close();
      expect(session.isOpen()).toBe(false);
    }
  });

  it('signs with RSA (CKM_SHA256_RSA_PKCS) and ECDSA, verifiable against the certificate', async () => {
    const session = await service.login(refOf('teacher'), hsm.tokens.teacher.userPin);
    const data = new TextEncoder().encode('Học bạ số: Nguyễn Văn An, lớp 5A, năm học 2025-2026');
    const pending = session.sign('01', data, 'sha256-rsa-pkcs');
    expect(pending).toBeInstanceOf(Promise);
    const rsaSignature = await pending;
    expect(rsaSignature.length).toBe(256);
    expect(verifyWithCertificate(pki.signers.homeroomTeacher.certDer, data, rsaSignature)).toBe(true);
    expect(verifyWithCertificate(pki.signers.homeroomTeacher.certDer, data.subarray(1), rsaSignature)).toBe(
      false,
    );

    const ecSignature = await session.sign('02', data);
    expect(ecSignature[0]).toBe(0x30);
    expect(verifyWithCertificate(pki.signers.homeroomTeacherEc.certDer, data, ecSignature)).toBe(true);

    const batch = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        session.sign('01', new TextEncoder().encode(`record ${index}`)),
      ),
    );
    batch.forEach((signature, index) => {
      const signed = new TextEncoder().encode(`record ${index}`);
      expect(verifyWithCertificate(pki.signers.homeroomTeacher.certDer, signed, signature)).toBe(true);
    });

    expect((await caught(session.sign('02', data, 'sha256-rsa-pkcs'))).kind).toBe('mechanism-unsupported');
    expect((await caught(session.sign('ff', data))).kind).toBe('key-not-found');
    expect((await caught(session.sign('zz', data))).kind).toBe('invalid-input');
    session.close();
    expect((await caught(session.sign('01', data))).kind).toBe('session-closed');
  });

  it('gives the typed error for a wrong PIN, then the count-low warning SoftHSM really reports', async () => {
    const ref = refOf('principal');
    expect(service.readPinState(ref).status).toBe('ok');
    const error = await caught(service.login(ref, wrongPins[0] ?? ''));
    expect(error.kind).toBe('pin-incorrect');
    expect(error.code).toBe('CKR_PIN_INCORRECT');
    expect(error.message).toBe(tokenStrings.pinIncorrect);
    expect(error.pinState).toEqual({
      status: 'count-low',
      warning: tokenStrings.pinCountLow,
      mustChange: false,
    });
    expect(service.readPinState(ref).warning).toBe(
      'Bạn đã nhập sai mã PIN; còn ít lần thử. Hãy kiểm tra kỹ mã PIN (tắt Caps Lock, đúng bàn phím) trước khi nhập tiếp.',
    );

    const session = await service.login(ref, hsm.tokens.principal.userPin);
    expect(session.warningBeforeLogin).toBe(tokenStrings.pinCountLow);
    // SoftHSM clears COUNT_LOW on a correct login.
    expect(service.readPinState(ref).status).toBe('ok');
    session.close();
  });

  it('refuses a second login to a token this process is logged in to, whatever PIN it carries', async () => {
    const ref = refOf('principal');
    const first = await service.login(ref, hsm.tokens.principal.userPin);
    // PKCS#11 answers CKR_USER_ALREADY_LOGGED_IN without checking the PIN: never a way in.
    for (const pin of ['000000', hsm.tokens.principal.userPin]) {
      const error = await caught(service.login(ref, pin));
      expect(error.kind).toBe('token-busy');
      expect(error.message).toBe(tokenStrings.tokenBusy);
    }
    first.close();
    const again = await service.login(ref, hsm.tokens.principal.userPin);
    again.close();
    expect((await caught(service.login(ref, '000000'))).kind).toBe('pin-incorrect');
    // The wrong PIN above set COUNT_LOW; a correct login clears it for the tests that follow.
    (await service.login(ref, hsm.tokens.principal.userPin)).close();
  });

  it('shows SoftHSM never locks the user PIN nor reports final try (so those states are simulated below)', async () => {
    const ref = refOf('principal');
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const error = await caught(service.login(ref, wrongPins[attempt % wrongPins.length] ?? ''));
      expect(error.kind).toBe('pin-incorrect');
      expect(error.pinState?.status).toBe('count-low');
    }
    const session = await service.login(ref, hsm.tokens.principal.userPin);
    expect(session.isOpen()).toBe(true);
    session.close();
  });

  it('asks for confirmation before the final try and refuses a locked token without trying the PIN', async () => {
    const ref = refOf('principal');
    hsm.setUserPinFlags('principal', { countLow: true, finalTry: true, locked: false });
    expect(service.readPinState(ref)).toEqual({
      status: 'final-try',
      warning: tokenStrings.pinFinalTry,
      mustChange: false,
    });
    expect(tokenStrings.pinFinalTry.startsWith('Đây là lần thử cuối cùng')).toBe(true);
    // Without confirmation not even a wrong PIN reaches C_Login.
    expect((await caught(service.login(ref, wrongPins[1] ?? ''))).kind).toBe('pin-final-try');
    const confirmed = await service.login(ref, hsm.tokens.principal.userPin, { acknowledgeFinalTry: true });
    expect(confirmed.warningBeforeLogin).toBe(tokenStrings.pinFinalTry);
    confirmed.close();

    hsm.setUserPinFlags('principal', { countLow: false, finalTry: false, locked: true });
    const locked = await caught(service.login(ref, hsm.tokens.principal.userPin));
    expect(locked.kind).toBe('pin-locked');
    expect(locked.message).toBe(tokenStrings.pinLocked);
    expect(locked.pinState?.status).toBe('locked');
    expect(logLines.some((line) => line.includes('"reason":"pin-locked"'))).toBe(true);

    hsm.setUserPinFlags('principal', { countLow: false, finalTry: false, locked: false });
    const session = await service.login(ref, hsm.tokens.principal.userPin);
    session.close();
  });

  it('refuses the wrong token, bad input and a library that does not exist', async () => {
    const teacherRef = refOf('teacher');
    const wrongToken = await caught(
      service.login(
        { ...teacherRef, expectedSerial: tokenNamed('seal').serialNumber },
        hsm.tokens.teacher.userPin,
      ),
    );
    expect(wrongToken.kind).toBe('wrong-token');
    expect((await caught(service.login(teacherRef, '12'))).kind).toBe('invalid-input');
    expect(
      (await caught(service.login({ ...teacherRef, libraryPath: 'libsofthsm2.so' }, '123456'))).kind,
    ).toBe('invalid-input');
    expect(caughtSync(() => service.listTokens('/nonexistent/libviettelca.so')).kind).toBe(
      'library-load-failed',
    );
  });

  it('refuses network and non-library paths before loading anything', () => {
    for (const path of [
      '//fileserver/drivers/libsofthsm2.so',
      '\\\\fileserver\\drivers\\softhsm2.dll',
      '\\\\?\\UNC\\fileserver\\drivers\\softhsm2.dll',
      `${hsm.modulePath}.txt`,
      'libsofthsm2.so',
    ]) {
      expect(caughtSync(() => service.listTokens(path)).kind, path).toBe('invalid-input');
      expect(registry.loadCount(path), path).toBe(0);
    }
  });

  it('checks a library file before the app hands it over: canonical path, never a link to something else', () => {
    const linkDir = mkdtempSync(join(tmpdir(), 'hocba-link-'));
    try {
      const honest = join(linkDir, 'libvendor-ca.so');
      symlinkSync(hsm.modulePath, honest);
      const check = inspectLibraryFile(honest);
      expect(check).toEqual({ ok: true, path: realpathSync(hsm.modulePath) });
      if (check.ok) expect(service.listTokens(check.path)).toHaveLength(3);
      expect(registry.loadCount(hsm.modulePath)).toBe(1);

      const script = join(linkDir, 'payload.sh');
      writeFileSync(script, '#!/bin/sh\n');
      const disguised = join(linkDir, 'libdisguised.so');
      symlinkSync(script, disguised);
      expect(inspectLibraryFile(disguised)).toEqual({ ok: false, reason: 'not-a-library' });
      expect(registry.loadCount(disguised)).toBe(0);
    } finally {
      rmSync(linkDir, { recursive: true, force: true });
    }
  });

  it('loads one module per library path, however many services and spellings ask', () => {
    const linkDir = mkdtempSync(join(tmpdir(), 'hocba-link-'));
    try {
      const link = join(linkDir, 'libtoken-alias.so');
      symlinkSync(hsm.modulePath, link);
      const second = createTokenService({ registry });
      expect(second.listTokens(link).length).toBe(3);
      expect(second.listTokens(join(hsm.modulePath, '..', 'libsofthsm2.so')).length).toBe(3);
      second.close();
      expect(registry.loadCount(hsm.modulePath)).toBe(1);
      expect(registry.loadedPaths()).toHaveLength(1);
    } finally {
      rmSync(linkDir, { recursive: true, force: true });
    }
  });

  it('never lets a PIN reach the log', () => {
    expect(logLines.some((line) => line.includes('"event":"token.login"'))).toBe(true);
    expect(logLines.some((line) => line.includes('"event":"token.login.failed"'))).toBe(true);
    const pins = [...wrongPins, ...Object.values(hsm.tokens).map((token) => token.userPin)];
    for (const line of logLines) for (const pin of pins) expect(line).not.toContain(pin);
  });

  it('reports a token pulled out in the middle of a batch as removed, and the poller sees it go', async () => {
    const events: TokenPresenceEvent[] = [];
    const poller = createHotPlugPoller({
      listTokens: () => service.listTokens(hsm.modulePath),
      onEvent: (event) => events.push(event),
      intervalMs: 25,
    });
    poller.start();
    expect(events.filter((event) => event.type === 'added')).toHaveLength(3);

    const session = await service.login(refOf('principal'), hsm.tokens.principal.userPin);
    const data = new TextEncoder().encode('hồ sơ 1');
    expect(verifyWithCertificate(pki.signers.principal.certDer, data, await session.sign('a1b2', data))).toBe(
      true,
    );

    hsm.removeToken('principal');
    const removed = await caught(session.sign('a1b2', data));
    expect(removed.kind).toBe('token-removed');
    expect(removed.resumable).toBe(true);
    expect(removed.message).toBe(tokenStrings.tokenRemoved);
    expect(session.isOpen()).toBe(false);
    expect((await caught(session.sign('a1b2', data))).kind).toBe('session-closed');

    await expect
      .poll(() => events.filter((event) => event.type === 'removed').map((event) => event.token.label), {
        timeout: 2000,
      })
      .toEqual([hsm.tokens.principal.label]);
    poller.stop();
    expect(poller.isRunning()).toBe(false);
    expect(
      poller
        .current()
        .map((token) => token.label)
        .sort(),
    ).toEqual([hsm.tokens.seal.label, hsm.tokens.teacher.label].sort());
  });

  it('reports a module finalised under an open session as removed, and recovers after reload', async () => {
    const session = await service.login(refOf('seal'), hsm.tokens.seal.userPin);
    const data = new TextEncoder().encode('hồ sơ 2');
    expect(verifyWithCertificate(pki.signers.schoolSeal.certDer, data, await session.sign('5e', data))).toBe(
      true,
    );

    registry.acquire(hsm.modulePath).pkcs11.C_Finalize();
    registry.release(hsm.modulePath);
    const error = await caught(session.sign('5e', data));
    expect(error.kind).toBe('token-removed');
    expect(error.code).toBe('CKR_CRYPTOKI_NOT_INITIALIZED');

    service.reload(hsm.modulePath);
    expect(
      service
        .listTokens(hsm.modulePath)
        .map((token) => token.label)
        .sort(),
    ).toEqual([hsm.tokens.seal.label, hsm.tokens.teacher.label].sort());
    expect(registry.loadCount(hsm.modulePath)).toBe(2);
    const again = await service.login(refOf('seal'), hsm.tokens.seal.userPin);
    expect(verifyWithCertificate(pki.signers.schoolSeal.certDer, data, await again.sign('5e', data))).toBe(
      true,
    );
    again.close();
  });

  it('loads a library afresh for the hot-plug watch only while none of its sessions is open', async () => {
    const loads = registry.loadCount(hsm.modulePath);
    const session = await service.login(refOf('seal'), hsm.tokens.seal.userPin);
    // A signing session is never cut short to look for new tokens.
    expect(service.rescan(hsm.modulePath)).toBe(false);
    expect(session.isOpen()).toBe(true);
    const data = new TextEncoder().encode('hồ sơ 3');
    expect(verifyWithCertificate(pki.signers.schoolSeal.certDer, data, await session.sign('5e', data))).toBe(
      true,
    );
    session.close();
    expect(service.rescan(hsm.modulePath)).toBe(true);
    expect(service.listTokens(hsm.modulePath)).toHaveLength(2);
    expect(registry.loadCount(hsm.modulePath)).toBe(loads + 1);
    // A library not loaded by this service is not loaded just to be scanned.
    const other = createTokenService({ registry });
    expect(other.rescan(hsm.modulePath)).toBe(false);
    other.close();
  });
});
