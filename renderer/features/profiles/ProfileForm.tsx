import { useId } from 'react';
import { ethnicityNames } from '../../../shared/domain/ethnicities';
import type { StudentIdentity } from '../../../shared/domain/student';
import { profileCompleteness, profileItemLabels as labels } from '../../../shared/domain/studentProfile';
import { notApplicable } from '../../../shared/domain/text';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import type { PersonDoc } from '../../data/collections/people/peopleCollection';
import { useDatabase } from '../../data/DatabaseContext';
import { updateProfile } from '../../data/writes/profileWrites';
import { EnrolmentFields } from './EnrolmentFields';
import { PhotoPicker } from './PhotoPicker';
import { ElectivesField, ProfileChecks } from './ProfileChecks';
import { ProfileDateField, ProfileSelectField, ProfileTextField } from './ProfileFields';
import { profilesStrings } from './strings';

const genderOptions = [
  { value: 'male', label: profilesStrings.genders.male },
  { value: 'female', label: profilesStrings.genders.female },
];

const ethnicityOptions = [
  { value: '', label: profilesStrings.notChosen },
  ...ethnicityNames.map((name) => ({ value: name, label: name })),
];

type TextField = Exclude<keyof StudentIdentity, 'gender' | 'birthDate' | 'ethnicity' | 'studentCode'>;

/** The plain text fields, in the order of the identity page; the three that may say "Không" last. */
const placeFields = [
  'nationality',
  'birthPlace',
  'hometown',
  'address',
] as const satisfies readonly TextField[];
const parentFields = ['fatherName', 'motherName', 'guardianName'] as const satisfies readonly TextField[];

type Props = { readonly student: PersonDoc; readonly schoolClass: ClassDoc; readonly readOnly: boolean };

/** The identity page of one student's học bạ, field by field, saved as each field is left. */
export function ProfileForm({ student, schoolClass, readOnly }: Props) {
  const database = useDatabase();
  const { writeContext } = useSchool();
  const headingId = useId();
  const codeId = useId();
  const completeness = profileCompleteness(student);
  const save = (changes: Partial<StudentIdentity>) =>
    updateProfile(database, writeContext, student.id, changes);
  const text = (
    field: TextField,
    extra: { notApplicableButton?: string; inputMode?: 'numeric'; maxLength?: number } = {},
  ) => (
    <ProfileTextField
      key={field}
      label={labels[field]}
      value={student[field]}
      readOnly={readOnly}
      onSave={(value) => save({ [field]: value })}
      {...extra}
    />
  );
  // A stored "Không" (from an import) stays selectable; it is not one of the 54.
  const ethnicities =
    student.ethnicity === notApplicable
      ? [...ethnicityOptions, { value: notApplicable, label: notApplicable }]
      : ethnicityOptions;

  return (
    <section className="panel profile-form" aria-labelledby={headingId}>
      <div className="profile-form-header">
        <h2 id={headingId}>{profilesStrings.formHeading(student.fullName)}</h2>
        <p className={completeness.missing.length === 0 ? 'profile-summary complete' : 'profile-summary'}>
          {completeness.missing.length === 0
            ? profilesStrings.profileComplete
            : profilesStrings.incomplete(
                completeness.filled,
                completeness.total,
                completeness.missing.map((item) => item.label).join(', '),
              )}
        </p>
      </div>
      {readOnly && <p className="notice warning">{profilesStrings.readOnly}</p>}
      <div className="profile-form-body">
        <div className="profile-main">
          <fieldset className="profile-group profile-identity">
            <legend>{profilesStrings.identitySection}</legend>
            <div className="profile-grid">
              {text('fullName', { maxLength: 120 })}
              <ProfileSelectField
                label={labels.gender}
                value={student.gender}
                options={genderOptions}
                readOnly={readOnly}
                onSave={(value) => save({ gender: value === 'female' ? 'female' : 'male' })}
              />
              <ProfileDateField
                label={labels.birthDate}
                value={student.birthDate}
                readOnly={readOnly}
                onSave={(value) => save({ birthDate: value })}
              />
              <ProfileSelectField
                label={labels.ethnicity}
                value={student.ethnicity}
                options={ethnicities}
                readOnly={readOnly}
                onSave={(value) => save({ ethnicity: value })}
              />
              {placeFields.map((field) => text(field, { maxLength: 300 }))}
              <div className="profile-field">
                <label htmlFor={codeId}>{labels.studentCode}</label>
                <input id={codeId} type="text" value={student.studentCode} readOnly />
              </div>
              {text('personalId', { inputMode: 'numeric', maxLength: 12 })}
              {parentFields.map((field) =>
                text(field, {
                  maxLength: 300,
                  notApplicableButton: profilesStrings.notApplicableButton[field],
                }),
              )}
            </div>
          </fieldset>
          <EnrolmentFields student={student} readOnly={readOnly} />
        </div>
        <div className="profile-side">
          <PhotoPicker student={student} readOnly={readOnly} />
          <ProfileChecks student={student} readOnly={readOnly} />
          <ElectivesField student={student} schoolClass={schoolClass} readOnly={readOnly} />
        </div>
      </div>
    </section>
  );
}
