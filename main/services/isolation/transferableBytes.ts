/**
 * An ArrayBuffer holding exactly `bytes`, ready to move to a worker: the bytes' own buffer when
 * they are all of it (no copy; `bytes` becomes unusable once it is transferred), otherwise one copy.
 * A view into a larger buffer (Node's Buffer pool, a slice) is never transferred: that would take
 * its neighbours along.
 */
export function transferableBytes(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) {
    return buffer;
  }
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
