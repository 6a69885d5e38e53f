import { z } from 'zod';
import { parseFieldByField } from './fallback';

const Schema = z.object({
  days: z.number().int().min(1).default(7),
  name: z.string().default('team'),
  nested: z.object({ a: z.number().default(1), b: z.number().default(2) }).default(() => ({ a: 1, b: 2 })),
});
const DEFAULTS = Schema.parse({});

describe('settings read field by field', () => {
  it('keeps a valid value as it is', () => {
    expect(parseFieldByField(Schema, { days: 3, name: 'x', nested: { a: 5, b: 6 } }, DEFAULTS)).toEqual({ days: 3, name: 'x', nested: { a: 5, b: 6 } });
  });

  it('lets one damaged field fall back alone, also inside a nested object', () => {
    expect(parseFieldByField(Schema, { days: -4, name: 'east', nested: { a: 'x', b: 9 } }, DEFAULTS)).toEqual({ days: 7, name: 'east', nested: { a: 1, b: 9 } });
  });

  it('gives the fallback for what is not an object, or a field that has no default', () => {
    expect(parseFieldByField(Schema, 'garbage', DEFAULTS)).toEqual(DEFAULTS);
    const Strict = z.object({ must: z.number(), other: z.number().default(1) });
    expect(parseFieldByField(Strict, { must: 'no', other: 5 }, { must: 0, other: 1 })).toEqual({ must: 0, other: 1 });
  });
});
