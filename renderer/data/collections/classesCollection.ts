import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { ClassId } from '../../../shared/domain/ids';
import type { SchoolClassProfile } from '../../../shared/domain/school';
import { documentMetaProperties, documentMetaRequired, type DocumentMeta } from '../documentMeta';

/** `classes`: one document per class in a school year, written by the principal. */
export type ClassDoc = Omit<SchoolClassProfile, 'schoolYear'> & DocumentMeta & { readonly id: ClassId };

export const classSchema: RxJsonSchema<ClassDoc> = {
  title: 'classes',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 80 },
    grade: { type: 'integer', minimum: 1, maximum: 5, multipleOf: 1 },
    name: { type: 'string', maxLength: 20 },
    homeroomTeacherName: { type: 'string', maxLength: 120 },
    ...documentMetaProperties,
  },
  required: ['id', 'grade', 'name', 'homeroomTeacherName', ...documentMetaRequired],
  indexes: [['schoolId', 'schoolYear', 'grade']],
};

export type ClassesCollection = RxCollection<ClassDoc>;

export const classesCollection = { schema: classSchema } satisfies RxCollectionCreator<ClassDoc>;
