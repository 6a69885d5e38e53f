import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderApiJsonSchema } from '../data/sync/json-schema';

/** npx tsx scripts/gen-api-schema.ts: regenerates docs/api.schema.json from the zod schemas. */
const out = resolve(import.meta.dirname, '../docs/api.schema.json');
writeFileSync(out, renderApiJsonSchema());
console.log(`Written ${out}`);
