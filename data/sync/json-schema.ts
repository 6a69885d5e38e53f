import { z } from 'zod';
import { IsoDateSchema } from '../model/common';
import {
  ContractSchema, CtaSchema, ExpectationNoteSchema, HandoverSchema, HealthSnapshotSchema, MilestoneSchema, PromiseSchema,
  MonthlyReportSchema, RenewalOutcomeSchema, ServicePlanSchema, ServiceVisitSchema,
} from '../model/records';
import {
  AccountBundleSchema, ApiAccountSchema, ChangeItemSchema, ChangesPageSchema, ChangesQuerySchema, ErrorBodySchema, LookupQuerySchema,
} from './schemas';

/**
 * docs/api.schema.json: every payload of the contract, generated from the zod
 * schemas the client validates with (scripts/gen-api-schema.ts writes it; a
 * unit test fails when the committed file differs from a fresh generation).
 */
const RECORDS = {
  Contract: ContractSchema,
  HealthSnapshot: HealthSnapshotSchema,
  Promise: PromiseSchema,
  ExpectationNote: ExpectationNoteSchema,
  ServiceVisit: ServiceVisitSchema,
  Handover: HandoverSchema,
  Milestone: MilestoneSchema,
  Cta: CtaSchema,
  RenewalOutcome: RenewalOutcomeSchema,
  ServicePlan: ServicePlanSchema,
  MonthlyReport: MonthlyReportSchema,
};

export function buildApiJsonSchema(): Record<string, unknown> {
  const reg = z.registry<{ id: string; description?: string }>();
  reg.add(ApiAccountSchema, { id: 'Account', description: 'Server-owned; the client never writes accounts.' });
  for (const [id, schema] of Object.entries(RECORDS)) reg.add(schema, { id, description: `Body of PUT /v1/records/{kind}/{id} for this kind, and the record in its answer.` });
  reg.add(z.object({ record: z.union(Object.values(RECORDS)) }), {
    id: 'PutRecordAnswer',
    description: '200 answer of PUT /v1/records/{kind}/{id}: the stored version, of the schema of that kind.',
  });
  reg.add(AccountBundleSchema, { id: 'AccountBundle', description: '200 answer of GET /v1/accounts/lookup.' });
  reg.add(ChangeItemSchema, { id: 'ChangeItem' });
  reg.add(ChangesPageSchema, { id: 'ChangesPage', description: '200 answer of GET /v1/changes.' });
  reg.add(ErrorBodySchema, { id: 'Error', description: 'Body of every 4xx/5xx answer.' });
  reg.add(LookupQuerySchema, { id: 'LookupQuery', description: 'Query parameters of GET /v1/accounts/lookup.' });
  reg.add(ChangesQuerySchema, { id: 'ChangesQuery', description: 'Query parameters of GET /v1/changes (limit as a decimal string).' });
  const { schemas } = z.toJSONSchema(reg, {
    // Wire payloads: what a server may send (unknown keys are ignored by the client, so not forbidden).
    io: 'input',
    uri: (id) => `#/$defs/${id}`,
    override: (ctx) => {
      if (ctx.zodSchema === IsoDateSchema) ctx.jsonSchema.format = 'date';
    },
  });
  const defs = Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
      return [id, rest];
    }),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Account Lens team API v1',
    description: 'Generated from data/sync/schemas.ts by scripts/gen-api-schema.ts; see docs/api.md. Do not edit by hand.',
    $defs: defs,
  };
}

export const renderApiJsonSchema = (): string => `${JSON.stringify(buildApiJsonSchema(), null, 2)}\n`;
