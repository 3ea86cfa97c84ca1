import { describe, expect, it } from 'vitest';
import { createHotPlugPoller, diffTokens, type TokenPresenceEvent } from './hotPlugPoller';
import { pinStateFromFlags } from './pinState';
import { TokenError } from './tokenError';
import type { TokenSummary } from './tokenSummary';

function token(slotId: string, serialNumber: string): TokenSummary {
  return {
    libraryPath: '/usr/lib/libtoken.so',
    slotId,
    label: `Token ${serialNumber}`,
    serialNumber,
    manufacturer: 'Test',
    model: 'Test',
    present: true,
    initialized: true,
    loginRequired: true,
    protectedAuthenticationPath: false,
    pinState: pinStateFromFlags(0),
  };
}

describe('diffTokens', () => {
  it('reports added and removed tokens; a different token in the same slot is both', () => {
    const a = token('01', 'A');
    const b = token('02', 'B');
    const c = token('02', 'C');
    expect(diffTokens([], [a])).toEqual([{ type: 'added', token: a }]);
    expect(diffTokens([a, b], [a, b])).toEqual([]);
    expect(diffTokens([a, b], [a, c])).toEqual([
      { type: 'added', token: c },
      { type: 'removed', token: b },
    ]);
  });
});

describe('createHotPlugPoller', () => {
  it('emits what changed between polls, survives a failing poll, and stops', () => {
    const a = token('01', 'A');
    const b = token('02', 'B');
    const script: (() => TokenSummary[])[] = [
      () => [a],
      () => [a, b],
      () => {
        throw new TokenError('device-error');
      },
      () => [b],
    ];
    let call = 0;
    const events: TokenPresenceEvent[] = [];
    const errors: TokenError[] = [];
    const poller = createHotPlugPoller({
      listTokens: () => (script[call++] ?? (() => [b]))(),
      onEvent: (event) => events.push(event),
      onError: (error) => errors.push(error),
      intervalMs: 60_000,
    });
    poller.start();
    expect(poller.isRunning()).toBe(true);
    expect(events).toEqual([{ type: 'added', token: a }]);
    poller.pollNow();
    poller.pollNow();
    expect(errors.map((error) => error.kind)).toEqual(['device-error']);
    poller.pollNow();
    expect(events.map((event) => `${event.type} ${event.token.serialNumber}`)).toEqual([
      'added A',
      'added B',
      'removed A',
      'removed B',
      'added B',
    ]);
    expect(poller.current()).toEqual([b]);
    poller.stop();
    expect(poller.isRunning()).toBe(false);
  });
});
