// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_ERROR_KINDS } from './errors';
import { renderApiJsonSchema } from './json-schema';
import { errorMessageKey } from './status';
import { pagesEn } from '../../platform/pages/strings.en';
import { pagesZhCN } from '../../platform/pages/strings.zh-CN';

describe('the contract documents', () => {
  it('docs/api.schema.json is exactly what the zod schemas generate (run: npx tsx scripts/gen-api-schema.ts)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../docs/api.schema.json'), 'utf8');
    expect(committed).toBe(renderApiJsonSchema());
  });

  it('docs/api.md names every endpoint, error code and schema', () => {
    const md = readFileSync(resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
    for (const s of ['GET /v1/accounts/lookup', 'GET /v1/changes', 'PUT /v1/records/{kind}/{id}', 'Idempotency-Key', 'idempotency_conflict', 'payload_too_large', 'rate_limited', 'validation_failed']) {
      expect(md).toContain(s);
    }
    const defs = Object.keys((JSON.parse(renderApiJsonSchema()) as { $defs: object }).$defs);
    for (const d of defs) expect(md, d).toContain(`\`${d}\``);
  });
});

describe('sync strings', () => {
  it('have the same keys and placeholders in both languages, plural pairs, and a message per error kind', () => {
    expect(Object.keys(pagesZhCN).sort()).toEqual(Object.keys(pagesEn).sort());
    const holes = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort();
    for (const [k, v] of Object.entries(pagesEn)) expect(holes(pagesZhCN[k as keyof typeof pagesEn]), k).toEqual(holes(v));
    for (const k of Object.keys(pagesEn)) {
      if (k.endsWith('_one')) expect(pagesEn).toHaveProperty([k.replace(/_one$/, '_other')]);
      if (k.endsWith('_other')) expect(pagesEn).toHaveProperty([k.replace(/_other$/, '_one')]);
    }
    for (const kind of API_ERROR_KINDS) expect(pagesEn).toHaveProperty([errorMessageKey(kind)]);
  });
});
