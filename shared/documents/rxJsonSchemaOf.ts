import type { z } from 'zod';
import type { CollectionJsonSchema, CollectionOptions, JsonSchema, JsonType } from './jsonSchema';

type Def = {
  readonly type: string;
  readonly format?: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly innerType?: z.core.$ZodType;
  readonly element?: z.core.$ZodType;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly catchall?: z.core.$ZodType;
  readonly valueType?: z.core.$ZodType;
  readonly entries?: Readonly<Record<string, string | number>>;
};
type CheckDef = {
  readonly check: string;
  readonly maximum?: number;
  readonly minimum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: RegExp;
};

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def;

/**
 * The RxDB JSON schema of a collection, derived from its zod document schema: strings (max and
 * min length, regex, ISO date-time), numbers (int, bounds, multipleOf), booleans, enums, arrays,
 * records, strict objects, nullable and optional. Anything else throws, so a schema never
 * silently loses a rule; what JSON Schema says and zod cannot goes in `options.overrides`.
 */
export function rxJsonSchemaOf(document: z.core.$ZodType, options: CollectionOptions): CollectionJsonSchema {
  const root = nodeOf(document, '', options.overrides ?? {});
  const { properties, required } = root;
  if (root.type !== 'object' || !properties || !required) {
    throw new Error(`${options.title}: a document schema must be an object`);
  }
  checkEncrypted(options, properties);
  return {
    title: options.title,
    version: options.version,
    primaryKey: options.primaryKey,
    type: 'object',
    additionalProperties: false,
    properties,
    required: options.required ?? required,
    ...(options.indexes ? { indexes: options.indexes } : {}),
    ...(options.encrypted ? { encrypted: options.encrypted } : {}),
  };
}

/**
 * A sealed field must be a top-level field that nothing looks documents up by: not the primary
 * key, not in an index (the storage only sees its ciphertext).
 */
function checkEncrypted(options: CollectionOptions, properties: Readonly<Record<string, JsonSchema>>): void {
  const indexed = new Set(
    (options.indexes ?? []).flatMap((index) => (typeof index === 'string' ? [index] : index)),
  );
  for (const field of options.encrypted ?? []) {
    if (!(field in properties))
      throw new Error(`${options.title}: sealed field ${field} is not a top-level field`);
    if (field === options.primaryKey || indexed.has(field))
      throw new Error(`${options.title}: sealed field ${field} is a key or indexed`);
  }
}

type Overrides = Readonly<Record<string, JsonSchema>>;

function nodeOf(schema: z.core.$ZodType, path: string, overrides: Overrides): JsonSchema {
  const derived = derive(schema, path, overrides);
  const override = overrides[path];
  return override ? { ...derived, ...override } : derived;
}

function derive(schema: z.core.$ZodType, path: string, overrides: Overrides): JsonSchema {
  const def = defOf(schema);
  const checks = [...(def.checks ?? []).map((check) => check._zod.def), def as unknown as CheckDef];
  switch (def.type) {
    case 'string':
      return { type: 'string', ...stringRules(checks, path) };
    case 'number':
      return numberNode(checks);
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: Object.values(def.entries ?? {}).map(String) };
    case 'nullable':
      return nullableOf(nodeOf(inner(def, path), path, overrides), path);
    case 'array':
      return {
        type: 'array',
        ...lengthRules(checks, 'maxItems', 'minItems'),
        items: nodeOf(required(def.element, path), `${path}[]`, overrides),
      };
    case 'record':
      return {
        type: 'object',
        additionalProperties: nodeOf(required(def.valueType, path), `${path}{}`, overrides),
      };
    case 'object':
      return objectNode(def, path, overrides);
    default:
      throw new Error(`${path || 'document'}: zod type ${def.type} has no RxDB JSON schema form`);
  }
}

function objectNode(def: Def, path: string, overrides: Overrides): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const fieldDef = defOf(field);
    const at = path ? `${path}.${key}` : key;
    if (fieldDef.type === 'optional') {
      properties[key] = nodeOf(inner(fieldDef, at), at, overrides);
    } else {
      properties[key] = nodeOf(field, at, overrides);
      requiredKeys.push(key);
    }
  }
  const catchall = def.catchall ? defOf(def.catchall).type : undefined;
  if (catchall !== undefined && catchall !== 'never')
    throw new Error(`${path}: only strict objects are stored`);
  return {
    type: 'object',
    ...(catchall === 'never' ? { additionalProperties: false } : {}),
    properties,
    required: requiredKeys,
  };
}

function stringRules(checks: readonly CheckDef[], path: string): JsonSchema {
  let rules: JsonSchema = lengthRules(checks, 'maxLength', 'minLength');
  for (const check of checks) {
    if (check.check !== 'string_format') continue;
    if (check.format === 'regex' && check.pattern) rules = { ...rules, pattern: check.pattern.source };
    else if (check.format === 'datetime') rules = { ...rules, format: 'date-time' };
    else throw new Error(`${path}: string format ${check.format ?? '?'} has no RxDB JSON schema form`);
  }
  return rules;
}

function lengthRules(
  checks: readonly CheckDef[],
  max: 'maxLength' | 'maxItems',
  min: 'minLength' | 'minItems',
) {
  const rules: Record<string, number> = {};
  for (const check of checks) {
    if (check.check === 'max_length' && check.maximum !== undefined) rules[max] = check.maximum;
    if (check.check === 'min_length' && check.minimum !== undefined) rules[min] = check.minimum;
  }
  return rules as JsonSchema;
}

function numberNode(checks: readonly CheckDef[]): JsonSchema {
  const integer = checks.some(
    (check) => check.check === 'number_format' && (check.format ?? '').includes('int'),
  );
  const rules: Record<string, number> = {};
  for (const check of checks) {
    if (check.value === undefined) continue;
    if (check.check === 'greater_than') rules[check.inclusive ? 'minimum' : 'exclusiveMinimum'] = check.value;
    if (check.check === 'less_than') rules[check.inclusive ? 'maximum' : 'exclusiveMaximum'] = check.value;
    if (check.check === 'multiple_of') rules.multipleOf = check.value;
  }
  return { type: integer ? 'integer' : 'number', ...rules };
}

function nullableOf(node: JsonSchema, path: string): JsonSchema {
  if (typeof node.type !== 'string') throw new Error(`${path}: nullable needs one inner type`);
  const type: readonly JsonType[] = [node.type, 'null'];
  return node.enum ? { ...node, type, enum: [...node.enum, null] } : { ...node, type };
}

function inner(def: Def, path: string): z.core.$ZodType {
  return required(def.innerType, path);
}

function required(schema: z.core.$ZodType | undefined, path: string): z.core.$ZodType {
  if (!schema) throw new Error(`${path}: incomplete zod schema`);
  return schema;
}
