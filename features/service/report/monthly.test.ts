import { monthlyReport } from './index';
import { input, lineWith, promise, visit } from './test-fixtures';

describe('monthlyReport: subject, greeting and sign-off', () => {
  it('writes the English subject with the full month name, and greets the boss by name', () => {
    const r = monthlyReport(input());
    expect(r.subject).toBe('Acme Ltd · Monthly service report, November 2026');
    expect(r.text.startsWith('Dear Wang Fang,')).toBe(true);
    expect(r.text).toContain('November 2026');
    expect(r.text.trimEnd().endsWith('Best regards,\nLi Na')).toBe(true);
  });

  it('writes the Chinese subject, greeting and sign-off', () => {
    const r = monthlyReport(input({ language: 'zh-CN' }));
    expect(r.subject).toBe('Acme Ltd · 2026年11月服务报告');
    expect(r.text.startsWith('Wang Fang，您好！')).toBe(true);
    expect(r.text).toContain('本月服务');
    expect(r.text).toContain('续约');
    expect(r.text).toContain('待跟进事项');
    expect(r.text.trimEnd().endsWith('顺祝商祺！\nLi Na')).toBe(true);
  });

  it('greets generically without a boss name and signs as the team without a CSM', () => {
    const en = monthlyReport(input({ bossName: '  ', account: { name: 'Acme', contractEnd: '2027-03-31' } }));
    expect(en.text.startsWith('Hello,')).toBe(true);
    expect(en.text).toContain('Your customer success team');
    const zh = monthlyReport(input({ language: 'zh-CN', bossName: undefined, account: { name: 'Acme', contractEnd: '2027-03-31' } }));
    expect(zh.text.startsWith('您好！')).toBe(true);
    expect(zh.text).toContain('客户成功团队');
  });

  it('gives the next service day when known', () => {
    expect(monthlyReport(input({ nextServiceDay: '2026-12-18' })).text).toContain('Next service day: 18 Dec 2026');
    expect(monthlyReport(input({ language: 'zh-CN', nextServiceDay: '2026-12-18' })).text).toContain('下次服务日：2026年12月18日');
    expect(monthlyReport(input()).text).not.toContain('Next service day');
  });
});

describe("monthlyReport: the month's visits", () => {
  const visits = [
    visit('before', '2026-10-31', { notes: 'October visit' }),
    visit('v2', '2026-11-23', { durationMin: 90, attendees: ['Li Lei', 'Han Meimei'], checklistDone: ['Usage', 'Roadmap', 'Training'] }),
    visit('v1', '2026-11-01', { durationMin: 45, notes: 'First of the month' }),
    visit('deleted', '2026-11-15', { deleted: true, notes: 'Deleted visit' }),
    visit('after', '2026-12-01', { notes: 'December visit' }),
  ];

  it('lists only the non-deleted visits dated in the month, in date order', () => {
    const { text } = monthlyReport(input({ visits }));
    expect(text).toContain('We held 2 service visits this month, 135 minutes in total.');
    expect(text).not.toContain('October visit');
    expect(text).not.toContain('December visit');
    expect(text).not.toContain('Deleted visit');
    expect(text).not.toContain('31 Oct 2026');
    expect(text).not.toContain('15 Nov 2026');
    expect(text.indexOf('1 Nov 2026')).toBeLessThan(text.indexOf('23 Nov 2026'));
  });

  it('gives each visit its date, duration, attendees, boss presence and checklist count', () => {
    const { text } = monthlyReport(input({ visits }));
    expect(lineWith(text, '23 Nov 2026')).toBe(
      '- 23 Nov 2026 · 90 min · Attendees: Li Lei, Han Meimei · without you · 3 checklist items completed',
    );
    expect(text).toContain('  - Notes: First of the month');
    const zh = monthlyReport(input({ language: 'zh-CN', visits })).text;
    expect(lineWith(zh, '2026年11月23日')).toBe('- 2026年11月23日 · 90分钟 · 参会人：Li Lei、Han Meimei · 您未参加 · 完成服务清单3项');
    expect(zh).toContain('本月共进行2次服务拜访，累计135分钟。');
  });

  it('says so when no visit took place in the month', () => {
    const only = [visit('before', '2026-10-31'), visit('after', '2026-12-01')];
    expect(monthlyReport(input({ visits: only })).text).toContain('No service visit took place this month.');
    expect(monthlyReport(input({ language: 'zh-CN', visits: only })).text).toContain('本月未进行服务拜访。');
  });

  it('shortens long notes with an ellipsis and keeps them on one line', () => {
    const notes = `${'word '.repeat(100)}\nsecond line`;
    const { text } = monthlyReport(input({ visits: [visit('v', '2026-11-10', { notes })] }));
    const line = lineWith(text, 'Notes:')!;
    const value = line.slice(line.indexOf('Notes: ') + 'Notes: '.length);
    expect(value.endsWith('…')).toBe(true);
    expect(Array.from(value).length).toBeLessThanOrEqual(280);
    expect(text).not.toContain('second line');
  });
});

