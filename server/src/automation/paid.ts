import type { Sql } from '../db';
import type { Log } from '../log';
import { live, type Data } from './jobs';
import { enabledRuleOf } from './rules';
import { scheduleWelcome, UNPAID_NOTE } from './welcome';

/**
 * The welcome's second occasion: the account marked paid (a contract's
 * `paidAt` set where it was empty). Run by the record write path
 * (store/write.ts) inside the write's transaction, with the stored copy
 * before and the record as it will be stored, so a replay of the same write
 * or a later edit of another field is no occasion. Clearing the mark (the
 * panel's undo) before the welcome is due cancels the welcome it scheduled.
 */

/** A paid date more than this many days before the server's day is no occasion for a welcome: it was recorded late. */
export const PAID_STALE_DAYS = 2;

const paidOf = (d: Data | undefined): string | undefined => (d && live(d) && typeof d.paidAt === 'string' ? d.paidAt : undefined);

/** The UTC calendar day `days` before `now`: a paid date is a local day, and the world's days lie within one of UTC's. */
const utcDayBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/** Jobs of the paid trigger are keyed `paid:<contract id>@<when the mark arrived>`: each mark is its own occasion. */
const keyPrefix = (contractId: string) => `paid:${contractId}@`;

export async function contractWritten(tx: Sql, log: Log, teamId: string, before: Data | undefined, after: Data, now: Date): Promise<void> {
  const was = paidOf(before);
  const paidAt = paidOf(after);
  const contractId = String(after.id);
  const accountId = String(after.accountId);
  if (was && !paidAt) {
    const { rows } = await tx.query<{ id: string }>(
      `update automation_jobs set state = 'cancelled', note = $4, updated_at = $5
       where team_id = $1 and rule = 'welcome' and account_id = $2 and left(key, length($3)) = $3 and state = 'scheduled' returning id`,
      [teamId, accountId, keyPrefix(contractId), UNPAID_NOTE, now.toISOString()],
    );
    for (const r of rows) log('info', 'automation', { rule: 'welcome', trigger: 'paid', team: teamId, account: accountId, outcome: 'cancelled', job: r.id });
    return;
  }
  if (was || !paidAt) return;
  const rule = await enabledRuleOf(tx, teamId, 'welcome');
  if (!rule) return;
  const late = paidAt < utcDayBefore(now, PAID_STALE_DAYS)
    ? `the account was marked paid on ${paidAt}, more than ${PAID_STALE_DAYS} days before the server learnt of it: too late for a welcome`
    : undefined;
  await scheduleWelcome(tx, log, rule, { trigger: 'paid', accountId, key: `${keyPrefix(contractId)}${now.toISOString()}`, at: now, ...(late ? { late } : {}) }, now);
}
