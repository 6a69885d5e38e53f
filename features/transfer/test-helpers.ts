import { LensDB } from '../../data/db/db';
import type { ImportPlan } from './import';
import { applyPlan, previewImport } from '../../platform/background/transfer/accounts';

let n = 0;
/** A fresh database per test (fake-indexeddb keeps them apart by name). */
export const freshDb = () => new LensDB(`import-test-${++n}-${Math.random().toString(36).slice(2)}`);
export const NOW = new Date('2026-11-23T10:00:00Z');
export const LATER = new Date('2026-12-01T08:00:00Z');

export const HEADER = 'crm,crm_record_id,org_key,name,owner,csm,segment,arr,currency,contract_start,contract_end,signed_at,health_as_of,active_user_rate,core_feature_adoption,module_breadth,tickets_90d,training_rate,nps,outcome_attainment';

/** A CSV from lines, joined with `eol`. */
export const csv = (lines: string[], eol = '\n') => lines.join(eol) + eol;

export async function importFile(db: LensDB, name: string, text: string, now = NOW): Promise<{ plan: ImportPlan; result?: { created: number; updated: number } }> {
  const plan = await previewImport(db, name, text, now);
  if (!plan.canApply) return { plan };
  return { plan, result: await applyPlan(db, plan) };
}

/** Problems of a plan as "line: key" strings, easy to assert on. */
export const badKeys = (plan: ImportPlan) => plan.bad.flatMap((b) => b.problems.map((p) => `${b.line}: ${p.key}`));
