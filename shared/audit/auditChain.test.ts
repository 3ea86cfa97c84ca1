import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../encoding/canonicalJson';
import { utf8Encode } from '../encoding/utf8';
import {
  genesisHash,
  hashAuditEvent,
  sealAuditEvent,
  verifyAuditChain,
  verifyDeviceChains,
  type AuditEvent,
} from './auditChain';

function chain(length: number, deviceId = 'device-1'): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= length; seq += 1) {
    const event = sealAuditEvent({
      deviceId,
      seq,
      prevHash,
      actor: 'user:co-lan',
      at: `2026-11-29T0${seq % 10}:00:00.000Z`,
      collectionName: 'subjectResults',
      docId: 'subjectResult:student:0100000001:toan:2025-2026',
      field: 'CN.score',
      old: seq === 1 ? 'null' : String(seq + 4),
      new: String(seq + 5),
      studentId: 'student:0100000001',
      classId: 'class:x:2025-2026:3A',
      amendmentId: '',
    });
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAuditChain('device-1', chain(5))).toEqual([]);
  });

  it('detects an event whose content was changed after it was written', () => {
    const events = chain(5);
    const tampered = events.map((event) => (event.seq === 3 ? { ...event, new: '10' } : event));
    const problems = verifyAuditChain('device-1', tampered);
    expect(problems).toEqual([{ seq: 3, kind: 'hash', message: 'Sự kiện 3 đã bị sửa sau khi ghi.' }]);
  });

  it('detects a rewritten event even when its own hash was recomputed (the next link breaks)', () => {
    const events = chain(5);
    const original = events[2];
    if (!original) throw new Error('no event');
    const { hash: _hash, ...body } = original;
    const rewritten = sealAuditEvent({ ...body, actor: 'user:someone-else' });
    const problems = verifyAuditChain(
      'device-1',
      events.map((e) => (e.seq === 3 ? rewritten : e)),
    );
    expect(problems).toEqual([
      { seq: 4, kind: 'link', message: 'Sự kiện 4 không nối đúng vào sự kiện trước.' },
    ]);
  });

  it('detects a removed event', () => {
    const events = chain(5).filter((event) => event.seq !== 2);
    const problems = verifyAuditChain('device-1', events);
    expect(problems.map((p) => p.kind)).toEqual(['gap', 'link']);
    expect(problems[0]?.message).toBe('Thiếu sự kiện 2 trong lịch sử.');
  });
});

describe('audit event hash', () => {
  it('is the SHA-256 of the canonical JSON of the event, as any tool can recompute', () => {
    const [event] = chain(1);
    if (!event) throw new Error('no event');
    const { hash, ...body } = event;
    expect(hash).toBe(createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex'));
    expect(hashAuditEvent(body)).toBe(hash);
  });
});

describe('canonical JSON', () => {
  it('sorts keys, drops undefined members and refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'Đ'], c: undefined })).toBe('{"a":[true,null,"Đ"],"b":1}');
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(RangeError);
  });

  it('encodes UTF-8 exactly as Node does', () => {
    for (const text of ['Nguyễn Văn Đức', 'Ơ Đu 𝄞', '\ud800x']) {
      expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });
});

describe('every device’s chain in one database (this desktop’s and a restored one)', () => {
  it('checks each chain on its own, in any stored order, and finds a change in either', () => {
    const own = chain(5, 'device-own');
    const restored = chain(40, 'device-restored');
    const mixed = [...restored, ...own].reverse();
    expect(
      verifyDeviceChains(mixed).map(({ deviceId, events, problems }) => [deviceId, events, problems.length]),
    ).toEqual([
      ['device-own', 5, 0],
      ['device-restored', 40, 0],
    ]);
    const tampered = mixed.map((event) =>
      event.deviceId === 'device-restored' && event.seq === 17 ? { ...event, new: '"C"' } : event,
    );
    const checked = verifyDeviceChains(tampered);
    expect(checked.find((device) => device.deviceId === 'device-own')?.problems).toEqual([]);
    expect(checked.find((device) => device.deviceId === 'device-restored')?.problems[0]?.seq).toBe(17);
  });
});
