import type { RecordVerification } from '../../../shared/ipc/recordChannels';
import { recordStrings } from './strings';

const text = recordStrings.verify;

/** How each verdict looks: only a complete record is green, only a failed check is red. */
const appearance: Readonly<Record<RecordVerification['status'], { className: string; mark: string }>> = {
  complete: { className: 'verdict valid', mark: '✓' },
  partial: { className: 'verdict partial', mark: '◐' },
  unsigned: { className: 'verdict neutral', mark: '○' },
  draft: { className: 'verdict neutral', mark: '○' },
  invalid: { className: 'verdict invalid', mark: '✗' },
};

/** A verification report as a person reads it: the verdict, the record, each signer, what failed. */
export function VerificationReport({ report, onClose }: { report: RecordVerification; onClose: () => void }) {
  // One line per reason: a refusal found by two checks (the file, the record) is said once.
  const problems = [
    ...new Set(
      [
        ...report.checks.filter((check) => !check.ok),
        ...report.signers.flatMap((signer) => signer.checks.filter((check) => !check.ok)),
      ].map((check) => check.message),
    ),
  ];
  const unreadable = report.status === 'invalid';
  return (
    <section className="verification" aria-label={text.heading}>
      <header className={appearance[report.status].className} role="status">
        <span className="verdict-mark" aria-hidden="true">
          {appearance[report.status].mark}
        </span>
        <div>
          <strong>{text.headline[report.status]}</strong>
          <p>{report.verdict}</p>
        </div>
        <button type="button" className="button" onClick={onClose}>
          {text.close}
        </button>
      </header>
      {report.record && (
        <p>
          {text.record(
            report.record.studentName,
            report.record.className,
            report.record.schoolYear,
            report.record.schoolName,
          )}{' '}
          · {text.version(report.record.version)}
        </p>
      )}
      {report.trustAnchors === 0 && <p className="error">{text.noTrust}</p>}
      <h3>{text.signersHeading}</h3>
      {report.signers.length === 0 ? (
        <p className="status">{unreadable ? text.noSignersRead : text.noSigners}</p>
      ) : (
        <table className="data-table signers">
          <thead>
            <tr>
              {text.signerColumns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.signers.map((signer) => (
              <tr key={signer.index}>
                <td>{signer.index}</td>
                <td>{signer.roleLabel ?? '—'}</td>
                <td>{signer.name ?? '—'}</td>
                <td>{signer.issuer ?? '—'}</td>
                <td>
                  {signer.signingTime ? text.time(signer.signingTime) : '—'}
                  <br />
                  <small className="hint">{signer.timeProven ? text.timeProven : text.timeClaimed}</small>
                </td>
                <td className={signer.valid ? 'ok' : 'bad'}>
                  {signer.valid ? text.signerValid : text.signerInvalid}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {problems.length > 0 && (
        <>
          <h3>{text.problemsHeading}</h3>
          <ul className="problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
