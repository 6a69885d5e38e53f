import { monthlyReport, sectionOn, withSection, REPORT_SECTIONS, WORDING, type ReportSection } from './index';
import { input, promise, visit } from './test-fixtures';
import type { ReportInput } from './input';
import { ServicePlanSchema } from '../../../data/model/records';

/** An account with something to say in every section. */
const full = (over: Partial<ReportInput> = {}) =>
  input({
    visits: [visit('a', '2026-11-05', { bossMet: true, followUps: [{ text: 'Share the dashboard', dueDate: '2026-12-10' }] })],
    outcomes: ['Quotes out in 1 day instead of 3'],
    usage: { now: { asOf: '2026-11-28', inputs: { activeUserRate: 64, outcomeAttainment: 40 } } },
    health: { score: 71.6, band: 'yellow', previousScore: 66.8 },
    renewal: { daysLeft: 121, nextTouchpoint: { offset: 90, due: '2026-12-31' } },
    promises: [promise('late', 'Custom export', { dueDate: '2026-11-15' }), promise('no', 'Offline mode', { deliverable: 'no' })],
    nextServiceDay: '2026-12-18',
    ...over,
  });
const only = (s: ReportSection, on: boolean) => ({ [s]: on });
const headings = (text: string) => text.split('\n');

describe('report sections: the defaults', () => {
  it('carries only what is about the customer, in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const w = WORDING[language];
      const lines = headings(monthlyReport(full({ language })).text);
      for (const s of ['together', 'outcomes', 'usage', 'requests', 'nextMonth'] as const) expect(lines).toContain(w.headings[s]);
      for (const s of ['health', 'renewal', 'risks'] as const) expect(lines).not.toContain(w.headings[s]);
    }
  });

  it('says nothing of our health band, score, the renewal countdown, renewal conversations or risk', () => {
    const { text, markdown } = monthlyReport(full());
    for (const out of [text, markdown]) {
      for (const internal of ['Health score', '72', 'needs attention', 'contract ends', '121 days', 'renewal conversation', 'at risk', 'overdue', 'cannot be delivered']) {
        expect(out).not.toContain(internal);
      }
    }
    const zh = monthlyReport(full({ language: 'zh-CN' })).text;
    for (const internal of ['健康度评分', '需关注', '到期', '续约沟通', '有风险', '已逾期', '无法按原承诺交付']) expect(zh).not.toContain(internal);
  });
});

describe('report sections: each switched on or off', () => {
  it.each(REPORT_SECTIONS.map((s) => [s]))('%s: its heading is there exactly when the section is on, in both languages', (s) => {
    for (const language of ['en', 'zh-CN'] as const) {
      const h = WORDING[language].headings[s];
      expect(headings(monthlyReport(full({ language, sections: only(s, true) })).text)).toContain(h);
      expect(headings(monthlyReport(full({ language, sections: only(s, false) })).text)).not.toContain(h);
    }
  });

  it('health, switched on: the score rounded, the band and the trend', () => {
    const { text } = monthlyReport(full({ sections: only('health', true) }));
    expect(text).toContain('Health score: 72 (needs attention). Up 5 points from last month (67).');
    const zh = monthlyReport(full({ language: 'zh-CN', sections: only('health', true), health: { score: 38.2, band: 'red', previousScore: 40 } })).text;
    expect(zh).toContain('健康度评分：38分（有风险）。较上月（40分）下降2分。');
    const steady = monthlyReport(full({ sections: only('health', true), health: { score: 70.2, band: 'green', previousScore: 69.9 } })).text;
    expect(steady).toContain('70 (healthy). Unchanged from last month (70).');
    // No data: no section even when on.
    expect(monthlyReport(full({ sections: only('health', true), health: undefined })).text).not.toContain('Account health');
  });

  it('renewal, switched on: the days left, the contract end and the next renewal conversation', () => {
    const { text } = monthlyReport(full({ sections: only('renewal', true) }));
    expect(text).toContain('The current contract ends on 31 Mar 2027, in 121 days.');
    expect(text).toContain('Next renewal conversation: 31 Dec 2026 (90 days before the contract ends)');
    const account = { name: 'Acme Ltd', contractEnd: '2026-11-25' };
    expect(monthlyReport(full({ sections: only('renewal', true), account, renewal: { daysLeft: -5 } })).text).toContain('The contract ended on 25 Nov 2026, 5 days ago.');
    expect(monthlyReport(full({ sections: only('renewal', true), account, renewal: { daysLeft: 0 } })).text).toContain('ends today');
    expect(monthlyReport(full({ language: 'zh-CN', sections: only('renewal', true) })).text).toContain('当前合同将于2027年3月31日到期，距今还有121天。');
  });

  it('risks, switched on: open promises past due or not deliverable are labelled, and only those', () => {
    const promises = [...full().promises, promise('fine', 'Weekly digest', { dueDate: '2026-12-15' })];
    const { text } = monthlyReport(full({ promises, sections: only('risks', true) }));
    const risks = text.slice(text.indexOf('\nRisks\n'), text.indexOf('\nNext month\n'));
    expect(risks).toContain('• Custom export (by 15 Nov 2026) — at risk: overdue');
    expect(risks).toContain('• Offline mode — at risk: cannot be delivered as originally promised');
    expect(risks).not.toContain('Weekly digest');
    const zh = monthlyReport(full({ language: 'zh-CN', sections: only('risks', true) })).text;
    expect(zh).toContain('• Custom export（2026年11月15日前）——有风险：已逾期');
    expect(zh).toContain('有风险：无法按原承诺交付');
  });
});

describe('report sections: the stored choice', () => {
  it('is remembered per section, keeps keys it does not know, and old plans without it stay valid', () => {
    const choice = withSection({ health: true, later: false }, 'usage', false);
    expect(choice).toEqual({ health: true, later: false, usage: false });
    expect(sectionOn(choice, 'health')).toBe(true);
    expect(sectionOn(choice, 'usage')).toBe(false);
    expect(sectionOn(undefined, 'renewal')).toBe(false);
    const plan = { id: 'plan:a', accountId: 'a', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', serviceDay: { kind: 'day_of_month', day: 28 }, language: 'en' };
    expect(ServicePlanSchema.safeParse(plan).success).toBe(true);
    expect(ServicePlanSchema.safeParse({ ...plan, reportSections: choice }).success).toBe(true);
    expect(ServicePlanSchema.safeParse({ ...plan, reportSections: { usage: 'yes' } }).success).toBe(false);
    expect(ServicePlanSchema.safeParse({ ...plan, reportSections: { '<bad key>': true } }).success).toBe(false);
  });
});