describe('monthlyReport: boss absent', () => {
  const followUps = [{ text: 'Send the training plan', dueDate: '2026-12-05' }];

  it('is true when the month had visits and the boss joined none, and adds a summary for the boss', () => {
    const r = monthlyReport(
      input({
        visits: [
          visit('a', '2026-11-03', { checklistDone: ['team.business', 'prepare.health', 'removed.item'], notes: 'Adoption is up in sales', followUps }),
          visit('b', '2026-11-20'),
        ],
        // Only the discussion topics are worded; preparation and items no longer in the template are not listed.
        checklistLabels: { 'team.business': 'Usage review', 'boss.month': 'The month' },
      }),
    );
    expect(r.bossAbsent).toBe(true);
    expect(r.text).toContain('Summary for you');
    expect(r.text).toContain('- Topics reviewed: Usage review');
    expect(r.text).toContain('- Discussed on 3 Nov 2026: Adoption is up in sales');
    expect(r.text).toContain('- Agreed next steps: Send the training plan (due 5 Dec 2026)');
    expect(monthlyReport(input({ language: 'zh-CN', visits: [visit('a', '2026-11-03')] })).text).toContain('写给您的摘要');
  });

  it('is false when the boss joined at least one visit', () => {
    const r = monthlyReport(input({ visits: [visit('a', '2026-11-03'), visit('b', '2026-11-20', { bossMet: true })] }));
    expect(r.bossAbsent).toBe(false);
    expect(r.text).not.toContain('Summary for you');
    expect(lineWith(r.text, '20 Nov 2026')).toContain('you joined');
  });

  it('is false when there was no visit this month, even if the boss missed visits in other months', () => {
    const r = monthlyReport(input({ visits: [visit('old', '2026-10-15')] }));
    expect(r.bossAbsent).toBe(false);
    expect(r.text).not.toContain('Summary for you');
  });
});

describe('monthlyReport: health', () => {
  const health = (score: number, previousScore?: number) =>
    monthlyReport(input({ health: { score, band: 'yellow', ...(previousScore === undefined ? {} : { previousScore }) } })).text;

  it('rounds the score and names the band', () => {
    expect(health(71.6)).toContain('Health score: 72 (needs attention).');
    expect(monthlyReport(input({ health: { score: 85, band: 'green' } })).text).toContain('85 (healthy)');
    expect(monthlyReport(input({ health: { score: 20, band: 'red' } })).text).toContain('20 (at risk)');
    expect(monthlyReport(input({ language: 'zh-CN', health: { score: 38.2, band: 'red' } })).text).toContain('健康度评分：38分（有风险）。');
  });

  it('gives the trend: up, down, steady, and none without a previous score', () => {
    expect(health(72, 66.8)).toContain('Up 5 points from last month (67).');
    expect(health(60, 61)).toContain('Down 1 point from last month (61).');
    expect(health(70.2, 69.9)).toContain('Unchanged from last month (70).');
    const none = health(70);
    expect(none).not.toMatch(/Up |Down |Unchanged/);
    expect(none).not.toContain('last month');
    const zh = (score: number, previousScore: number) =>
      monthlyReport(input({ language: 'zh-CN', health: { score, band: 'green', previousScore } })).text;
    expect(zh(80, 75)).toContain('较上月（75分）上升5分。');
    expect(zh(75, 80)).toContain('较上月（80分）下降5分。');
    expect(zh(80, 80.4)).toContain('与上月（80分）持平。');
  });

  it('omits the section without health data', () => {
    expect(monthlyReport(input()).text).not.toContain('Account health');
    expect(monthlyReport(input({ language: 'zh-CN' })).text).not.toContain('健康度');
  });
});

