/**
 * Tasks that run in the isolated worker, and the messages that carry them. A registry maps a
 * task's name to a function of one structured-cloneable input; its output (awaited) comes back
 * by structured clone. Main imports only the registry's type, never its code.
 */
export type IsolatedTask = (input: never) => unknown;
export type TaskRegistry = Readonly<Record<string, IsolatedTask>>;

export type TaskInput<T> = T extends (input: infer I) => unknown ? I : never;
export type TaskOutput<T> = T extends (input: never) => infer O ? Awaited<O> : never;

/** main → worker */
export type TaskRequest = { readonly id: number; readonly task: string; readonly input: unknown };

/** worker → main */
export type TaskReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly name: string; readonly message: string };
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isTaskRequest(value: unknown): value is TaskRequest {
  return (
    isRecord(value) && typeof value.id === 'number' && typeof value.task === 'string' && 'input' in value
  );
}

export function isTaskReply(value: unknown): value is TaskReply {
  if (!isRecord(value) || typeof value.id !== 'number') return false;
  if (value.ok === true) return 'value' in value;
  const error = value.error;
  return (
    value.ok === false &&
    isRecord(error) &&
    typeof error.name === 'string' &&
    typeof error.message === 'string'
  );
}

/**
 * ArrayBuffers an output carries (itself, or typed arrays and ArrayBuffers among its top-level
 * properties) that own their whole buffer, so they move to main instead of being copied.
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const consider = (item: unknown): void => {
    if (item instanceof ArrayBuffer) found.add(item);
    else if (ArrayBuffer.isView(item) && item.buffer instanceof ArrayBuffer) {
      if (item.byteOffset === 0 && item.byteLength === item.buffer.byteLength) found.add(item.buffer);
    }
  };
  consider(value);
  if (isRecord(value) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    for (const item of Object.values(value)) consider(item);
  }
  return [...found];
}
