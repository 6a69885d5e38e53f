import { snapshotId } from '../../../features/transfer/import';
import { HealthSnapshotSchema, type HealthInputs } from '../../../data/model/records';
import type { Sql } from '../db';
import { canonical, lockFeed } from '../store';
import { loadConfig } from './config';
import { computeRollup } from './rollup-inputs';

export { ACTIVE_DAYS, SUPPORT_DAYS, computeRollup, type AccountRollup, type UsageDetail } from './rollup-inputs';
export { summariseDays } from './day-summaries';

/**
 * The daily rollup: per account, the health inputs usage, tickets and NPS
 * give for one UTC day, written as that day's health snapshot (the record
 * the extension already receives through the change feed). It reads the
 * events by their own time, so it can run again for a day after late events
 * came in, and writes only readings that changed. The day summaries it
 * reads are day-summaries.ts; the inputs, rollup-inputs.ts.
 */
export const ROLLUP_AUTHOR = 'usage rollup';

export interface RollupResult {
  day: string;
  accounts: number;
  written: number;
  unchanged: number;
  ms: number;
}

/**
 * Writes the day's readings: a reading the rollup computes replaces the
 * inputs it computes and keeps the others (say a training rate imported
 * for that day). A reading that would not change is not written again.
 */
export async function rollupTeam(sql: Sql, teamId: string, day: string, now: Date): Promise<RollupResult> {
  const started = performance.now();
  const config = await loadConfig(sql, teamId);
  const computed = config ? await computeRollup(sql, teamId, day, config) : [];
  const stamp = now.toISOString();
  const ids = computed.map((c) => snapshotId(c.accountId, day));
  const stored = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < ids.length; i += 5000) {
    const { rows } = await sql.query<{ id: string; data: Record<string, unknown> }>(`select id, data from items where team_id = $1 and kind = 'snapshots' and id = any($2::text[])`, [teamId, ids.slice(i, i + 5000)]);
    for (const r of rows) stored.set(r.id, r.data);
  }
  const writes: { id: string; accountId: string; data: string }[] = [];
  for (const c of computed) {
    const id = snapshotId(c.accountId, day);
    const before = stored.get(id);
    // A reading someone deleted stays deleted: the rollup does not bring it back.
    if (before?.deleted === true) continue;
    const beforeInputs = (before?.inputs ?? {}) as HealthInputs;
    const inputs = { ...beforeInputs, ...c.inputs };
    if (before && canonical(inputs) === canonical(beforeInputs) && canonical(c.usage) === canonical(before.usage ?? null)) continue;
    const record = HealthSnapshotSchema.parse({
      id, accountId: c.accountId, asOf: day, inputs,
      createdAt: typeof before?.createdAt === 'string' ? before.createdAt : stamp, updatedAt: stamp,
      author: typeof before?.author === 'string' ? before.author : ROLLUP_AUTHOR, updatedBy: ROLLUP_AUTHOR,
      version: (typeof before?.version === 'number' ? before.version : 0) + 1,
    });
    writes.push({ id, accountId: c.accountId, data: JSON.stringify({ ...record, usage: c.usage }) });
  }
  for (let i = 0; i < writes.length; i += 2000) {
    const chunk = writes.slice(i, i + 2000);
    await sql.transaction(async (tx) => {
      await lockFeed(tx, teamId);
      await tx.query(
        `insert into items (team_id, kind, id, account_id, data, seq)
           select $1, 'snapshots', id, account_id, data, next_team_seq($1) from unnest($2::text[], $3::text[], $4::jsonb[]) as t(id, account_id, data)
         on conflict (team_id, kind, id) do update set data = excluded.data, seq = excluded.seq`,
        [teamId, chunk.map((w) => w.id), chunk.map((w) => w.accountId), chunk.map((w) => w.data)],
      );
    });
  }
  return { day, accounts: computed.length, written: writes.length, unchanged: computed.length - writes.length, ms: Math.round(performance.now() - started) };
}

/** Every configured team's rollup for the day. */
export async function rollupAll(sql: Sql, day: string, now: Date): Promise<(RollupResult & { team: string })[]> {
  const { rows } = await sql.query<{ team_id: string }>('select team_id from ingest_config order by team_id');
  const out: (RollupResult & { team: string })[] = [];
  for (const r of rows) out.push({ team: r.team_id, ...(await rollupTeam(sql, r.team_id, day, now)) });
  return out;
}
