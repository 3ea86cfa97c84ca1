import type { RxCollection, RxCollectionCreator } from 'rxdb';
import { classesJsonSchema, type ClassDoc } from '../../../shared/documents/classes/classes';
import { rxSchemaOf } from './rxSchemaOf';

export type { ClassDoc };

/** `classes`: one document per class in a school year, written by the principal. */
export const classSchema = rxSchemaOf<ClassDoc>(classesJsonSchema);

export type ClassesCollection = RxCollection<ClassDoc>;

export const classesCollection = { schema: classSchema } satisfies RxCollectionCreator<ClassDoc>;
