import type { LongTask } from './pageProbeTypes';

/** Nearest-rank percentile (as the grade book benchmark always reported it); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export type Latencies = {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
};

export function latencies(values: readonly number[]): Latencies {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}

export type LongTaskSummary = {
  /** Long tasks (> 50 ms, the browser's own threshold) in the window. */
  readonly count: number;
  readonly longest: number;
  /** Long tasks over the aim's limit. */
  readonly over: number;
  readonly limit: number;
  /** Total time blocked in long tasks. */
  readonly blocked: number;
};

export function summarizeLongTasks(tasks: readonly LongTask[], limit: number): LongTaskSummary {
  return {
    count: tasks.length,
    longest: tasks.reduce((longest, task) => Math.max(longest, task.duration), 0),
    over: tasks.filter((task) => task.duration > limit).length,
    limit,
    blocked: tasks.reduce((sum, task) => sum + task.duration, 0),
  };
}

export const ms = (value: number, digits = 1): string =>
  Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a';

export const seconds = (milliseconds: number): string =>
  Number.isFinite(milliseconds) ? `${(milliseconds / 1000).toFixed(2)} s` : 'n/a';

export const perSecond = (count: number, milliseconds: number): number => count / (milliseconds / 1000);

export const integer = (value: number): string =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';

export const ratio = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
