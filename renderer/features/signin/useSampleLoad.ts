import { useEffect, useState } from 'react';
import { loadSampleStudentsAndResults, type SampleLoadProgress } from './sampleLoad';
import { finishSampleLoad, type SampleLoadPlan } from './startSampleTrial';

export type SampleLoadState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly progress: SampleLoadProgress | undefined }
  | { readonly kind: 'done'; readonly documents: number; readonly milliseconds: number }
  | { readonly kind: 'failed' };

type Tracked = { readonly plan: SampleLoadPlan; readonly state: SampleLoadState };

/**
 * Runs the sample trial's second stage behind the screens and reports where it stands. Stops
 * between slices when the plan goes (sign-out, another database); the marker it leaves resumes
 * the load at the next start. Finishing clears the marker and records `hocba:seed`.
 */
export function useSampleLoad(plan: SampleLoadPlan | undefined, storage: Storage): SampleLoadState {
  const [tracked, setTracked] = useState<Tracked | undefined>(undefined);
  useEffect(() => {
    if (!plan) return;
    const controller = new AbortController();
    const report = (state: SampleLoadState) => {
      if (!controller.signal.aborted) setTracked({ plan, state });
    };
    loadSampleStudentsAndResults({
      ...plan.input,
      signal: controller.signal,
      onProgress: (progress) => report({ kind: 'loading', progress }),
    }).then(
      (written) => {
        if (controller.signal.aborted) return;
        finishSampleLoad(storage);
        const end = performance.now();
        const documents = plan.documents + written;
        // Timing for `npm run bench:gradebook`; harmless in normal use.
        performance.measure('hocba:seed', { start: plan.startedAt, end, detail: { documents } });
        report({ kind: 'done', documents, milliseconds: end - plan.startedAt });
      },
      () => report({ kind: 'failed' }),
    );
    return () => controller.abort();
  }, [plan, storage]);
  if (!plan) return { kind: 'idle' };
  if (tracked?.plan !== plan) return { kind: 'loading', progress: undefined };
  return tracked.state;
}
