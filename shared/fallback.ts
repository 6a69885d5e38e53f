import { z } from 'zod';

/**
 * Reads stored settings field by field: a field that no longer fits its schema (written by hand, by an
 * older version, or damaged) falls back on its own default, and every other field keeps what the person
 * set. Nested objects are read the same way. A value that cannot be read at all gives `fallback`.
 */
export function parseFieldByField<S extends z.ZodObject>(schema: S, value: unknown, fallback: z.infer<S>): z.infer<S> {
  const whole = schema.safeParse(value ?? {});
  if (whole.success) return whole.data;
  const fields = readFields(schema, value);
  if (fields === undefined) return fallback;
  const again = schema.safeParse(fields);
  return again.success ? again.data : fallback;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object's fields, each kept if it parses, else its default; undefined when a failing field has no default. */
function readFields(schema: z.ZodObject, value: unknown): Record<string, unknown> | undefined {
  const raw = isRecord(value) ? value : {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const r = field.safeParse(raw[key]);
    if (r.success) {
      if (r.data !== undefined) out[key] = r.data;
      continue;
    }
    const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
    if (inner instanceof z.ZodObject && isRecord(raw[key])) {
      const nested = readFields(inner, raw[key]);
      const ok = nested === undefined ? undefined : inner.safeParse(nested);
      if (ok?.success) {
        out[key] = ok.data;
        continue;
      }
    }
    const byDefault = field.safeParse(undefined);
    if (!byDefault.success) return undefined;
    if (byDefault.data !== undefined) out[key] = byDefault.data;
  }
  return out;
}
