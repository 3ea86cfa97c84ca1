import type { RecordVerification } from '../../../shared/ipc/recordChannels';
import { recordStrings } from './strings';

const text = recordStrings.verify;

/** A verification report as a person reads it: the verdict, the record, each signer, what failed. */
export function VerificationReport({ report, onClose }: { report: RecordVerification; onClose: () => void }) {
  const problems = [
    ...report.checks.filter((check) => !check.ok),
    ...report.signers.flatMap((signer) => signer.checks.filter((check) => !check.ok)),
  ];
  return (
    <section className="verification" aria-label={text.heading}>
      <header className={report.valid ? 'verdict valid' : 'verdict invalid'} role="status">
        <span className="verdict-mark" aria-hidden="true">
          {report.valid ? '✓' : '✗'}
        </span>
        <div>
          <strong>{report.valid ? text.valid : text.invalid}</strong>
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
        <p className="status">{text.noSigners}</p>
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
                <td>{signer.signingTime ? text.time(signer.signingTime) : '—'}</td>
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
            {problems.map((problem, index) => (
              <li key={`${problem.check}-${String(index)}`}>{problem.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
