import { addDays, daysBetween, isIsoDate, localDate } from '../../../lib/dates/local-date';
import { bandOf } from '../../../lib/health/band';
import { translator } from '../../../lib/i18n';
import { launcherView } from '../../../lib/launcher/view';
import type { Account } from '../../../lib/model/account';
import { renewalPhrase } from '../../../lib/renewal/days';

const en = translator('en');
const zh = translator('zh-CN');
const panel = { open: false, width: 380, mode: 'push' as const };

describe('calendar dates', () => {
  it('counts whole days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2026-11-23', '2027-01-07')).toBe(45);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // a DST weekend in Europe changes nothing
    expect(daysBetween('2026-11-23', '2026-11-03')).toBe(-20);
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
  });
  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('23/11/2026')).toBe(false);
    expect(() => daysBetween('2026-11-23', 'soon')).toThrow(RangeError);
  });
  it("uses the local calendar date, not UTC's", () => {
    // 23:30 local on Nov 23 is Nov 23 whatever the UTC date is.
    expect(localDate(new Date(2026, 10, 23, 23, 30))).toBe('2026-11-23');
    expect(localDate(new Date(2026, 10, 24, 0, 10))).toBe('2026-11-24');
  });
});

describe('bands and phrases', () => {
  it('uses the default cut-offs 70 and 40', () => {
    expect([100, 70, 69.9, 40, 39.9, 0].map((s) => bandOf(s))).toEqual(['green', 'green', 'yellow', 'yellow', 'red', 'red']);
    expect(bandOf(65, { green: 60, red: 30 })).toBe('green');
  });
  it('phrases renewal timing in both languages, with plurals', () => {
    expect([45, 1, 0, -1, -20].map((d) => renewalPhrase(d, en))).toEqual([
      'renews in 45 days', 'renews in 1 day', 'renews today', 'contract ended 1 day ago', 'contract ended 20 days ago',
    ]);
    expect(renewalPhrase(45, zh)).toBe('45 天后续约');
    expect(renewalPhrase(-3, zh)).toBe('合同已到期 3 天');
  });
});

describe('launcher view', () => {
  const account: Account = {
    id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-01-07',
    health: { score: 62.4, asOf: '2026-11-20' }, createdAt: '', updatedAt: '',
  };
  const ref = { crm: 'salesforce' as const, recordId: '001D000000IqhSLIAZ', name: 'Acme (page)' };

  it('names the account, its band and its renewal in the accessible label', () => {
    const v = launcherView(ref, account, '2026-11-23', en, panel);
    expect(v).toMatchObject({ known: true, band: 'yellow', short: '45d', label: 'Account Lens: Acme, health yellow (62), renews in 45 days' });
    expect(launcherView(ref, account, '2026-11-23', zh, panel).label).toBe('Account Lens：Acme，健康度黄色（62），45 天后续约');
  });
  it('prefers a stored band over the computed one', () => {
    expect(launcherView(ref, { ...account, health: { score: 62, band: 'red', asOf: '2026-11-20' } }, '2026-11-23', en, panel).band).toBe('red');
  });
  it('says when health is unknown and when the account is not stored', () => {
    const { health: _h, ...noHealth } = account;
    expect(launcherView(ref, noHealth, '2027-01-08', en, panel)).toMatchObject({ band: null, short: '-1d', label: 'Account Lens: Acme, health unknown, contract ended 1 day ago' });
    expect(launcherView(ref, undefined, '2026-11-23', en, panel)).toMatchObject({ known: false, label: 'Account Lens: Acme (page) is not in your data yet' });
    expect(launcherView({ crm: 'salesforce', recordId: 'X1' }, undefined, '2026-11-23', en, panel).label).toContain('X1');
  });
});
