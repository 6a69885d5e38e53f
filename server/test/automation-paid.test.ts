// @vitest-environment node
import { ContractSchema, handoverId } from '../../data/model/records';
import { DeliveryListSchema } from '../../features/channels/schemas';
import { csmIntroChat, introInputOf } from '../../features/handover';
import { ScheduledListSchema, type ScheduledMessage } from '../../features/channels/scheduled';
import { runAutomation } from '../src/automation/engine';
import { UNPAID_NOTE } from '../src/automation/welcome';
import { runDueDeliveries } from '../src/channels/deliveries';
import { setChannel } from '../src/channels/store';
import type { Log } from '../src/log';
import { fakeAccounts } from '../../tests/support/fake-api-data';
import { backends, Harness, sample, useBackend } from './helpers';
import { wecomReceiver } from './robot';

/**
 * The welcome's second occasion: a contract marked paid (`paidAt` set where
 * it was empty) schedules the CSM's welcome when the write arrives, with the
 * rule's delay, preview and undo window, at most once per account whichever
 * occasion comes first; clearing the mark before it is due cancels it.
 */
const T0 = new Date('2026-11-20T02:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(backends())('the paid welcome on $name', (backend) => {
  useBackend(backend);
  const account = fakeAccounts(1)[0]!;
  const ACCOUNT = account.id;
  const CONTRACT = 'term-1';
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function setup() {
    let clock = T0;
    const log: Log = () => undefined;
    const h = new Harness(await backend.fresh(), () => clock, log);
    await h.seed('team-a', fakeAccounts(2));
    const manager = await h.token('team-a', 'Mia Chen', 'manager');
    const csm = await h.token('team-a', 'Dana Lee', 'csm');
    const sales = await h.token('team-a', 'Sam Wu', 'sales');
    const robot = await wecomReceiver();
    closers.push(robot.close);
    await setChannel(h.sql, 'team-a', 'wecom', { kind: 'wecom', url: robot.url }, T0);
    const turnOn = (settings: Record<string, unknown>) =>
      h.request('/v1/automation/rules/welcome', { method: 'PUT', token: manager, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ enabled: true, channel: 'wecom', ...settings }) });
    const scheduled = async (accountId = ACCOUNT): Promise<ScheduledMessage[]> => ScheduledListSchema.parse((await h.get(csm, `/v1/automation/scheduled?accountId=${accountId}`)).json).items;
    const tick = async (when: Date) => {
      clock = when;
      const auto = await runAutomation(h.sql, log, when);
      return { ...auto, sent: (await runDueDeliveries(h.sql, log, when)).sent };
    };
    /** The contract as the panel writes it (no base: every field is the body's, so a missing paidAt clears it). */
    const contract = (fields: Record<string, unknown> = {}, accountId = ACCOUNT, id = CONTRACT) => h.putOk(csm, 'contracts', { ...sample.contracts(id, accountId), ...fields });
    const markPaid = (paidAt = '2026-11-20', accountId = ACCOUNT, id = CONTRACT) => contract({ paidAt }, accountId, id);
    const accept = async (accountId = ACCOUNT) => {
      const handover = { ...sample.handovers(handoverId(accountId), accountId), outcomes: ['Quotes out in 1 day instead of 3'] };
      await h.putOk(sales, 'handovers', handover);
      return h.putOk(csm, 'handovers', { ...handover, status: 'accepted' });
    };
    const setClock = (when: Date) => void (clock = when);
    return { h, csm, robot, turnOn, scheduled, tick, contract, markPaid, accept, setClock };
  }

  it('marked paid → scheduled at once for the delay, with its preview; sent once when due', async () => {
    const { h, csm, turnOn, scheduled, tick, markPaid, robot, setClock } = await setup();
    expect((await turnOn({ delayMinutes: 20 })).status).toBe(200);
    setClock(at(3));
    const stored = await markPaid();
    expect(stored.paidAt).toBe('2026-11-20');

    const [job] = await scheduled();
    expect(job).toMatchObject({ rule: 'welcome', accountId: ACCOUNT, channel: 'wecom', kind: 'wecom', state: 'scheduled', dueAt: at(23).toISOString(), subject: null, to: [] });
    // No handover on the account: the introduction says what the account itself says.
    const bare = { id: handoverId(ACCOUNT), accountId: ACCOUNT, createdAt: at(3).toISOString(), updatedAt: at(3).toISOString(), status: 'accepted' as const };
    const expected = csmIntroChat(introInputOf({ account: account as never, handover: bare, milestones: [], plan: undefined, language: 'en', today: '2026-11-20', csmFallback: 'your customer success manager' }));
    expect(job!.text).toBe(expected);
    expect(job!.text).toContain(account.name);

    expect(await tick(at(22.9))).toMatchObject({ queued: 0, sent: 0 });
    expect(robot.texts).toEqual([]);
    expect(await tick(at(23))).toMatchObject({ queued: 1, sent: 1 });
    await tick(at(60));
    expect(robot.texts).toEqual([expected]);
    const deliveries = DeliveryListSchema.parse((await h.get(csm, `/v1/deliveries?accountId=${ACCOUNT}`)).json).items;
    expect(deliveries).toEqual([expect.objectContaining({ state: 'sent', createdBy: 'automation: welcome' })]);
  });

  it('welcomes once per account: a second paid write, another term paid or an accepted handover afterwards schedules nothing more', async () => {
    const { turnOn, scheduled, tick, contract, markPaid, accept, robot } = await setup();
    await turnOn({ delayMinutes: 10 });
    await markPaid();
    expect(await scheduled()).toHaveLength(1);
    // The same contract written again with its mark, another field edited, the mark moved to another day.
    await markPaid();
    await contract({ paidAt: '2026-11-20', value: 60_000 });
    await markPaid('2026-11-19');
    // Another term of the account marked paid, and the handover accepted.
    await markPaid('2026-11-20', ACCOUNT, 'term-2');
    await accept();
    expect(await tick(at(1))).toMatchObject({ scheduled: 0 });
    expect(await scheduled()).toHaveLength(1);
    await tick(at(10));
    await tick(at(30));
    expect(robot.texts).toHaveLength(1);
  });

  it('a handover accepted first has the welcome: the paid mark after it schedules nothing', async () => {
    const { turnOn, scheduled, tick, markPaid, accept } = await setup();
    await turnOn({ delayMinutes: 10 });
    await accept();
    expect(await tick(at(0))).toMatchObject({ scheduled: 1 });
    await markPaid();
    expect((await scheduled()).map((j) => j.dueAt)).toEqual([at(10).toISOString()]);
  });

  it('clearing the mark before it is due cancels the welcome; marking it again schedules anew; after it was sent, clearing changes nothing', async () => {
    const { turnOn, scheduled, tick, contract, markPaid, robot, setClock } = await setup();
    await turnOn({ delayMinutes: 10 });
    await markPaid();
    setClock(at(0.2));
    const cleared = await contract();
    expect(cleared.paidAt).toBeUndefined();
    const [undone] = await scheduled();
    expect(undone).toMatchObject({ state: 'cancelled', note: UNPAID_NOTE });
    await tick(at(10));
    await tick(at(30));
    expect(robot.texts).toEqual([]);

    setClock(at(31));
    await markPaid();
    const jobs = await scheduled();
    expect(jobs.map((j) => j.state)).toEqual(['scheduled', 'cancelled']);
    expect(jobs[0]!.dueAt).toBe(at(41).toISOString());
    await tick(at(41));
    expect(robot.texts).toHaveLength(1);
    setClock(at(42));
    await contract();
    expect((await scheduled())[0]).toMatchObject({ state: 'queued', deliveryState: 'sent' });
  });

  it('schedules nothing while the rule is off, or for a mark made before it was turned on', async () => {
    const { turnOn, scheduled, tick, contract, markPaid, robot, setClock } = await setup();
    await markPaid();
    expect(await scheduled()).toEqual([]);
    await turnOn({ delayMinutes: 10 });
    // Paid before the rule was on: edited afterwards, it is no new occasion.
    await contract({ paidAt: '2026-11-20', value: 1 });
    const other = fakeAccounts(2)[1]!.id;
    await turnOn({ delayMinutes: 10, enabled: false });
    await markPaid('2026-11-20', other);
    await tick(at(30));
    expect(await scheduled()).toEqual([]);
    expect(await scheduled(other)).toEqual([]);
    // Turned off after scheduling: the welcome not yet due does not go.
    await turnOn({ delayMinutes: 10 });
    setClock(at(31));
    await markPaid('2026-11-20', other, 'term-other');
    expect(await scheduled(other)).toHaveLength(1);
    await turnOn({ delayMinutes: 10, enabled: false });
    await tick(at(60));
    expect(robot.texts).toEqual([]);
  });

  it('a paid date more than two days before the server learns of it is recorded as too late, and sends nothing', async () => {
    const { turnOn, scheduled, tick, markPaid, robot } = await setup();
    await turnOn({ delayMinutes: 0 });
    await markPaid('2026-11-17');
    expect((await scheduled())[0]).toMatchObject({ state: 'skipped', note: expect.stringMatching(/marked paid on 2026-11-17.*too late/) });
    await tick(at(5));
    expect(robot.texts).toEqual([]);
  });

  it('keeps contracts without paidAt as they were: they parse unchanged and are no occasion', async () => {
    const { turnOn, scheduled, contract } = await setup();
    const old = sample.contracts(CONTRACT, ACCOUNT);
    expect(ContractSchema.parse(old)).toEqual(old);
    expect(ContractSchema.safeParse({ ...old, paidAt: '20 Nov 2026' }).success).toBe(false);
    await turnOn({ delayMinutes: 10 });
    const stored = await contract();
    expect(stored).not.toHaveProperty('paidAt');
    expect(await scheduled()).toEqual([]);
  });
});
