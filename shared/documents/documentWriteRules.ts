import { checkAssignmentWrite } from './assignments/assignmentsWriteRule';
import type { AssignmentDoc } from './assignments/assignments';
import { checkAuditEventWrite } from './auditEvents/auditEventsWriteRule';
import type { AuditEventDoc } from './auditEvents/auditEvents';
import { checkCharacterResultWrite } from './characterResults/characterResultsWriteRule';
import type { CharacterResultDoc } from './characterResults/characterResults';
import { checkClassWrite } from './classes/classesWriteRule';
import type { ClassDoc } from './classes/classes';
import { checkPersonWrite } from './people/peopleWriteRule';
import type { PersonDoc } from './people/people';
import { checkSchoolWrite } from './schools/schoolsWriteRule';
import type { SchoolDoc } from './schools/schools';
import { checkSubjectResultWrite } from './subjectResults/subjectResultsWriteRule';
import type { SubjectResultDoc } from './subjectResults/subjectResults';
import type { WriteCheck } from './writeRule';
import { checkYearResultWrite } from './yearResults/yearResultsWriteRule';
import type { YearResultDoc } from './yearResults/yearResults';

/** Each synced collection's current document type. */
export type DocumentsByCollection = {
  readonly schools: SchoolDoc;
  readonly classes: ClassDoc;
  readonly people: PersonDoc;
  readonly assignments: AssignmentDoc;
  readonly subjectResults: SubjectResultDoc;
  readonly characterResults: CharacterResultDoc;
  readonly yearResults: YearResultDoc;
  readonly auditEvents: AuditEventDoc;
};

/** Each collection's write rule, for code that writes any collection by name (the desktop's audited write, the server's push). */
export const documentWriteChecks: {
  readonly [K in keyof DocumentsByCollection]: WriteCheck<DocumentsByCollection[K]>;
} = {
  schools: checkSchoolWrite,
  classes: checkClassWrite,
  people: checkPersonWrite,
  assignments: checkAssignmentWrite,
  subjectResults: checkSubjectResultWrite,
  characterResults: checkCharacterResultWrite,
  yearResults: checkYearResultWrite,
  auditEvents: checkAuditEventWrite,
};