describe('monthlyReport: renewal', () => {
  it('gives the days left, the contract end and the next touchpoint', () => {
    const { text } = monthlyReport(input({ renewal: { daysLeft: 121, nextTouchpoint: { offset: 90, due: '2026-12-31' } } }));
    expect(text).toContain('The current contract ends on 31 Mar 2027, in 121 days.');
    expect(text).toContain('Next renewal conversation: 31 Dec 2026 (90 days before the contract ends)');
    const zh = monthlyReport(input({ language: 'zh-CN', renewal: { daysLeft: 121 } })).text;
    expect(zh).toContain('当前合同将于2027年3月31日到期，距今还有121天。');
  });

  it('says the contract ended, and how long ago, when the days left are negative', () => {
    const account = { name: 'Acme Ltd', contractEnd: '2026-11-25' };
    expect(monthlyReport(input({ account, renewal: { daysLeft: -5 } })).text).toContain('The contract ended on 25 Nov 2026, 5 days ago.');
    expect(monthlyReport(input({ account, renewal: { daysLeft: -1 } })).text).toContain('1 day ago.');
    expect(monthlyReport(input({ language: 'zh-CN', account, renewal: { daysLeft: -5 } })).text).toContain(
      '合同已于2026年11月25日到期，距今已过去5天。',
    );
    expect(monthlyReport(input({ account, renewal: { daysLeft: 0 } })).text).toContain('ends today');
  });
});

