import { monthlyReport } from './index';
import { input, lineWith, visit } from './test-fixtures';

describe('monthlyReport: subject, greeting and sign-off', () => {
  it('writes the English subject with the full month name, and greets the boss by name', () => {
    const r = monthlyReport(input());
    expect(r.subject).toBe('Acme Ltd · Monthly service report, November 2026');
    expect(r.text.startsWith('Dear Wang Fang,')).toBe(true);
    expect(r.text).toContain('Here is what we worked on with Acme Ltd in November 2026.');
    expect(r.text.trimEnd().endsWith('Best regards,\nLi Na')).toBe(true);
  });

  it('writes the Chinese subject, greeting, headings and sign-off', () => {
    const r = monthlyReport(input({ language: 'zh-CN' }));
    expect(r.subject).toBe('Acme Ltd · 2026年11月服务报告');
    expect(r.text.startsWith('Wang Fang，您好！')).toBe(true);
    expect(r.text).toContain('现将2026年11月我们与Acme Ltd一起开展的服务情况汇报如下');
    for (const h of ['本月我们一起做了什么', '您的需求', '下月计划']) expect(r.text.split('\n')).toContain(h);
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
});

describe('monthlyReport: what we did together this month', () => {
  const visits = [
    visit('before', '2026-10-31', { notes: 'October visit' }),
    visit('v2', '2026-11-23', { durationMin: 90, attendees: ['Li Lei', 'Han Meimei'], checklistDone: ['team.usage', 'prepare.health'] }),
    visit('v1', '2026-11-01', { durationMin: 45, notes: 'First of the month', followUps: [{ text: 'Send the training plan', dueDate: '2026-12-05' }] }),
    visit('deleted', '2026-11-15', { deleted: true, notes: 'Deleted visit' }),
    visit('after', '2026-12-01', { notes: 'December visit' }),
  ];
  const checklistLabels = { 'team.usage': 'Usage review' };

  it('lists only the non-deleted visits dated in the month, in date order', () => {
    const { text } = monthlyReport(input({ visits, checklistLabels }));
    expect(text).toContain('We met 2 times this month, 135 minutes in total.');
    for (const gone of ['October visit', 'December visit', 'Deleted visit', '31 Oct 2026', '15 Nov 2026']) expect(text).not.toContain(gone);
    expect(text.indexOf('1 Nov 2026')).toBeLessThan(text.indexOf('23 Nov 2026'));
  });

  it('gives each visit its date, length, attendees, whether the boss joined, its topics and notes', () => {
    const { text } = monthlyReport(input({ visits, checklistLabels }));
    expect(lineWith(text, '23 Nov 2026')).toBe('• 23 Nov 2026 · 90 min · with Li Lei, Han Meimei · without you');
    // The topics worded for the customer; our own preparation items have no label and are not listed.
    expect(text).toContain('  ◦ Topics: Usage review');
    expect(text).toContain('  ◦ Notes: First of the month');
    const zh = monthlyReport(input({ language: 'zh-CN', visits, checklistLabels })).text;
    expect(lineWith(zh, '2026年11月23日')).toBe('• 2026年11月23日 · 90分钟 · 参会人 Li Lei、Han Meimei · 您未参加');
    expect(zh).toContain('本月共会面2次，累计135分钟。');
  });

  it("lists the month's follow-ups with their due dates", () => {
    const { text } = monthlyReport(input({ visits }));
    expect(text).toContain('Follow-ups agreed this month:\n\n• Send the training plan (by 5 Dec 2026)');
    expect(monthlyReport(input({ language: 'zh-CN', visits })).text).toContain('本月商定的后续事项：\n\n• Send the training plan（2026年12月5日前）');
  });

  it('says so when no visit took place in the month', () => {
    const only = [visit('before', '2026-10-31'), visit('after', '2026-12-01')];
    expect(monthlyReport(input({ visits: only })).text).toContain('We did not hold a service visit this month.');
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

  it('is true when the month had visits and the boss joined none, and adds a written summary', () => {
    const r = monthlyReport(input({ visits: [visit('a', '2026-11-03', { notes: 'Adoption is up in sales', followUps }), visit('b', '2026-11-20')] }));
    expect(r.bossAbsent).toBe(true);
    expect(r.text.split('\n')).toContain('Summary for you');
    expect(r.text).toContain('• Discussed on 3 Nov 2026: Adoption is up in sales');
    expect(r.text).toContain('• Agreed next steps: Send the training plan (by 5 Dec 2026)');
    expect(monthlyReport(input({ language: 'zh-CN', visits: [visit('a', '2026-11-03')] })).text).toContain('写给您的摘要');
  });

  it('is false when the boss joined at least one visit, or when there was no visit this month', () => {
    const joined = monthlyReport(input({ visits: [visit('a', '2026-11-03'), visit('b', '2026-11-20', { bossMet: true })] }));
    expect(joined.bossAbsent).toBe(false);
    expect(joined.text).not.toContain('Summary for you');
    expect(lineWith(joined.text, '20 Nov 2026')).toContain('you joined');
    const none = monthlyReport(input({ visits: [visit('old', '2026-10-15')] }));
    expect(none.bossAbsent).toBe(false);
    expect(none.text).not.toContain('Summary for you');
  });
});

describe('monthlyReport: next month', () => {
  it("plans what falls due next month, and gives the next service day", () => {
    const r = monthlyReport(
      input({
        visits: [visit('a', '2026-11-05', { followUps: [{ text: 'Share the dashboard', dueDate: '2026-12-10' }, { text: 'Later', dueDate: '2027-01-20' }] })],
        openRequests: [{ title: 'Confirm the admin list', dueDate: '2026-12-02' }],
        nextServiceDay: '2026-12-18',
      }),
    );
    const next = r.text.slice(r.text.indexOf('\nNext month\n'));
    expect(next).toContain('What we plan for December 2026:\n\n• Confirm the admin list (by 2 Dec 2026)\n• Share the dashboard (by 10 Dec 2026)');
    expect(next).not.toContain('Later');
    expect(next).toContain('Our next service day: 18 Dec 2026');
    const zh = monthlyReport(input({ language: 'zh-CN', nextServiceDay: '2026-12-18' })).text;
    expect(zh).toContain('我们将继续推进上述工作。');
    expect(zh).toContain('下次服务日：2026年12月18日');
  });
});
