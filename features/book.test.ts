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

  it('evaluates only the accounts it is given, with their own rows', () => {
    // Both a and b have the 90-day touchpoint overdue; only b is asked for.
    const accounts = [acct('a', '2027-02-19'), acct('b', '2027-02-19'), acct('c', '2027-09-01')];
    const { verdicts, evaluated } = evaluateBook(book(accounts), settings, '2026-12-01', new Set(['b', 'gone']));
    expect(evaluated).toBe(1);
    expect(verdicts.map((v) => v.accountId)).toEqual(['b']);
    expect(verdicts[0]!.create.map((d) => d.cause)).toContain('renewal:b:2027-02-19:90');
    expect(evaluateBook(book(accounts), settings, '2026-12-01', new Set()).evaluated).toBe(0);
  });

  it('raises the key person gone quiet CTA at the service settings\' threshold', () => {
    const account = acct('a', '2028-01-01');
    const keyPeople = [{ id: 'p-boss', role: 'boss' as const, name: 'Wang Lei', contact: 'wang.lei@example.cn' }];
    const people = {
      ...book([account]),
      handovers: [{ id: 'handover:a', accountId: 'a', createdAt: T, updatedAt: T, status: 'accepted' as const, keyPeople }],
      snapshots: [{ id: 'a:2026-11-24', accountId: 'a', asOf: '2026-11-24', inputs: {}, usage: { keyPeople: [{ person: 'p-boss', lastActiveOn: '2026-11-10' }] }, createdAt: T, updatedAt: T }],
    };
    const quiet = (service: typeof DEFAULT_SERVICE_SETTINGS) =>
      evaluateBook(people, { ...settings, service }, '2026-11-24').verdicts.flatMap((v) => v.create).filter((d) => d.cause.startsWith('people:quiet:')).map((d) => d.cause);
    // 14 days without use: quiet for a team that set 14, not yet under the default 21.
    expect(quiet(DEFAULT_SERVICE_SETTINGS)).toEqual([]);
    expect(quiet({ ...DEFAULT_SERVICE_SETTINGS, keyPersonQuietDays: 14 })).toEqual(['people:quiet:a:p-boss']);
  });
});