describe('monthlyReport: promises', () => {
  const promises = [
    promise('late', 'Custom export', { dueDate: '2026-11-15' }),
    promise('no', 'Offline mode', { deliverable: 'no', dueDate: '2027-01-31' }),
    promise('fine', 'Weekly digest', { dueDate: '2026-12-15' }),
    promise('undated', 'Dedicated trainer'),
    promise('kept', 'SSO integration', { status: 'kept', updatedAt: '2026-11-20T08:00:00.000Z' }),
    promise('kept-old', 'API access', { status: 'kept', updatedAt: '2026-10-20T08:00:00.000Z' }),
    promise('gone', 'Deleted promise', { deleted: true }),
    promise('reset', 'Reset promise', { status: 'reset' }),
  ];

  it('flags open promises past due or not deliverable as at risk, and only those', () => {
    const { text } = monthlyReport(input({ promises }));
    expect(lineWith(text, 'Custom export')).toBe('- Custom export (due 15 Nov 2026) — at risk: overdue');
    expect(lineWith(text, 'Offline mode')).toBe('- Offline mode (due 31 Jan 2027) — at risk: cannot be delivered as originally promised');
    expect(lineWith(text, 'Weekly digest')).not.toContain('at risk');
    expect(lineWith(text, 'Dedicated trainer')).toBe('- Dedicated trainer (no due date set)');
  });

  it('lists open promises by due date, undated last', () => {
    const { text } = monthlyReport(input({ promises }));
    const order = ['Custom export', 'Weekly digest', 'Offline mode', 'Dedicated trainer'].map((p) => text.indexOf(p));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('lists the promises kept this month as kept, not earlier ones, and ignores deleted records', () => {
    const { text } = monthlyReport(input({ promises }));
    const kept = text.slice(text.indexOf('Kept this month:'));
    expect(kept).toContain('- SSO integration');
    expect(text).not.toContain('API access');
    expect(text).not.toContain('Deleted promise');
    expect(text).not.toContain('Reset promise');
  });

  it('marks risks in Chinese', () => {
    const { text } = monthlyReport(input({ language: 'zh-CN', promises }));
    expect(text).toContain('承诺事项');
    expect(lineWith(text, 'Custom export')).toBe('- Custom export（截止日期：2026年11月15日）——有风险：已逾期');
    expect(lineWith(text, 'Offline mode')).toContain('有风险：无法按原承诺交付');
    expect(text).toContain('本月已兑现');
  });

  it('omits the section when there are no promises other than deleted ones', () => {
    expect(monthlyReport(input({ promises: [promise('gone', 'x', { deleted: true })] })).text).not.toContain('Commitments');
    const onlyKeptEarlier = monthlyReport(input({ promises: [promises[5]!] })).text;
    expect(onlyKeptEarlier).toContain('Commitments');
    expect(onlyKeptEarlier).toContain('There are no open commitments.');
  });
});

describe('monthlyReport: follow-ups', () => {
  it("merges the month's visit follow-ups with the open requests, sorted by due date, without duplicates", () => {
    const visits = [
      visit('a', '2026-11-05', {
        followUps: [
          { text: 'Send the training plan', dueDate: '2026-12-10' },
          { text: 'Share the usage dashboard', dueDate: '2026-12-01' },
        ],
      }),
      visit('old', '2026-10-05', { followUps: [{ text: 'October follow-up', dueDate: '2026-10-20' }] }),
    ];
    const openRequests = [
      { title: 'Send the training plan', dueDate: '2026-12-10' },
      { title: 'Send the training plan', dueDate: '2026-12-20' },
      { title: 'Confirm the admin list', dueDate: '2026-11-28' },
    ];
    const { text } = monthlyReport(input({ visits, openRequests }));
    const section = text.slice(text.indexOf('Open follow-ups'));
    const items = section.split('\n').filter((l) => l.startsWith('- '));
    expect(items).toEqual([
      '- Confirm the admin list (due 28 Nov 2026)',
      '- Share the usage dashboard (due 1 Dec 2026)',
      '- Send the training plan (due 10 Dec 2026)',
      '- Send the training plan (due 20 Dec 2026)',
    ]);
    expect(text).not.toContain('October follow-up');
  });

  it('says so when nothing is open', () => {
    expect(monthlyReport(input()).text).toContain('There are no open follow-ups.');
    expect(monthlyReport(input({ language: 'zh-CN' })).text).toContain('目前没有待跟进事项。');
  });
});

describe('monthlyReport: Markdown and plain text safety', () => {
  const hostile = '*Acme* [click](http://evil) <img src=x onerror=alert(1)>';
  const unescaped = (md: string, s: string) => new RegExp(`(?<!\\\\)${s.replace(/[[\]()*<]/g, (c) => `\\${c}`)}`).test(md);

  it('escapes a hostile account name so it cannot inject formatting, links or HTML', () => {
    const { markdown } = monthlyReport(input({ account: { name: hostile, contractEnd: '2027-03-31' } }));
    expect(markdown).toContain('\\*Acme\\* \\[click\\]\\(http\\:');
    expect(markdown).toContain('\\<img');
    expect(unescaped(markdown, '<img')).toBe(false);
    expect(markdown).not.toContain('](');
    expect(unescaped(markdown, '*Acme')).toBe(false);
  });

  it('escapes every user value: notes, attendees, promises, follow-ups, boss and CSM names', () => {
    const r = monthlyReport(
      input({
        bossName: '<b>Boss</b>',
        account: { name: 'Acme', csm: '[me](http://x)', contractEnd: '2027-03-31' },
        visits: [
          visit('a', '2026-11-05', {
            attendees: ['<script>'],
            notes: '# Heading [a](b)',
            followUps: [{ text: '![img](http://x/y.png)', dueDate: '2026-12-01' }],
          }),
        ],
        promises: [promise('p', '_under_ <i>x</i>')],
        openRequests: [{ title: '| table | row |', dueDate: '2026-12-02' }],
      }),
    );
    expect(r.markdown).not.toMatch(/(?<!\\)[<[]/);
    expect(r.markdown).not.toMatch(/(?<!\\)\]\(/);
    expect(r.markdown).not.toMatch(/(?<!\\)!\[/);
    expect(r.markdown).toContain('\\_under\\_');
    expect(r.markdown).toContain('\\| table \\| row \\|');
    // The plain text keeps what was typed.
    expect(r.text).toContain('Dear <b>Boss</b>,');
    expect(r.text).toContain('# Heading [a](b)');
  });

  it('uses Markdown headings, bold labels and bullets', () => {
    const { markdown } = monthlyReport(input({ visits: [visit('a', '2026-11-05', { bossMet: true })], health: { score: 80, band: 'green' } }));
    expect(markdown).toContain("## This month's service");
    expect(markdown).toContain('## Account health');
    expect(markdown).toContain('**Health score**: 80 (healthy).');
    expect(markdown).toMatch(/^- \*\*5 Nov 2026\*\* · 60 min/m);
    const zh = monthlyReport(input({ language: 'zh-CN', health: { score: 80, band: 'green' } })).markdown;
    expect(zh).toContain('## 健康度');
    expect(zh).toContain('**健康度评分**：80分（健康）。');
  });

  it('drops control characters from the plain text and keeps inline values on one line', () => {
    const r = monthlyReport(
      input({
        account: { name: 'Acme\u0007 Ltd\u0000', csm: 'Li\rNa', contractEnd: '2027-03-31' },
        bossName: 'Wang\nFang',
        visits: [visit('a', '2026-11-05', { attendees: ['Li\u001b[31mLei'], notes: 'line one\r\nline two\u202e' })],
      }),
    );
    expect(r.text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(r.markdown).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    expect(r.subject).toBe('Acme Ltd · Monthly service report, November 2026');
    expect(r.text).toContain('Dear Wang Fang,');
    expect(r.text).toContain('Notes: line one line two');
    expect(r.text).toContain('Attendees: Li[31mLei');
    expect(r.text.trimEnd().endsWith('Best regards,\nLi Na')).toBe(true);
  });
});
