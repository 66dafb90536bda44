import fc from 'fast-check';
import { z } from 'zod';

// fast-check arbitraries derived from the API contract's zod schemas, through zod's own JSON Schema output
// (zod-fast-check exists only for zod 3 and fast-check 3). Values are mostly valid, biased towards what
// reaches deep into the handlers (small ids that exist, boundary lengths, strings that have bitten parsers
// before); the fuzz adds the invalid ones. A keyword this file does not know fails loudly, so that a new
// construct in the contract is noticed rather than fuzzed badly.

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $schema?: string;
}

const KNOWN = new Set<string>([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'prefixItems',
  'anyOf',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'default',
  '$schema',
]);

/** Strings that have broken parsers, query builders and lookups elsewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  '../../../etc/passwd',
  '%E0%A4%A',
  '"',
  "'; DROP TABLE claims; --",
  'NEAR(',
  '*',
  'AND OR NOT',
  '\u0000',
  '\uD800',
  'e\u0301',
  '🏳️‍🌈',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
  'attr:__proto__',
  'attr:x:year',
  'published:month',
  'a'.repeat(1_000),
];

const SMALL_SPAN = 25;

function integer(lo: number, hi: number): fc.Arbitrary<number> {
  const near = fc.integer({ min: lo, max: Math.min(hi, lo + SMALL_SPAN) });
  const within32 = lo >= -(2 ** 31) && hi <= 2 ** 31 - 1;
  const wide = within32
    ? fc.integer({ min: lo, max: hi })
    : fc.maxSafeInteger().map((n) => Math.min(hi, Math.max(lo, n)));
  return fc.oneof(
    { weight: 6, arbitrary: near },
    { weight: 2, arbitrary: wide },
    { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
  );
}

function bounds(s: JsonSchema, isInt: boolean): [number, number] {
  const step = isInt ? 1 : Number.EPSILON;
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : undefined);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : undefined);
  return [lo ?? -(2 ** 31), hi ?? 2 ** 31 - 1];
}

function stringOf(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 100_000;
  const fits = (x: string): boolean => x.length >= min && x.length <= max;
  if (s.pattern !== undefined) return fc.stringMatching(new RegExp(s.pattern)).filter(fits);
  const options: fc.WeightedArbitrary<string>[] = [
    {
      weight: 6,
      arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, min + 30), unit: 'grapheme' }),
    },
    { weight: 1, arbitrary: fc.constant('x'.repeat(Math.max(min, Math.min(max, 100_000)))) },
  ];
  const nasty = NASTY_STRINGS.filter(fits);
  if (nasty.length) options.push({ weight: 3, arbitrary: fc.constantFrom(...nasty) });
  return fc.oneof(...options);
}

function ofType(type: string, s: JsonSchema): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringOf(s);
    case 'integer':
      return integer(...bounds(s, true));
    case 'number': {
      const [lo, hi] = bounds(s, false);
      return fc.oneof(
        integer(Math.ceil(lo), Math.floor(hi)),
        fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      const maxLength = Math.min(s.maxItems ?? Infinity, minLength + 5);
      if (s.prefixItems) return fc.tuple(...s.prefixItems.map((p) => arbitraryOf(p)));
      return fc.array(s.items ? arbitraryOf(s.items) : fc.jsonValue({ maxDepth: 2 }), {
        minLength,
        maxLength,
      });
    }
    case 'object':
      return objectOf(s);
    default:
      throw new Error(`schemaArbitrary: unknown JSON Schema type "${type}"`);
  }
}

function objectOf(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.properties) {
    const props = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, arbitraryOf(v)]));
    return fc.record(props, { requiredKeys: s.required ?? [] });
  }
  const value =
    typeof s.additionalProperties === 'object' ? arbitraryOf(s.additionalProperties) : fc.jsonValue();
  const key = s.propertyNames ? (arbitraryOf(s.propertyNames) as fc.Arbitrary<string>) : fc.string();
  // fromEntries makes "__proto__" an own key, as JSON.parse on the server does.
  return fc.array(fc.tuple(key, value), { maxLength: 5 }).map((pairs) => Object.fromEntries(pairs));
}

/** An arbitrary for values of a JSON Schema (the subset zod writes for this contract). */
export function arbitraryOf(s: JsonSchema): fc.Arbitrary<unknown> {
  for (const k of Object.keys(s))
    if (!KNOWN.has(k)) throw new Error(`schemaArbitrary: unknown keyword "${k}"`);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf) return fc.oneof(...s.anyOf.map((x) => arbitraryOf(x)));
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((t) => ofType(t, s)));
  if (s.type) return ofType(s.type, s);
  return fc.jsonValue({ maxDepth: 3 }); // z.unknown()
}

/** Mostly valid inputs for a zod schema of the contract. */
export function arbitraryFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  return arbitraryOf(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
}
