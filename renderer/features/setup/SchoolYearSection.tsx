import { useId, useState } from 'react';
import { foreignLanguage1Names } from '../../../shared/domain/foreignLanguages';
import { useSchool } from '../../app/SchoolContext';
import { useDatabase } from '../../data/DatabaseContext';
import { nextSchoolYearOf, setForeignLanguage1, startSchoolYear } from '../../data/writes/setupWrites';
import { SetupFeedback } from './SetupFeedback';
import { setupStrings } from './strings';
import { useSetupAction } from './useSetupAction';

const strings = setupStrings.year;

/** Năm học: the current year, the years set up, and starting the next one (asked twice). */
export function SchoolYearSection({ readOnly }: { readonly readOnly: boolean }) {
  const database = useDatabase();
  const { school, schoolYear, writeContext } = useSchool();
  const { feedback, busy, run } = useSetupAction();
  const [confirming, setConfirming] = useState(false);
  const next = nextSchoolYearOf(school);
  const languageId = useId();
  const languageHintId = useId();

  const start = async () => {
    const done = await run(() => startSchoolYear(database, writeContext, next), strings.started(next));
    if (done) setConfirming(false);
  };

  return (
    <section className="panel setup-section" aria-labelledby="setup-year-heading">
      <h2 id="setup-year-heading">{strings.heading}</h2>
      <dl className="setup-facts">
        <div>
          <dt>{strings.current}</dt>
          <dd>
            <span className="pill">{schoolYear}</span>
          </dd>
        </div>
        <div>
          <dt>{strings.history}</dt>
          <dd>{school.schoolYears.join(', ')}</dd>
        </div>
      </dl>
      <div className="setup-field">
        <label htmlFor={languageId}>{strings.foreignLanguage}</label>
        <select
          id={languageId}
          value={school.foreignLanguage1}
          disabled={readOnly || busy}
          aria-describedby={languageHintId}
          onChange={(event) => {
            const language = event.target.value;
            void run(
              () => setForeignLanguage1(database, writeContext, language),
              strings.foreignLanguageSaved(language),
            );
          }}
        >
          {foreignLanguage1Names.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <span id={languageHintId} className="hint">
          {strings.foreignLanguageHint}
        </span>
      </div>
      {!readOnly && !confirming && (
        <button type="button" className="button" disabled={busy} onClick={() => setConfirming(true)}>
          {strings.start(next)}
        </button>
      )}
      {!readOnly && confirming && (
        <div className="notice warning setup-confirm">
          <p>{strings.confirmHint(next)}</p>
          <div className="toolbar">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void start()}
            >
              {strings.confirm(next)}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
              {setupStrings.cancel}
            </button>
          </div>
        </div>
      )}
      <SetupFeedback feedback={feedback} />
    </section>
  );
}
