import './signing.css';
import { useCallback, useMemo, useState } from 'react';
import type { SignerRole } from '../../../shared/domain/signerRole';
import type { TokenCertificateView } from '../../../shared/ipc/tokenChannels';
import { type RefusalReason, selectForSigning } from '../../../shared/record/signingOrder';
import { studyRecordIdOf } from '../../../shared/record/studyRecord';
import { ClassSelector, useSelectedClass } from '../../app/ClassSelector';
import { useSchool } from '../../app/SchoolContext';
import { useStudentsOfClasses } from '../../data/queries/classQueries';
import { useRecordStates } from '../records/useRecordStates';
import { PinDialog } from './PinDialog';
import { RecordHashReporter } from './RecordHashReporter';
import { candidateOf, isOwnCertificate, selfAsSigners } from './signerCandidate';
import { SigningProgress } from './SigningProgress';
import { signingStrings as text } from './strings';
import { TokenPicker, type TokenChoice } from './TokenPicker';
import { useRecordHashes } from './useRecordHashes';
import { useSigningJob } from './useSigningJob';

/**
 * Ký số: the homeroom teacher signs the class's học bạ, the principal signs them after the
 * teacher (one class or the whole school) and puts the school's seal last, each with one PIN
 * for the batch, a progress bar and a cancel that leaves every file whole.
 */
export function SigningScreen() {
  const { actor } = useSchool();
  // Another person signed in (the trial's user switch): their own choices, not the last one's.
  return <SigningDesk key={actor.userId} />;
}

