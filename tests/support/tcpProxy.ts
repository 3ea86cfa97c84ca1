import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a server, that the tests and benchmarks control: a school's
 * weak link (bandwidth per direction and a one-way delay), the bytes that crossed it, and cuts
 * (every open connection dropped at once).
 */
export type TcpProxy = {
  readonly url: string;
  readonly port: number;
  /** Bytes carried so far, client → server and server → client. */
  readonly bytes: () => { readonly up: number; readonly down: number };
  readonly resetBytes: () => void;
  /** Drops every open connection, as a cut cable or a dropped Wi-Fi would. */
  readonly cut: () => void;
  /**
   * Cuts once, the moment this many more bytes have crossed in that direction: in the middle of a
   * push (`up`) or of a pull's answer (`down`), wherever the count falls.
   */
  readonly cutAfter: (bytes: {
    readonly up?: number;
    readonly down?: number;
    /** Called at the cut (to stop the server there, say). */
    readonly then?: () => void;
  }) => void;
  /** Offline: every open connection cut and every new one dropped at once; online again with false. */
  readonly setOffline: (offline: boolean) => void;
  readonly close: () => Promise<void>;
};

export type LinkShape = {
  /** Bits per second in each direction; absent: as fast as the machine goes. */
  readonly bitsPerSecond?: number;
  /** Added to every chunk one way (a round trip is twice this). */
  readonly oneWayDelayMs?: number;
};

/** The largest piece the link paces at once, so a big answer flows rather than jumps. */
const pacedChunkBytes = 16 * 1024;

/** One direction of the school's link, shared by every connection through the proxy. */
type Line = { freeAt: number };

/**
 * One direction of one connection: chunks leave in order, each once the line (shared with the
 * other connections, as a school's one uplink is) has finished "transmitting" what went before at
 * the link's rate, and arrive `oneWayDelayMs` later.
 */
function pipeShaped(
  from: Socket,
  to: Socket,
  shape: LinkShape,
  line: Line,
  count: (bytes: number) => void,
): void {
  const rate = shape.bitsPerSecond === undefined ? undefined : shape.bitsPerSecond / 8 / 1000; // bytes per ms
  const delay = shape.oneWayDelayMs ?? 0;
  let pending = 0;
  let ended = false;
  const finishIfDone = () => {
    if (ended && pending === 0) to.end();
  };
  from.on('data', (data: Buffer) => {
    count(data.length);
    if (rate === undefined && delay === 0) {
      to.write(data);
      return;
    }
    for (let offset = 0; offset < data.length; offset += pacedChunkBytes) {
      const chunk = data.subarray(offset, offset + pacedChunkBytes);
      const now = performance.now();
      const start = Math.max(now, line.freeAt);
      line.freeAt = start + (rate === undefined ? 0 : chunk.length / rate);
      const leaves = line.freeAt;
      pending += 1;
      setTimeout(
        () => {
          pending -= 1;
          if (!to.destroyed) to.write(chunk);
          finishIfDone();
        },
        leaves - now + delay,
      );
    }
  });
  from.on('end', () => {
    ended = true;
    finishIfDone();
  });
}

export async function startTcpProxy(
  target: { host: string; port: number },
  shape: LinkShape = {},
): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let up = 0;
  let down = 0;
  let offline = false;
  let cutAt: { up: number; down: number; then?: () => void } | undefined;
  const upLine: Line = { freeAt: 0 };
  const downLine: Line = { freeAt: 0 };
  const cut = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
  const counted = (direction: 'up' | 'down', n: number) => {
    if (direction === 'up') up += n;
    else down += n;
    if (cutAt !== undefined && (up >= cutAt.up || down >= cutAt.down)) {
      const then = cutAt.then;
      cutAt = undefined;
      cut();
      then?.();
    }
  };
  const server = createServer((client) => {
    if (offline) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    pipeShaped(client, upstream, shape, upLine, (n) => counted('up', n));
    pipeShaped(upstream, client, shape, downLine, (n) => counted('down', n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    port,
    bytes: () => ({ up, down }),
    resetBytes: () => {
      up = 0;
      down = 0;
    },
    cut,
    cutAfter: (bytes) => {
      cutAt = {
        up: up + (bytes.up ?? Infinity),
        down: down + (bytes.down ?? Infinity),
        ...(bytes.then === undefined ? {} : { then: bytes.then }),
      };
    },
    setOffline: (value) => {
      offline = value;
      if (value) cut();
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      open.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
