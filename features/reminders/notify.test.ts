import { remindersEn } from './strings.en';
import { remindersZhCN } from './strings.zh-CN';
import { notificationFor } from './notify';
import type { ReminderItem } from './select';
import { reminderTranslator } from './test-fixtures';

const en = reminderTranslator('en');
const zh = reminderTranslator('zh-CN');

const tp = (accountId: string, accountName: string, over: Partial<ReminderItem> = {}): ReminderItem => ({
  key: `tp:${accountId}:2026-04-09:30`, kind: 'touchpoint', accountId, accountName, title: '30', date: '2026-03-10', ...over,
});
const step = (accountId: string, accountName: string, title: string, date = '2026-03-10'): ReminderItem => ({
  key: `cta:${title}:${date}`, kind: 'cta', accountId, accountName, title, date,
});
const visit = (accountId: string, accountName: string): ReminderItem => ({
  key: `sd:${accountId}:2026-03-27`, kind: 'service_day', accountId, accountName, title: '2026-03', date: '2026-03-27',
});

describe('notificationFor: one reminder', () => {
  it('is null when there is nothing to say', () => {
    expect(notificationFor([], en)).toBeNull();
  });

  it('words a next step (CTA) in English and Chinese, and opens its account', () => {
    const item = step('a1', 'Acme', 'Send the QBR deck');
    expect(notificationFor([item], en)).toEqual({ title: 'Next step due: Acme', message: 'Send the QBR deck (due Mar 10, 2026)', items: [], openAccountId: 'a1' });
    expect(notificationFor([item], zh)).toEqual({ title: '下一步行动到期：Acme', message: 'Send the QBR deck（截止日期：2026年3月10日）', items: [], openAccountId: 'a1' });
  });

  it('words a renewal touchpoint, CSM-led or automated', () => {
    expect(notificationFor([tp('a1', 'Acme')], en)).toMatchObject({
      title: 'Renewal touchpoint due: Acme',
      message: 'Contact the customer for the touchpoint 30 days before the contract ends (due Mar 10, 2026).',
    });
    expect(notificationFor([tp('s1', 'Small Co', { automated: true })], en)).toMatchObject({
      title: 'Renewal message due: Small Co',
      message: 'Check that the automated renewal message 30 days before the contract ends goes out (due Mar 10, 2026).',
    });
    expect(notificationFor([tp('a1', '华东制造')], zh)).toMatchObject({
      title: '续约触点到期：华东制造',
      message: '请联系客户，完成合同到期前 30 天的续约触点（2026年3月10日到期）。',
    });
  });

  it('words tomorrow’s service day with the month it serves', () => {
    expect(notificationFor([visit('a1', 'Acme')], en)).toMatchObject({
      title: 'Service day tomorrow: Acme',
      message: 'Tomorrow, Mar 27, 2026, is the service day for March 2026: get ready for the visit.',
      openAccountId: 'a1',
    });
    expect(notificationFor([visit('a1', 'Acme')], zh)).toMatchObject({
      title: '明天是服务日：Acme',
      message: '明天（2026年3月27日）是2026年3月的服务日，请做好拜访准备。',
    });
  });
});

describe('notificationFor: several reminders', () => {
  const batch = [tp('a1', 'Acme'), tp('s1', 'Small Co', { automated: true }), step('a1', 'Acme', 'Send the QBR deck'), step('b1', 'Beta', 'Call the new champion'), visit('c1', 'Gamma')];

  it('summarises a mix of today’s and tomorrow’s reminders in English, one line each, and opens the portfolio', () => {
    expect(notificationFor(batch, en)).toEqual({
      title: '5 reminders for today and tomorrow',
      message: '2 renewal touchpoints, 2 next steps, 1 service day tomorrow',
      items: [
        { title: 'Acme', message: 'Renewal touchpoint, 30 days before the end' },
        { title: 'Small Co', message: 'Automated renewal message, 30 days before the end' },
        { title: 'Acme', message: 'Next step: Send the QBR deck' },
        { title: 'Beta', message: 'Next step: Call the new champion' },
        { title: 'Gamma', message: 'Service day tomorrow' },
      ],
      openAccountId: null,
    });
  });

  it('summarises the same batch in Chinese', () => {
    const n = notificationFor(batch, zh);
    expect(n?.title).toBe('今明两天共有 5 项提醒');
    expect(n?.message).toBe('2 个续约触点、2 项下一步行动、明天 1 个服务日');
    expect(n?.items.map((i) => i.message)).toEqual(['续约触点（到期前 30 天）', '自动续约消息（到期前 30 天）', '下一步行动：Send the QBR deck', '下一步行动：Call the new champion', '明天是服务日']);
  });

  it('says “due today” when nothing is for tomorrow, and “tomorrow” when only service days are', () => {
    expect(notificationFor([step('a1', 'Acme', 'x'), step('b1', 'Beta', 'y')], en)).toMatchObject({ title: '2 things due today', message: '2 next steps' });
    expect(notificationFor([tp('a1', 'Acme'), step('b1', 'Beta', 'y')], zh)).toMatchObject({ title: '今天有 2 项待办到期', message: '1 个续约触点、1 项下一步行动' });
    expect(notificationFor([visit('a1', 'Acme'), visit('b1', 'Beta'), visit('c1', 'Gamma')], en)).toMatchObject({ title: '3 service days tomorrow', message: '3 service days tomorrow' });
  });

  it('shows four lines and “and n more” when there are more than five', () => {
    const many = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((x) => step(x, x, `Step ${x}`));
    const n = notificationFor(many, en);
    expect(n?.title).toBe('7 things due today');
    expect(n?.items).toHaveLength(5);
    expect(n?.items.slice(0, 4).map((i) => i.title)).toEqual(['A', 'B', 'C', 'D']);
    expect(n?.items[4]).toEqual({ title: 'And 3 more', message: 'Click to see them all.' });
    expect(notificationFor(many, zh)?.items[4]).toEqual({ title: '还有 3 项', message: '点击查看全部。' });
  });

  it('opens the account itself when every reminder is about the same one', () => {
    expect(notificationFor([tp('a1', 'Acme'), step('a1', 'Acme', 'x')], en)?.openAccountId).toBe('a1');
  });
});

describe('reminder strings', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('use the same placeholders in Chinese as in English, key by key', () => {
    for (const key of Object.keys(remindersEn) as (keyof typeof remindersEn)[]) {
      expect([key, placeholders(remindersZhCN[key])]).toEqual([key, placeholders(remindersEn[key])]);
    }
  });

  it('come in _one/_other pairs for plurals and use the reminder. prefix', () => {
    const keys = Object.keys(remindersEn);
    for (const k of keys) {
      expect(k.startsWith('reminder.')).toBe(true);
      if (k.endsWith('_one')) expect(keys).toContain(k.replace(/_one$/, '_other'));
      if (k.endsWith('_other')) expect(keys).toContain(k.replace(/_other$/, '_one'));
    }
  });
});
