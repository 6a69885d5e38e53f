import { evaluateAccountCtas, wordCtaTitle } from './evaluate';
import { LensDB } from '../../data/db/db';
import { loadDemoData } from '../demo/load';
import { translator } from '../../shared/i18n';
import { serviceSettingsItem } from '../../features/engine-settings';

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
  it("raises the key person gone quiet CTA at the service settings' threshold", async () => {
    const db = new LensDB('evaluate-quiet');
    const T = '2026-11-01T00:00:00.000Z';
    await db.accounts.put({ id: 'acc-q', crm: 'salesforce', recordId: '001Q', name: 'Quiet Co', contractEnd: '2028-01-01', csm: 'Cleo', createdAt: T, updatedAt: T });
    await db.handovers.put({ id: 'handover:acc-q', accountId: 'acc-q', createdAt: T, updatedAt: T, status: 'accepted', keyPeople: [{ id: 'p-boss', role: 'boss', name: 'Wang Lei', contact: 'wang@example.cn' }] });
    // On Nov 23 the boss has not used the product for 13 days.
    await db.snapshots.put({ id: 'acc-q:2026-11-23', accountId: 'acc-q', asOf: '2026-11-23', inputs: {}, usage: { keyPeople: [{ person: 'p-boss', lastActiveOn: '2026-11-10' }] }, createdAt: T, updatedAt: T });
    const quiet = async () => (await db.ctas.where('accountId').equals('acc-q').toArray()).filter((c) => c.cause.startsWith('people:quiet:')).map((c) => c.title);
    await serviceSettingsItem.setValue(null);
    await evaluateAccountCtas(db, 'acc-q', NOW, translator('en'));
    expect(await quiet()).toEqual([]);
    await serviceSettingsItem.setValue({ keyPersonQuietDays: 14 } as never);
    await evaluateAccountCtas(db, 'acc-q', NOW, translator('en'));
    expect(await quiet()).toEqual([]);
    await serviceSettingsItem.setValue({ keyPersonQuietDays: 13 } as never);
    await evaluateAccountCtas(db, 'acc-q', NOW, translator('en'));
    expect(await quiet()).toEqual(['Key person gone quiet: Wang Lei (boss) has not used the product for 13 days']);
  });
});
