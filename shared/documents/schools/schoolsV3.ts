import { z } from 'zod';
import { documentMetaShape } from '../documentMeta';
import { text, type StoredDocument } from '../fields';
import { rxJsonSchemaOf } from '../rxJsonSchemaOf';
import { schoolsV2Shape } from './schoolsV2';

/**
 * `schools` version 3 (current): v2 plus `foreignLanguage1`, the language the school teaches as
 * Ngoại ngữ 1 ("Tiếng Anh"), which the học bạ names beside the subject.
 */
export const schoolsV3Shape = { ...schoolsV2Shape, foreignLanguage1: text(40) } as const;

export const schoolsV3 = z.strictObject({ ...schoolsV3Shape, ...documentMetaShape });
export type SchoolDocV3 = StoredDocument<typeof schoolsV3>;
export const schoolsV3Json = rxJsonSchemaOf(schoolsV3, { title: 'schools', version: 3, primaryKey: 'id' });
