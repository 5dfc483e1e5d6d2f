import fc from 'fast-check';

/** The JSON Schema subset the gateway's OpenAPI document uses (no $ref). */
export interface Schema {
  type?: string; enum?: unknown[]; pattern?: string; format?: string; minLength?: number; maxLength?: number;
  minimum?: number; maximum?: number; properties?: Record<string, Schema>; required?: string[]; additionalProperties?: boolean | Schema;
  items?: Schema; maxItems?: number; minItems?: number; anyOf?: Schema[]; oneOf?: Schema[]; nullable?: boolean; default?: unknown;
}

/** Real values by field or parameter name (rooms, tickets, people...), mixed in so requests get past "not found". */
export type Hints = Record<string, readonly unknown[]>;

function stringOf(schema: Schema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 300, 5_000);
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= min && s.length <= max);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ minLength: min, maxLength: Math.min(max, 40), unit: 'grapheme' }),
  );
}

/** Values the schema accepts; `hints` by property name take a third of the draws. */
export function valid(schema: Schema, hints: Hints = {}, name?: string): fc.Arbitrary<unknown> {
  const hinted = name !== undefined ? hints[name] : undefined;
  const own = validOwn(schema, hints);
  const base = hinted && hinted.length > 0 ? fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...hinted) }, { weight: 1, arbitrary: own }) : own;
  return schema.nullable ? fc.oneof(fc.constant(null), base) : base;
}

function validOwn(schema: Schema, hints: Hints): fc.Arbitrary<unknown> {
  const members = schema.anyOf ?? schema.oneOf;
  if (members) return fc.oneof(...members.map((m) => valid(m, hints)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string': return stringOf(schema);
    case 'integer': return fc.integer({ min: Math.max(schema.minimum ?? -1e9, Number.MIN_SAFE_INTEGER), max: Math.min(schema.maximum ?? 1e9, Number.MAX_SAFE_INTEGER) });
    case 'number': return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true, noDefaultInfinity: true });
    case 'boolean': return fc.boolean();
    case 'array': return fc.array(valid(schema.items ?? {}, hints), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 10) });
    case 'object': {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valid(s, hints, k)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant(''), fc.string({ maxLength: 30 }),
  fc.constant([]), fc.constant({}), fc.jsonValue({ maxDepth: 3 }), fc.constant('x'.repeat(10_000)),
  fc.constantFrom('\u200b\u200b', '\u0000', '../../etc/passwd', "' OR 1=1 --", '<script>alert(1)</script>', '%00', 'T-999999999', '__proto__', '1e309', '-0', 'NaN'),
);

/** Values near or past the schema's edges: wrong types, missing required fields, unknown fields, out of range, too long. */
export function invalid(schema: Schema, hints: Hints = {}): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongType];
  if (schema.type === 'object' && schema.properties) {
    const props = schema.properties;
    const keys = Object.keys(props);
    const base = valid(schema, hints) as fc.Arbitrary<Record<string, unknown>>;
    if (keys.length > 0) {
      options.push(fc.tuple(base, fc.constantFrom(...keys), fc.oneof(wrongType, ...keys.map((k) => invalid(props[k]!, hints))))
        .map(([o, k, v]) => ({ ...o, [k]: v })));
      options.push(fc.tuple(base, fc.constantFrom(...keys)).map(([o, k]) => { const c = { ...o }; delete c[k]; return c; }));
    }
    options.push(fc.tuple(base, fc.string({ minLength: 1, maxLength: 12 }), wrongType).map(([o, k, v]) => ({ ...o, [k]: v })));
  }
  if (schema.type === 'string') {
    options.push(fc.string({ maxLength: 80 }), fc.constant('x'.repeat((schema.maxLength ?? 1_000) + 1)));
    if (schema.minLength) options.push(fc.constant(''));
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    options.push(fc.constantFrom((schema.minimum ?? 0) - 1, (schema.maximum ?? 1e15) + 1, 1.5, -0, Number.MAX_SAFE_INTEGER + 2, 1e308));
  }
  if (schema.type === 'array') options.push(fc.array(wrongType, { maxLength: 60 }));
  if (schema.enum) options.push(fc.string({ maxLength: 20 }));
  return fc.oneof(...options);
}

/** Valid two times in three, else invalid. */
export function eitherWay(schema: Schema, hints: Hints = {}, name?: string): fc.Arbitrary<{ valid: boolean; value: unknown }> {
  return fc.oneof(
    { weight: 2, arbitrary: valid(schema, hints, name).map((value) => ({ valid: true, value })) },
    { weight: 1, arbitrary: invalid(schema, hints).map((value) => ({ valid: false, value })) },
  );
}
