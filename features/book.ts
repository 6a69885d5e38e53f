import type { IsoDate } from '../shared/dates/local-date';
import type { HealthModel } from './health/model';
import type { Account } from '../data/model/account';
import type { Cta, ExpectationNote, Handover, HealthSnapshot, Milestone, MonthlyReport, PromiseRecord, RenewalOutcome, ServicePlan, ServiceVisit } from '../data/model/records';
import { ruleSeries } from './health-service';
import type { RenewalSettings } from './renewal/settings';
import { touchpointLogs } from './renewal/timeline';
import type { ServiceSettings } from './service/settings';
import type { CtaDraft } from '../data/model/cta-draft';
import { evaluateCtas, type CtaClosure, type CtaEvaluation } from './ctas';
import { templateFor, type MilestoneTemplate, type OnboardingTemplates } from './onboarding/template';

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
  /** Promises kept, broken and at risk are a health dimension. */
  promises?: readonly PromiseRecord[];
  /** Where the key people are kept; a book read without them raises no people CTAs. */
  handovers?: readonly Handover[];
}

export interface BookSettings {
  model: HealthModel;
  renewal: RenewalSettings;
  service: ServiceSettings;
  /** Onboarding templates per segment: which milestones need another team. */
  onboarding?: OnboardingTemplates;
}

export interface AccountVerdict {
  accountId: string;
  create: CtaDraft[];
  close: CtaClosure[];
  reopen: CtaEvaluation['reopen'];
}

type Rows = { [K in Exclude<keyof BookTables, 'accounts'>]-?: NonNullable<BookTables[K]>[number][] };
const KINDS = ['snapshots', 'milestones', 'outcomes', 'ctas', 'visits', 'notes', 'plans', 'reports', 'promises', 'handovers'] as const;

/** The book's rows by account, in one pass over each table. */
export function rowsByAccount(t: BookTables): Map<string, Rows> {
  const by = new Map<string, Rows>();
  for (const a of t.accounts) by.set(a.id, emptyRows());
  groupRows(t, by);
  return by;
}

/** Most accounts have no rows of most kinds: they share one empty list until a row comes. */
const emptyRows = (): Rows => ({ snapshots: NONE, milestones: NONE, outcomes: NONE, ctas: NONE, visits: NONE, notes: NONE, plans: NONE, reports: NONE, promises: NONE, handovers: NONE });

/** Adds each table's rows to their account's lists; rows of an account not in `by` are left out. */
function groupRows(t: BookTables, by: ReadonlyMap<string, Rows>): void {
  for (const kind of KINDS) {
    // Tables come grouped by account (the database's account index): a row of the same account as the one before needs no look-up.
    let lastId: string | undefined;
    let last: Record<string, { accountId: string }[]> | undefined;
    for (const row of (t[kind] ?? []) as readonly { accountId: string }[]) {
      const rows = row.accountId === lastId ? last : (by.get(row.accountId) as Record<string, { accountId: string }[]> | undefined);
      lastId = row.accountId;
      last = rows;
      if (!rows) continue;
      const list = rows[kind]!;
      if (list === NONE) rows[kind] = [row];
      else list.push(row);
    }
  }
}

/** The shared empty list (frozen: a push onto it would give every account the row). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/**
 * Evaluates every account of the book, or only those in `only` (the accounts
 * whose rows changed since the last run: the background knows them from the
 * database's change feed): the CTAs to raise and to close. Pure; the
 * background writes them. A new day or new settings call for every account,
 * which is how thresholds crossed today are caught.
 */
export function evaluateBook(t: BookTables, settings: BookSettings, today: IsoDate, only?: ReadonlySet<string>): { verdicts: AccountVerdict[]; evaluated: number } {
  const verdicts: AccountVerdict[] = [];
  let evaluated = 0;
  // Each account's rows beside the account itself, in the book's order (a later duplicate id keeps the first's place, as a Map's keys do).
  const entries: { account: Account; rows: Rows }[] = [];
  const by = new Map<string, Rows>();
  for (const account of t.accounts) {
    if (only && !only.has(account.id)) continue;
    const known = by.get(account.id);
    if (known) {
      entries[entries.findIndex((e) => e.rows === known)]!.account = account;
      continue;
    }
    const rows = emptyRows();
    by.set(account.id, rows);
    entries.push({ account, rows });
  }
  groupRows(t, by);
  // Each segment's onboarding milestones, found once for the book.
  const onboarding = settings.onboarding ?? {};
  const templates = new Map<Account['segment'], readonly MilestoneTemplate[]>();
  for (const { account, rows } of entries) {
    const accountId = account.id;
    evaluated++;
    const result = evaluateCtas({
      account,
      snapshots: ruleSeries(account, rows.snapshots, rows, settings.service, today),
      milestones: rows.milestones,
      outcomes: rows.outcomes,
      existing: rows.ctas,
      model: settings.model,
      renewalSettings: settings.renewal,
      logged: rows.visits.length || rows.notes.length ? touchpointLogs(rows.visits, rows.notes) : NONE,
      handovers: rows.handovers,
      keyPersonQuietDays: settings.service.keyPersonQuietDays,
      onboardingTemplate: templates.get(account.segment) ?? templates.set(account.segment, templateFor(onboarding, account.segment).milestones).get(account.segment)!,
      today,
      service: { plans: rows.plans, visits: rows.visits, reports: rows.reports, notes: rows.notes, settings: settings.service },
    });
    if (result.create.length || result.close.length || result.reopen.length) verdicts.push({ accountId, create: result.create, close: result.close, reopen: result.reopen });
  }
  return { verdicts, evaluated };
}
