import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rxJsonSchemaOf } from './rxJsonSchemaOf';

const options = { title: 'things', version: 2, primaryKey: 'id' } as const;

describe('rxJsonSchemaOf', () => {
  it('derives strings, numbers, booleans, enums, arrays, records, nested and nullable objects', () => {
    const document = z.strictObject({
      id: z.string().max(40),
      year: z
        .string()
        .max(9)
        .regex(/^\d{4}-\d{4}$/),
      at: z.iso.datetime().max(30),
      count: z.int().min(0).max(10).multipleOf(1),
      ratio: z.number().gt(0).lt(1),
      done: z.boolean(),
      level: z.enum(['T', 'H']).nullable(),
      tags: z.array(z.string().min(1).max(5)).max(3),
      note: z.string().max(9).nullable().optional(),
      byCode: z.record(z.string(), z.strictObject({ value: z.int().nullable() })),
      photo: z.strictObject({ width: z.int().min(1) }).nullable(),
    });
    expect(rxJsonSchemaOf(document, { ...options, indexes: [['year', 'count'], 'done'] })).toStrictEqual({
      ...options,
      type: 'object',
      additionalProperties: false,
      properties: {
        id: { type: 'string', maxLength: 40 },
        year: { type: 'string', maxLength: 9, pattern: '^\\d{4}-\\d{4}$' },
        at: { type: 'string', maxLength: 30, format: 'date-time' },
        count: { type: 'integer', minimum: 0, maximum: 10, multipleOf: 1 },
        ratio: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
        done: { type: 'boolean' },
        level: { type: ['string', 'null'], enum: ['T', 'H', null] },
        tags: { type: 'array', maxItems: 3, items: { type: 'string', maxLength: 5, minLength: 1 } },
        note: { type: ['string', 'null'], maxLength: 9 },
        byCode: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            properties: { value: { type: ['integer', 'null'] } },
            required: ['value'],
          },
        },
        photo: {
          type: ['object', 'null'],
          additionalProperties: false,
          properties: { width: { type: 'integer', minimum: 1 } },
          required: ['width'],
        },
      },
      required: ['id', 'year', 'at', 'count', 'ratio', 'done', 'level', 'tags', 'byCode', 'photo'],
      indexes: [['year', 'count'], 'done'],
    });
  });

  it('merges an override at a path, and takes the required list when given', () => {
    const document = z.strictObject({
      id: z.string().max(4),
      items: z.array(z.strictObject({ kind: z.enum(['a', 'b']) })),
    });
    const derived = rxJsonSchemaOf(document, {
      ...options,
      required: ['id'],
      overrides: { 'items[].kind': { maxLength: 1 } },
    });
    expect(derived.properties.items?.items?.properties?.kind).toStrictEqual({
      type: 'string',
      enum: ['a', 'b'],
      maxLength: 1,
    });
    expect(derived.required).toStrictEqual(['id']);
    expect(derived).not.toHaveProperty('indexes');
  });

  it('refuses what it cannot express instead of dropping a rule', () => {
    const cases = [
      z.strictObject({ id: z.string().transform((value) => value.trim()) }),
      z.strictObject({ id: z.email() }),
      z.strictObject({ id: z.string(), nested: z.object({ a: z.string() }).catchall(z.string()) }),
      z.strictObject({ id: z.union([z.string(), z.number()]) }),
      z.string(),
    ];
    for (const document of cases) expect(() => rxJsonSchemaOf(document, options)).toThrow();
  });
});
