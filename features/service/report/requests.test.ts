import { monthlyReport } from './index';
import { input, lineWith, promise, visit } from './test-fixtures';

/** The status of the customer's requests, in neutral words: never "at risk". */
describe('monthlyReport: the status of their requests', () => {
  const promises = [
    promise('late', 'Custom export', { dueDate: '2026-11-15' }),
    promise('no', 'Offline mode', { deliverable: 'no', dueDate: '2027-01-31' }),
    promise('fine', 'Weekly digest', { dueDate: '2026-12-15' }),
    promise('undated', 'Dedicated trainer'),
    promise('kept', 'SSO integration', { status: 'kept', updatedAt: '2026-11-20T08:00:00.000Z' }),
    promise('kept-old', 'API access', { status: 'kept', updatedAt: '2026-10-20T08:00:00.000Z' }),
    promise('reset', 'Mobile app', { status: 'reset', updatedAt: '2026-11-12T08:00:00.000Z' }),
    promise('broken', 'Custom SLA', { status: 'broken', updatedAt: '2026-11-13T08:00:00.000Z' }),
    promise('gone', 'Deleted promise', { deleted: true }),
  ];

  it('words each request as in progress, delivered, adjusted with them on a date, or not delivered as planned', () => {
    const { text } = monthlyReport(input({ promises }));
    expect(lineWith(text, 'Weekly digest')).toBe('• Weekly digest: in progress, planned for 15 Dec 2026');
    expect(lineWith(text, 'Custom export')).toBe('• Custom export: in progress');
    expect(lineWith(text, 'Offline mode')).toBe('• Offline mode: in progress, planned for 31 Jan 2027');
    expect(lineWith(text, 'Dedicated trainer')).toBe('• Dedicated trainer: in progress');
    expect(lineWith(text, 'SSO integration')).toBe('• SSO integration: delivered');
    expect(lineWith(text, 'Mobile app')).toBe('• Mobile app: adjusted with you on 12 Nov 2026');
    expect(lineWith(text, 'Custom SLA')).toBe('• Custom SLA: not delivered as planned; we will agree the next step with you');
    for (const gone of ['API access', 'Deleted promise']) expect(text).not.toContain(gone);
    expect(text).not.toMatch(/at risk|overdue|cannot be delivered/);
  });

  it('in Chinese too, without 有风险', () => {
    const { text } = monthlyReport(input({ language: 'zh-CN', promises }));
    expect(lineWith(text, 'Weekly digest')).toBe('• Weekly digest：进行中，计划于2026年12月15日完成');
    expect(lineWith(text, 'SSO integration')).toBe('• SSO integration：已交付');
    expect(lineWith(text, 'Mobile app')).toBe('• Mobile app：已于2026年11月12日与您商定调整');
    expect(text).not.toMatch(/有风险|已逾期|无法按原承诺交付/);
  });

  it('lists open requests by due date, undated last, then follow-ups still open from earlier months', () => {
    const openRequests = [{ title: 'Confirm the admin list', dueDate: '2026-12-02' }, { title: 'Confirm the admin list', dueDate: '2026-12-02' }];
    const { text } = monthlyReport(input({ promises, openRequests, visits: [visit('a', '2026-11-05')] }));
    const order = ['Custom export', 'Weekly digest', 'Offline mode', 'Dedicated trainer', 'Confirm the admin list'].map((p) => text.indexOf(p));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text.split('\n').filter((l) => l.includes('Confirm the admin list'))).toEqual(['• Confirm the admin list: in progress, planned for 2 Dec 2026', '• Confirm the admin list (by 2 Dec 2026)']);
  });

  it('says nothing is open when nothing is', () => {
    expect(monthlyReport(input()).text).toContain('Your requests\nNothing is open on your side.');
    expect(monthlyReport(input({ language: 'zh-CN' })).text).toContain('目前没有待处理的需求。');
  });
});
