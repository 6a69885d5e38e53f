import type { IsoDate } from '../shared/dates/local-date';
import type { HealthModel } from './health/model';
import type { Account } from '../data/model/account';
import type { Cta, ExpectationNote, HealthSnapshot, Milestone, MonthlyReport, RenewalOutcome, ServicePlan, ServiceVisit } from '../data/model/records';
import type { RenewalSettings } from './renewal/settings';
import { touchpointLogs } from './renewal/timeline';
import type { ServiceSettings } from './service/settings';
import type { CtaDraft } from '../data/model/cta-draft';
import { evaluateCtas, type CtaClosure } from './ctas';

/** Every row the evaluation reads, for the whole book. */
export interface BookTables {
  accounts: readonly Account[];
  snapshots: readonly HealthSnapshot[];
  milestones: readonly Milestone[];
  outcomes: readonly RenewalOutcome[];
  ctas: readonly Cta[];
  visits: readonly ServiceVisit[];
  notes: readonly ExpectationNote[];
  plans: readonly ServicePlan[];
  reports: readonly MonthlyReport[];
}

export interface BookSettings {
  model: HealthModel;
  renewal: RenewalSettings;
  service: ServiceSettings;
}

export interface AccountVerdict {
  accountId: string;
  create: CtaDraft[];
  close: CtaClosure[];
}

type Rows = { [K in Exclude<keyof BookTables, 'accounts'>]: BookTables[K][number][] };
const KINDS = ['snapshots', 'milestones', 'outcomes', 'ctas', 'visits', 'notes', 'plans', 'reports'] as const;

/** The book's rows by account, in one pass over each table. */
export function rowsByAccount(t: BookTables): Map<string, Rows> {
  const by = new Map<string, Rows>();
  for (const a of t.accounts) by.set(a.id, { snapshots: [], milestones: [], outcomes: [], ctas: [], visits: [], notes: [], plans: [], reports: [] });
  for (const kind of KINDS)
    for (const row of t[kind] as readonly { accountId: string }[]) (by.get(row.accountId)?.[kind] as { accountId: string }[] | undefined)?.push(row);
  return by;
}

/**
 * A stamp of everything an account's evaluation depends on: its rows (ids,
 * versions, update times), the settings and the day. The same stamp gives the
 * same verdict, so an unchanged account is not evaluated again; a new day
 * changes every stamp, which is how thresholds crossed today are caught.
 */
export function accountStamp(account: Account, rows: Rows, settingsKey: string, today: IsoDate): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ 0x7c, 0x01000193) >>> 0;
  };
  mix(today);
  mix(settingsKey);
  mix(account.updatedAt);
  mix(account.contractEnd);
  for (const kind of KINDS)
    for (const r of rows[kind] as readonly { id: string; updatedAt: string; deleted?: boolean }[]) mix(`${kind}:${r.id}:${r.updatedAt}:${r.deleted ? 1 : 0}`);
  return `${h.toString(36)}:${KINDS.map((k) => rows[k].length).join('.')}`;
}

/**
 * Evaluates every account of the book (or those whose stamp changed since
 * `seen`): the CTAs to raise and to close. Pure; the background writes them.
 * `seen` is updated in place with each account's new stamp.
 */
export function evaluateBook(t: BookTables, settings: BookSettings, today: IsoDate, seen?: Map<string, string>): { verdicts: AccountVerdict[]; evaluated: number } {
  const settingsKey = JSON.stringify(settings);
  const verdicts: AccountVerdict[] = [];
  let evaluated = 0;
  const byId = new Map(t.accounts.map((a) => [a.id, a]));
  for (const [accountId, rows] of rowsByAccount(t)) {
    const account = byId.get(accountId)!;
    if (seen) {
      const stamp = accountStamp(account, rows, settingsKey, today);
      if (seen.get(accountId) === stamp) continue;
      seen.set(accountId, stamp);
    }
    evaluated++;
    const result = evaluateCtas({
      account,
      snapshots: rows.snapshots,
      milestones: rows.milestones,
      outcomes: rows.outcomes,
      existing: rows.ctas,
      model: settings.model,
      renewalSettings: settings.renewal,
      logged: touchpointLogs(rows.visits, rows.notes),
      today,
      service: { plans: rows.plans, visits: rows.visits, reports: rows.reports, notes: rows.notes, settings: settings.service },
    });
    if (result.create.length || result.close.length) verdicts.push({ accountId, ...result });
  }
  return { verdicts, evaluated };
}
