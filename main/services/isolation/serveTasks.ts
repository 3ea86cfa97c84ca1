import { parentPort } from 'node:worker_threads';
import { isTaskRequest, transferablesOf, type TaskRegistry, type TaskReply } from './isolatedTask';

function errorOf(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: typeof error, message: String(error) };
}

/**
 * The worker side: answers each task request from main with the task's output, or with the
 * error it threw (name and message; the stack stays here). One request at a time is what main
 * sends; this does not rely on it.
 */
export function serveTasks(registry: TaskRegistry): void {
  const port = parentPort;
  if (port === null) throw new Error('serveTasks runs inside a worker thread');
  const reply = (message: TaskReply, transfer: ArrayBuffer[] = []): void => {
    try {
      port.postMessage(message, transfer);
    } catch (error) {
      // An output that cannot be cloned (a function, a class instance with private state).
      port.postMessage({ id: message.id, ok: false, error: errorOf(error) } satisfies TaskReply);
    }
  };
  port.on('message', (message: unknown) => {
    if (!isTaskRequest(message)) return;
    const { id } = message;
    const task = Object.hasOwn(registry, message.task) ? registry[message.task] : undefined;
    if (task === undefined) {
      reply({ id, ok: false, error: { name: 'UnknownTask', message: `no task named ${message.task}` } });
      return;
    }
    void (async () => {
      try {
        // The registry's types tie each name to its input; main sent the input for this name.
        const value = await (task as (input: unknown) => unknown)(message.input);
        reply({ id, ok: true, value }, transferablesOf(value));
      } catch (error) {
        reply({ id, ok: false, error: errorOf(error) });
      }
    })();
  });
}
