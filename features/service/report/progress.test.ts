import { monthlyReport } from './index';
import { input, lineWith } from './test-fixtures';

describe('monthlyReport: outcomes agreed at handover', () => {
  it('lists the outcomes and how far they are reached, against a month before', () => {
    const r = monthlyReport(
      input({
        outcomes: ['Quotes out in 1 day instead of 3', '  ', 'Quotes out in 1 day instead of 3', 'All 3 plants live'],
        usage: { now: { asOf: '2026-11-28', inputs: { outcomeAttainment: 72.4 } }, before: { asOf: '2026-10-29', inputs: { outcomeAttainment: 60 } } },
      }),
    );
    expect(r.text).toContain(
      'Progress on the outcomes we agreed\nThe outcomes we agreed when we started working together:\n\n• Quotes out in 1 day instead of 3\n• All 3 plants live\n\nOverall, 72% of the agreed outcomes reached (60% last month).',
    );
    const zh = monthlyReport(input({ language: 'zh-CN', outcomes: ['报价时间从 3 天缩短到 1 天'], usage: { now: { asOf: '2026-11-28', inputs: { outcomeAttainment: 50 } } } })).text;
    expect(zh).toContain('约定成果的进展\n合作之初我们共同约定的成果：\n\n• 报价时间从 3 天缩短到 1 天\n\n约定成果整体达成50%。');
  });

  it('is left out without outcomes or a reading', () => {
    expect(monthlyReport(input({ outcomes: [] })).text).not.toContain('Progress on the outcomes');
    expect(monthlyReport(input({ outcomes: ['A'] })).text).toContain('• A');
  });
});

describe('monthlyReport: usage highlights', () => {
  const usage = {
    now: { asOf: '2026-11-28', inputs: { activeUserRate: 64.2, coreFeatureAdoption: 35, nps: 40, tickets90d: 12 }, keyAction: { event: 'quote.sent', weeksDone: 3, weeks: 4 } },
    before: { asOf: '2026-10-29', inputs: { activeUserRate: 58 } },
  };

  it('quotes the rates with last month, and the key action, but not NPS or tickets', () => {
    const { text } = monthlyReport(input({ usage }));
    expect(text).toContain("Your team's usage\nAs measured on 28 Nov 2026:");
    expect(lineWith(text, 'Active users')).toBe('• Active users: 64% (58% last month)');
    expect(lineWith(text, 'core features')).toBe('• Use of the core features: 35%');
    expect(lineWith(text, 'quote.sent')).toBe('• “quote.sent” done in 3 of the last 4 weeks');
    expect(text).not.toMatch(/NPS|ticket|40/i);
    const zh = monthlyReport(input({ language: 'zh-CN', usage })).text;
    expect(zh).toContain('贵方团队的使用情况\n截至2026年11月28日的数据：');
    expect(lineWith(zh, '活跃用户')).toBe('• 活跃用户：64%（上月58%）');
    expect(lineWith(zh, 'quote.sent')).toBe('• “quote.sent”：最近4周中有3周完成');
  });

  it('is left out when no health inputs exist', () => {
    expect(monthlyReport(input()).text).not.toContain("Your team's usage");
    expect(monthlyReport(input({ usage: { now: { asOf: '2026-11-28', inputs: { nps: 10 } } } })).text).not.toContain("Your team's usage");
  });
});
