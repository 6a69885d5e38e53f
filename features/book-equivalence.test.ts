import { describe, expect, it } from 'vitest';
import { evaluateBook, type BookTables } from './book';
import { evaluateCtas } from './ctas';
import { healthSeries } from './health-service';
import { DEFAULT_HEALTH_MODEL } from './health/model';
import { templateFor } from './onboarding/template';
import { touchpointLogs } from './renewal/timeline';
import { DEFAULT_RENEWAL_SETTINGS } from './renewal/settings';
import { DEFAULT_SERVICE_SETTINGS } from './service/settings';
import { demoBookOn } from '../platform/demo/book';
import { toCta } from '../data/model/cta-draft';
import type { Cta } from '../data/model/records';
import { addDays, type IsoDate } from '../shared/dates/local-date';

const settings = { model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS };
type Settings = Parameters<typeof evaluateBook>[1];

/** Each account evaluated alone, as the background does for one account (platform/background/evaluate.ts). */
function oneByOne(t: BookTables, s: Settings, today: IsoDate) {
  return t.accounts.flatMap((account) => {
    const mine = <R extends { accountId: string }>(rows: readonly R[] | undefined) => (rows ?? []).filter((r) => r.accountId === account.id);
    const [visits, notes, plans, reports, promises] = [mine(t.visits), mine(t.notes), mine(t.plans), mine(t.reports), mine(t.promises)];
    const result = evaluateCtas({
      account,
      snapshots: healthSeries(account, mine(t.snapshots), { visits, reports, notes, promises, plans }, s.service, today),
      milestones: mine(t.milestones), outcomes: mine(t.outcomes), existing: mine(t.ctas),
      model: s.model, renewalSettings: s.renewal,
      logged: touchpointLogs(visits, notes), handovers: mine(t.handovers), keyPersonQuietDays: s.service.keyPersonQuietDays, today,
      onboardingTemplate: templateFor(s.onboarding ?? {}, account.segment).milestones,
      service: { plans, visits, reports, notes, settings: s.service },
    });
    return result.create.length || result.close.length || result.reopen.length ? [{ accountId: account.id, ...result }] : [];
  });
}

type Tables = { -readonly [K in keyof BookTables]-?: NonNullable<BookTables[K]>[number][] };

/**
 * The demo book copied `copies` times under new ids (each copy's dates moved
 * back by a few days, so the copies sit at different points of their
 * rhythms), with the CTAs an earlier run raised: some left open, some closed
 * by a person, some closed by a rule, some deleted.
 */
function variedBook(today: IsoDate, copies: number): BookTables {
  const tables: Tables = { accounts: [], snapshots: [], milestones: [], outcomes: [], ctas: [], visits: [], notes: [], plans: [], reports: [], promises: [], handovers: [] };
  for (let c = 0; c < copies; c++) {
    const book = demoBookOn(addDays(today, -c * 9));
    const id = (s: string) => `${s}~${c}`;
    for (const kind of Object.keys(tables) as (keyof typeof tables)[]) {
      if (kind === 'ctas') continue;
      const rows = (book as unknown as Record<string, { id: string; accountId?: string }[]>)[kind] ?? [];
      for (const r of rows) (tables[kind] as unknown[]).push(kind === 'accounts' ? { ...r, id: id(r.id) } : { ...r, id: id(r.id), accountId: id(r.accountId!) });
    }
  }
  const earlier = addDays(today, -20);
  const stamp = `${earlier}T00:00:00.000Z`;
  const raised = evaluateBook({ ...tables, ctas: [] }, settings, earlier).verdicts.flatMap((v) => v.create.map((d) => toCta(d, d.title.code, stamp)));
  tables.ctas = raised.map((cta, i): Cta => {
    switch (i % 5) {
      case 1: return { ...cta, status: 'closed' };
      case 2: return { ...cta, status: 'closed', closedBy: 'visit_logged' };
      case 3: return { ...cta, deleted: true };
      default: return cta;
    }
  });
  // Causes the data may now show resolved: a milestone since done or removed, a red streak since recovered.
  const open = (accountId: string, cause: string, source: Cta['source']): Cta => ({ id: `cta:${cause}`, accountId, createdAt: stamp, updatedAt: stamp, source, cause, title: 't', dueDate: earlier, status: 'open' });
  tables.milestones.forEach((m, i) => {
    if (i % 2) tables.milestones[i] = i % 4 === 1 ? { ...m, doneAt: earlier } : { ...m, deleted: true };
    tables.ctas.push(open(m.accountId, `onboarding:${m.id}`, 'onboarding'));
  });
  tables.accounts.forEach((a, i) => {
    if (i % 3 === 0) tables.ctas.push(open(a.id, `health:red-streak:${a.id}:2026-W40`, 'health'));
    // A key person gone quiet who is no longer on the account's list.
    if (i % 4 === 1) tables.ctas.push(open(a.id, `people:quiet:${a.id}:p-gone`, 'people'));
  });
  return tables;
}

describe('the whole book evaluated at once', () => {
  it('raises and closes for every account what evaluating it alone would', () => {
    for (const today of ['2027-01-06', '2027-05-20', '2027-09-30'] as IsoDate[]) {
      const book = variedBook(today, 4);
      expect(book.accounts.length).toBe(200);
      const { verdicts, evaluated } = evaluateBook(book, settings, today);
      expect(evaluated).toBe(book.accounts.length);
      const alone = oneByOne(book, settings, today);
      expect(verdicts).toEqual(alone);
      // The book is varied enough to exercise every outcome.
      expect(verdicts.some((v) => v.create.length)).toBe(true);
      expect(new Set(verdicts.flatMap((v) => v.close.map((c) => c.reason)))).toEqual(new Set(['milestone_done', 'milestone_removed', 'health_recovered', 'person_not_key']));
      expect(new Set(verdicts.flatMap((v) => v.create.map((d) => d.source))).size).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives the same verdicts for the accounts it is asked about as for the whole book', () => {
    const today = '2027-03-03';
    const book = variedBook(today, 2);
    const only = new Set(book.accounts.filter((_, i) => i % 3 === 0).map((a) => a.id));
    const whole = evaluateBook(book, settings, today).verdicts.filter((v) => only.has(v.accountId));
    expect(evaluateBook(book, settings, today, only).verdicts).toEqual(whole);
  });
});
