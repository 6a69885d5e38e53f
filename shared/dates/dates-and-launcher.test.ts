import { addDays, daysBetween, isIsoDate, localDate } from './local-date';
import { bandOf } from '../../features/health/band';
import { translator } from '../i18n';
import { launcherView } from '../../platform/background/launcher-view';
import { renewalPhrase } from '../../features/renewal/days';

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
  const ref = { crm: 'salesforce' as const, recordId: '001D000000IqhSLIAZ', name: 'Acme (page)' };

  it('names the record as the page shows it, in the user\'s language', () => {
    expect(launcherView(ref, en, panel)).toEqual({ label: 'Account Lens: Acme (page)', resizeLabel: 'Resize the Account Lens panel', panel });
    expect(launcherView(ref, zh, panel).label).toBe('Account Lens：Acme (page)');
    expect(launcherView({ crm: 'salesforce', recordId: 'X1' }, en, panel).label).toBe('Account Lens: X1');
  });
  it('carries nothing the page could learn about the account: no health, band, renewal or book membership', () => {
    // The launcher sits in the page's DOM; its view has no field for account data at all.
    const view = launcherView(ref, en, panel);
    expect(Object.keys(view).sort()).toEqual(['label', 'panel', 'resizeLabel']);
    expect(JSON.stringify(view)).not.toMatch(/health|green|yellow|red|renew|contract|not in your data/i);
  });
});
