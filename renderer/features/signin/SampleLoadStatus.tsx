import { useState } from 'react';
import { sampleLoadStrings } from './strings';
import type { SampleLoadState } from './useSampleLoad';

/**
 * The sample trial's second stage above every screen: a progress bar while the students and
 * their results load, then how many were written (until closed), or what to do if it failed.
 */
export function SampleLoadStatus({ state }: { readonly state: SampleLoadState }) {
  const [closed, setClosed] = useState(false);
  if (state.kind === 'idle') return null;
  if (state.kind === 'failed')
    return (
      <div className="sample-load error" role="alert">
        {sampleLoadStrings.failed}
      </div>
    );
  if (state.kind === 'done')
    return closed ? null : (
      <div className="sample-load done" role="status">
        <span>{sampleLoadStrings.done(state.documents, state.milliseconds)}</span>
        <button type="button" className="link-button" onClick={() => setClosed(true)}>
          {sampleLoadStrings.close}
        </button>
      </div>
    );
  const { progress } = state;
  const fraction = progress?.fraction ?? 0;
  const text = !progress
    ? sampleLoadStrings.starting
    : progress.phase === 'students'
      ? sampleLoadStrings.students(progress.done, progress.students)
      : sampleLoadStrings.results(progress.done, progress.students);
  return (
    <div className="sample-load" aria-live="polite">
      <div className="sample-load-line">
        <span>{text}</span>
        <span className="muted">{sampleLoadStrings.percent(fraction)}</span>
      </div>
      <progress max={1} value={fraction} aria-label={sampleLoadStrings.label} />
      <p className="hint">{sampleLoadStrings.workMeanwhile}</p>
    </div>
  );
}
