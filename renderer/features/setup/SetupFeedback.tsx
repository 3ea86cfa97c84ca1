import type { Feedback } from './useSetupAction';

/** A section's last outcome: an alert for a refusal, a quiet status line for success. */
export function SetupFeedback({ feedback }: { readonly feedback: Feedback | undefined }) {
  if (!feedback) return null;
  if (feedback.kind === 'error') {
    return (
      <div className="notice error" role="alert">
        {feedback.text}
      </div>
    );
  }
  return (
    <p className="save-state saved setup-feedback" role="status">
      {feedback.text}
    </p>
  );
}
