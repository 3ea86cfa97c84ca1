import type { SigningJobState } from '../../../shared/ipc/signingChannels';
import { signingStrings } from './strings';

const text = signingStrings.progress;

type Props = {
  readonly job: SigningJobState;
  readonly cancelling: boolean;
  readonly nameOf: (recordId: string) => string;
  readonly onCancel: () => void;
};

/** The batch as it goes: a progress bar, a cancel button, then how it ended. */
export function SigningProgress({ job, cancelling, nameOf, onCancel }: Props) {
  const running = job.state === 'running';
  return (
    <section className="signing-progress" aria-label={text.label}>
      {job.signerName && <p>{text.signer(job.signerName)}</p>}
      <div
        className="progress"
        role="progressbar"
        aria-label={text.label}
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={job.done}
      >
        <div
          className="progress-bar"
          style={{ width: `${String((100 * job.done) / Math.max(job.total, 1))}%` }}
        />
      </div>
      {running ? (
        <div className="toolbar">
          <span role="status">{cancelling ? text.cancelling : text.running(job.done, job.total)}</span>
          <button type="button" className="button" disabled={cancelling} onClick={onCancel}>
            {text.cancel}
          </button>
        </div>
      ) : (
        <div role="status">
          {job.state === 'completed' ? (
            <p className="save-state saved">{text.completed(job.signed, job.skipped)}</p>
          ) : (
            <>
              <p className="error">{job.message}</p>
              {job.resumable && <p>{text.resumeHint}</p>}
            </>
          )}
        </div>
      )}
      {job.message && running && <p className="error">{job.message}</p>}
      {job.refused.length > 0 && (
        <>
          <h3>{text.refusedHeading}</h3>
          <ul className="problems">
            {job.refused.map((refusal) => (
              <li key={refusal.recordId}>
                {nameOf(refusal.recordId)}: {refusal.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
