import { describe, expect, it } from 'vitest';
import { evaluateBook, type BookTables } from './book';
import { evaluateCtas } from './ctas';
import { DEFAULT_HEALTH_MODEL } from './health/model';
import type { Account } from '../data/model/account';
import { DEFAULT_RENEWAL_SETTINGS } from './renewal/settings';
import { DEFAULT_SERVICE_SETTINGS } from './service/settings';

const T = '2026-11-01T00:00:00.000Z';
const acct = (id: string, contractEnd: string): Account => ({ id, name: id, crm: 'salesforce', recordId: id, contractEnd, csm: 'Cleo', createdAt: T, updatedAt: T });
const settings = { model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS };
const book = (accounts: Account[]): BookTables => ({ accounts, snapshots: [], milestones: [], outcomes: [], ctas: [], visits: [], notes: [], plans: [], reports: [] });

describe('the whole book evaluated without any page open', () => {
  it('raises for every account what evaluating it alone would', () => {
    // 80 days to the end: the 90-day touchpoint is overdue for both, whoever opens their pages.
    const accounts = [acct('a', '2027-02-19'), acct('b', '2027-02-19'), acct('quiet', '2028-01-01')];
    const { verdicts, evaluated } = evaluateBook(book(accounts), settings, '2026-12-01');
    expect(evaluated).toBe(3);
    for (const a of accounts) {
      const alone = evaluateCtas({
        account: a, snapshots: [], milestones: [], outcomes: [], existing: [], model: settings.model, renewalSettings: settings.renewal, logged: [],
        today: '2026-12-01', service: { plans: [], visits: [], reports: [], notes: [], settings: settings.service },
      });
      expect(verdicts.find((v) => v.accountId === a.id)?.create ?? [], a.id).toEqual(alone.create);
    }
    expect(verdicts.find((v) => v.accountId === 'a')!.create.map((d) => d.cause)).toContain('renewal:a:2027-02-19:90');
  });

  it('evaluates again only the accounts whose rows changed, and every account on a new day', () => {
    const seen = new Map<string, string>();
    const accounts = [acct('a', '2027-02-19'), acct('b', '2027-06-01'), acct('c', '2027-09-01')];
    expect(evaluateBook(book(accounts), settings, '2026-12-01', seen).evaluated).toBe(3);
    expect(evaluateBook(book(accounts), settings, '2026-12-01', seen).evaluated).toBe(0);
    const touched = accounts.map((a) => (a.id === 'b' ? { ...a, updatedAt: '2026-12-01T08:00:00.000Z' } : a));
    const withVisit = { ...book(touched), visits: [{ id: 'v', accountId: 'c', createdAt: T, updatedAt: T, date: '2026-11-27', durationMin: 60, attendees: [], bossMet: false, checklistDone: [], followUps: [] }] };
    expect(evaluateBook(withVisit, settings, '2026-12-01', seen).evaluated).toBe(2);
    expect(evaluateBook(withVisit, settings, '2026-12-02', seen).evaluated).toBe(3);
    // A settings change is a change for every account.
    expect(evaluateBook(withVisit, { ...settings, model: { ...settings.model, redStreakDays: 21 } }, '2026-12-02', seen).evaluated).toBe(3);
  });
});