function SigningDesk() {
  const { school, schoolYear, classes, actor, permissions } = useSchool();
  const { selected } = useSelectedClass();
  // Which signatures this person may put on a học bạ (shared/domain/permissions.ts).
  const roles = permissions.signerRoles;
  const [role, setRole] = useState<SignerRole | undefined>(roles[0]);
  const [wholeSchool, setWholeSchool] = useState(false);
  const [choice, setChoice] = useState<TokenChoice | undefined>(undefined);
  const [pinOpen, setPinOpen] = useState(false);
  const [starting, setStarting] = useState(false);
  const [pinError, setPinError] = useState<string | undefined>(undefined);
  const [tokenRound, setTokenRound] = useState(0);

  const schoolWide = role !== undefined && role !== 'homeroomTeacher' && wholeSchool;
  const classIds = useMemo(
    () => (schoolWide ? classes.map((schoolClass) => schoolClass.id) : selected ? [selected.id] : []),
    [schoolWide, classes, selected],
  );
  const students = useStudentsOfClasses(classIds);
  const recordIds = useMemo(
    () => students?.map((student) => studyRecordIdOf(student.studentCode, schoolYear)) ?? [],
    [students, schoolYear],
  );
  const names = useMemo(
    () =>
      new Map(
        students?.map((student) => [studyRecordIdOf(student.studentCode, schoolYear), student.fullName]) ??
          [],
      ),
    [students, schoolYear],
  );
  const { states, refresh } = useRecordStates(recordIds);
  const hashes = useRecordHashes();
  const shownClasses = useMemo(
    () => classes.filter((schoolClass) => classIds.includes(schoolClass.id)),
    [classes, classIds],
  );
  const onEnded = useCallback(() => refresh(), [refresh]);
  const { job, cancelling, start, cancel, clear } = useSigningJob(onEnded);

  const self = useMemo(
    () =>
      selfAsSigners(
        school,
        school.staff.find((member) => member.userId === actor.userId),
      ),
    [school, actor.userId],
  );
  const isOwn = useCallback(
    (certificate: TokenCertificateView) => role !== undefined && isOwnCertificate(certificate, role, self),
    [role, self],
  );

  if (role === undefined)
    return (
      <div className="screen">
        <div className="screen-header">
          <h1>{text.title}</h1>
        </div>
        <p className="status">{text.noRole}</p>
      </div>
    );

  // The same rules main applies: the chosen certificate against each record's signer for this
  // box; before one is chosen, the signed-in person's name.
  const selection = selectForSigning(
    recordIds.map(
      (recordId) => states?.get(recordId) ?? { recordId, state: 'missing' as const, signedRoles: [] },
    ),
    role,
    candidateOf(choice?.certificate, role, self),
  );
  const alreadySigned = new Set(selection.alreadySigned);
  // A file made before its data last changed would be signed with what the data no longer says:
  // it waits until "Lập học bạ cả lớp" makes it again. Until the data's hashes are known, nothing
  // is offered. (A correction, version 2 and later, is checked by "Lập học bạ cả lớp".)
  const dataHashes = new Map([...hashes.byClass.values()].flatMap((perClass) => [...perClass]));
  const hashesKnown = shownClasses.every((schoolClass) => hashes.byClass.has(schoolClass.id));
  const changed = selection.toSign.filter((recordId) => {
    const state = states?.get(recordId);
    const now = dataHashes.get(recordId);
    return (
      !alreadySigned.has(recordId) &&
      state?.version === 1 &&
      state.contentHash !== undefined &&
      now !== undefined &&
      now !== state.contentHash
    );
  });
  const changedSet = new Set(changed);
  const ready = hashesKnown
    ? selection.toSign.filter((recordId) => !alreadySigned.has(recordId) && !changedSet.has(recordId))
    : [];
  const refusedBy = (reasons: readonly RefusalReason[]) =>
    selection.refused.filter((entry) => reasons.includes(entry.reason)).length;
  const counts = {
    ready: ready.length,
    signed: alreadySigned.size,
    waiting: refusedBy(['waiting']),
    notFinal: refusedBy(['missing', 'draft', 'unreadable', 'notNamed']),
    someoneElse: refusedBy(['someoneElse']),
  };
  const someoneElseMessage = selection.refused.find((entry) => entry.reason === 'someoneElse')?.message;
  const mayTeacherSign = role !== 'homeroomTeacher' || (selected && permissions.canSignAs(role, selected.id));
  const running = job?.state === 'running';

  const confirm = async (pin: string, acknowledgeFinalTry: boolean) => {
    if (!choice) return;
    setStarting(true);
    setPinError(undefined);
    const error = await start({
      recordIds: ready,
      role,
      token: {
        libraryId: choice.token.libraryId,
        slotId: choice.token.slotId,
        serialNumber: choice.token.serialNumber,
      },
      keyIdHex: choice.certificate.keyIdHex,
      pin,
      acknowledgeFinalTry,
    });
    setStarting(false);
    if (error === undefined) setPinOpen(false);
    else {
      setPinError(error);
      // A wrong PIN changes the token's counters: read them again for the next try's warning.
      setTokenRound((round) => round + 1);
    }
  };

  return (
    <div className="screen signing-screen">
      <div className="screen-header">
        <h1>{text.title}</h1>
        <div className="toolbar">
          {!schoolWide && <ClassSelector />}
          <label className="toolbar-field">
            <span>{text.roleLabel}</span>
            <select
              value={role}
              disabled={running}
              onChange={(event) => {
                const picked = roles.find((candidate) => candidate === event.target.value);
                if (picked) setRole(picked);
                clear();
              }}
            >
              {roles.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {text.roles[candidate]}
                </option>
              ))}
            </select>
          </label>
          {role !== 'homeroomTeacher' && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={wholeSchool}
                disabled={running}
                onChange={(event) => setWholeSchool(event.target.checked)}
              />
              {text.wholeSchool}
            </label>
          )}
        </div>
      </div>
      <p className="intro">{text.intro}</p>
      {!mayTeacherSign ? (
        <p className="error">{text.notHomeroom}</p>
      ) : (
        <>
          <p role="status" className="signing-counts">
            {states === undefined
              ? text.loadingRecords
              : text.counts(counts.ready, counts.signed, counts.waiting, counts.notFinal)}
          </p>
          {counts.someoneElse > 0 && someoneElseMessage && (
            <p className="error" role="alert">
              {choice
                ? text.certificateRefused(counts.someoneElse, someoneElseMessage)
                : text.someoneElse(counts.someoneElse, someoneElseMessage)}
            </p>
          )}
          {changed.length > 0 && (
            <p className="notice warning" role="alert">
              {text.changedSinceProduced(changed.map((recordId) => names.get(recordId) ?? recordId))}
            </p>
          )}
          {counts.notFinal > 0 && <p className="hint">{text.notFinalHint}</p>}
          <TokenPicker isOwn={isOwn} refreshRound={tokenRound} onChoice={setChoice} />
          <div className="toolbar">
            <button
              type="button"
              className="button button-primary"
              disabled={running || !choice || counts.ready === 0}
              onClick={() => {
                setPinError(undefined);
                setPinOpen(true);
              }}
            >
              {counts.ready === 0 ? text.nothingToSign : text.sign(counts.ready)}
            </button>
          </div>
          {job && (
            <SigningProgress
              job={job}
              cancelling={cancelling}
              nameOf={(recordId) => names.get(recordId) ?? recordId}
              onCancel={() => void cancel()}
            />
          )}
        </>
      )}
      {shownClasses.map((schoolClass) => (
        <RecordHashReporter
          key={schoolClass.id}
          schoolClass={schoolClass}
          schoolYear={schoolYear}
          onHashes={hashes.report}
        />
      ))}
      {pinOpen && choice && (
        <PinDialog
          count={counts.ready}
          signerName={
            choice.certificate.subjectCommonName ??
            (role === 'schoolSeal' ? self.schoolSeal.name : self[role].name)
          }
          warning={choice.token.pinWarning}
          finalTry={choice.token.pinStatus === 'final-try'}
          busy={starting}
          error={pinError}
          onConfirm={(pin, acknowledged) => void confirm(pin, acknowledged)}
          onCancel={() => setPinOpen(false)}
        />
      )}
    </div>
  );
}
