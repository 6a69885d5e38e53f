import { evaluateAccountCtas, wordCtaTitle } from './evaluate';
import { LensDB } from '../../data/db/db';
import { loadDemoData } from '../demo/load';
import { translator } from '../../shared/i18n';

const NOW = new Date(2026, 10, 23, 10);

describe("evaluating an account's calls to action", () => {
  it('raises them once per cause, through the outbox, and words them in the user language', async () => {
    const db = new LensDB('evaluate-1');
    await loadDemoData(db, NOW);
    const red = (await db.accounts.get('demo-003'))!; // red three weeks running
    const first = await evaluateAccountCtas(db, red.id, NOW, translator('zh-CN'));
    expect(first.created).toBeGreaterThanOrEqual(1);
    const ctas = await db.ctas.where('accountId').equals(red.id).toArray();
    const streak = ctas.find((c) => c.cause.startsWith(`health:red-streak:${red.id}:`));
    expect(streak?.title).toMatch(/^健康度连续 \d 周为红色（\d+ 分）/);
    expect(streak?.id).toBe(`cta:${streak?.cause}`);
    expect(await db.outbox.count()).toBe(first.created);
    // Evaluating again raises nothing new, even after the CTA was closed.
    await db.ctas.update(streak!.id, { status: 'closed' });
    expect((await evaluateAccountCtas(db, red.id, NOW, translator('en'))).created).toBe(0);
    expect(await db.ctas.where('accountId').equals(red.id).count()).toBe(ctas.length);
  });

  it('words every kind of CTA', () => {
    const en = translator('en');
    expect(wordCtaTitle({ title: { code: 'renewal_touchpoint', params: { offset: 60, mode: 'csm' } } }, en)).toBe('Renewal touchpoint 60 days before the end was missed: contact the customer');
    expect(wordCtaTitle({ title: { code: 'onboarding_milestone', params: { key: 'kick_off' } } }, en)).toBe('Onboarding milestone overdue: Kick-off');
    expect(wordCtaTitle({ title: { code: 'onboarding_milestone', params: { key: 'custom_step', title: 'SSO live' } } }, en)).toBe('Onboarding milestone overdue: SSO live');
    expect(wordCtaTitle({ title: { code: 'churn_recovery', params: {} } }, en)).toBe('The customer said they will not renew: start churn recovery now');
  });
});
