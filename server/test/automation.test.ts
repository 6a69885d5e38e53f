// @vitest-environment node
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { handoverId } from '../../data/model/records';
import { DeliveryListSchema } from '../../features/channels/schemas';
import { csmIntroChat, csmIntroMessage, introInputOf } from '../../features/handover';
import { ScheduledAnswerSchema, ScheduledListSchema, type ScheduledMessage } from '../../features/channels/scheduled';
import { automationCli } from '../src/automation/cli';
import { runAutomation } from '../src/automation/engine';
import { runDueDeliveries } from '../src/channels/deliveries';
import { setChannel } from '../src/channels/store';
import type { Log } from '../src/log';
import { fakeAccounts } from '../../tests/support/fake-api-data';
import { backends, expectError, Harness, sample, useBackend } from './helpers';
import { wecomReceiver } from './robot';

/**
 * The automations with a fake clock: the engine and the delivery worker are
 * run at chosen instants, a local HTTP receiver stands in for a WeCom group
 * robot (POST {"msgtype":"text","text":{"content":…}} to
 * /cgi-bin/webhook/send?key=…, answered {"errcode":0}:
 * https://developer.work.weixin.qq.com/document/path/91770) and a real SMTP
 * server (smtp-server) receives the e-mail.
 */
const T0 = new Date('2026-11-20T02:00:00.000Z');
const at = (minutes: number, from = T0) => new Date(from.getTime() + minutes * 60_000);

async function mailbox() {
  const mails: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(backends())('automation on $name', (backend) => {
  useBackend(backend);
  const ACCOUNT = fakeAccounts(1)[0]!.id;
  const HANDOVER = handoverId(ACCOUNT);
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function setup() {
    let clock = T0;
    const logs: Record<string, unknown>[] = [];
    const log: Log = (level, msg, fields = {}) => void logs.push({ level, msg, ...fields });
    const h = new Harness(await backend.fresh(), () => clock, log);
    await h.seed('team-a', fakeAccounts(2));
    const manager = await h.token('team-a', 'Mia Chen', 'manager');
    const csm = await h.token('team-a', 'Dana Lee', 'csm');
    const sales = await h.token('team-a', 'Sam Wu', 'sales');
    const robot = await wecomReceiver();
    closers.push(robot.close);
    await setChannel(h.sql, 'team-a', 'wecom', { kind: 'wecom', url: robot.url }, T0);
    const json = (token: string, path: string, method: string, body?: unknown) =>
      h.request(path, { method, token, headers: { 'Content-Type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const turnOn = (rule: string, settings: Record<string, unknown>) => json(manager, `/v1/automation/rules/${rule}`, 'PUT', { enabled: true, ...settings });
    const scheduled = async (accountId = ACCOUNT): Promise<ScheduledMessage[]> => {
      const a = await h.get(csm, `/v1/automation/scheduled?accountId=${accountId}`);
      expect(a.status, a.text).toBe(200);
      return ScheduledListSchema.parse(a.json).items;
    };
    /** One worker tick at the clock's time: the automations, then the deliveries due. */
    const tick = async (when: Date) => {
      clock = when;
      const auto = await runAutomation(h.sql, log, when);
      const sent = await runDueDeliveries(h.sql, log, when);
      return { ...auto, sent: sent.sent };
    };
    const submit = (accountId = ACCOUNT) =>
      h.putOk(sales, 'handovers', { ...sample.handovers(handoverId(accountId), accountId), outcomes: ['Quotes out in 1 day instead of 3'] });
    const accept = (token = csm, accountId = ACCOUNT) =>
      h.putOk(token, 'handovers', { ...sample.handovers(handoverId(accountId), accountId), status: 'accepted', outcomes: ['Quotes out in 1 day instead of 3'] });
    const setClock = (when: Date) => void (clock = when);
    return { h, manager, csm, sales, robot, json, turnOn, scheduled, tick, submit, accept, setClock, logs };
  }

  it('is off by default: an accepted handover schedules nothing', async () => {
    const { submit, accept, tick, scheduled, robot } = await setup();
    await submit();
    await accept();
    expect(await tick(at(1))).toMatchObject({ scheduled: 0, queued: 0 });
    await tick(at(60));
    expect(await scheduled()).toEqual([]);
    expect(robot.texts).toEqual([]);
  });

  it('accepted → scheduled at the delay with its preview → not sent before → sent once after, even when the accept is pushed again from two devices', async () => {
    const { h, turnOn, submit, accept, tick, scheduled, robot, setClock } = await setup();
    expect((await turnOn('welcome', { channel: 'wecom', delayMinutes: 20 })).status).toBe(200);
    await submit();
    setClock(at(2));
    const accepted = await accept();
    expect(accepted.decidedAt).toBe(at(2).toISOString());

    expect((await tick(at(2))).scheduled).toBe(1);
    const [job] = await scheduled();
    expect(job).toMatchObject({ rule: 'welcome', accountId: ACCOUNT, channel: 'wecom', kind: 'wecom', state: 'scheduled', dueAt: at(22).toISOString(), subject: null, to: [] });
    // The preview is the panel's chat wording of the introduction, from the same records.
    const account = fakeAccounts(1)[0]!;
    const expected = csmIntroChat(introInputOf({ account: account as never, handover: accepted, milestones: [], plan: undefined, language: 'en', today: '2026-11-20', csmFallback: 'your customer success manager' }));
    expect(job!.text).toBe(expected);
    expect(job!.text).toContain('Quotes out in 1 day instead of 3');

    // The same accept pushed again (a retry with a new key) and from a second CSM's device.
    await accept();
    await accept(await h.token('team-a', 'Lin Zhou', 'csm'));
    expect((await tick(at(10))).scheduled).toBe(0);
    await tick(at(21.9));
    expect(robot.texts).toEqual([]);
    expect(await scheduled()).toHaveLength(1);

    expect(await tick(at(22))).toMatchObject({ queued: 1, sent: 1 });
    await tick(at(40));
    await tick(at(120));
    expect(robot.texts).toEqual([expected]);
    const [after] = await scheduled();
    expect(after).toMatchObject({ state: 'queued', deliveryState: 'sent' });
    const deliveries = DeliveryListSchema.parse((await h.get(await h.token('team-a', 'Dana Lee', 'csm'), `/v1/deliveries?accountId=${ACCOUNT}`)).json).items;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ state: 'sent', createdBy: 'automation: welcome', text: expected });
  });

  it('cancelled → never sent; too late once handed over', async () => {
    const { h, json, csm, turnOn, submit, accept, tick, scheduled, robot } = await setup();
    await turnOn('welcome', { channel: 'wecom', delayMinutes: 15 });
    await submit();
    await accept();
    await tick(at(1));
    const [job] = await scheduled();
    const cancelled = await json(csm, `/v1/automation/scheduled/${job!.id}/cancel`, 'POST');
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(ScheduledAnswerSchema.parse(cancelled.json).scheduled).toMatchObject({ state: 'cancelled', note: 'cancelled by Dana Lee' });
    for (const m of [15, 16, 60, 24 * 60]) await tick(at(m));
    expect(robot.texts).toEqual([]);
    expect((await scheduled())[0]!.state).toBe('cancelled');
    expectError(await json(csm, `/v1/automation/scheduled/${job!.id}/cancel`, 'POST'), 409, 'too_late');
    expectError(await json(csm, '/v1/automation/scheduled/auto_nope/cancel', 'POST'), 404, 'not_found');
    // Another team sees none of it and cannot cancel it.
    await h.seed('team-b', fakeAccounts(1));
    const stranger = await h.token('team-b', 'Eve', 'manager');
    expect(ScheduledListSchema.parse((await h.get(stranger, `/v1/automation/scheduled?accountId=${ACCOUNT}`)).json).items).toEqual([]);
    expectError(await json(stranger, `/v1/automation/scheduled/${job!.id}/cancel`, 'POST'), 404, 'not_found');
  });

  it('welcomes only what is accepted after it is turned on; turning it off stops what is not yet due', async () => {
    const { turnOn, submit, accept, tick, scheduled, robot, setClock } = await setup();
    await submit();
    await accept();
    setClock(at(5));
    await turnOn('welcome', { channel: 'wecom', delayMinutes: 20 });
    await tick(at(6));
    expect(await scheduled()).toEqual([]);

    const other = fakeAccounts(2)[1]!.id;
    await submit(other);
    setClock(at(7));
    await accept(undefined, other);
    await tick(at(8));
    expect(await scheduled(other)).toHaveLength(1);
    await turnOn('welcome', { channel: 'wecom', delayMinutes: 20, enabled: false });
    await tick(at(30));
    expect(robot.texts).toEqual([]);
    expect((await scheduled(other))[0]).toMatchObject({ state: 'cancelled', note: 'the automation was turned off before it was due' });
  });

  it('sends the e-mail wording to the customer’s address by an e-mail channel; without an address it says why and sends nothing', async () => {
    const { h, csm, turnOn, submit, accept, tick, scheduled } = await setup();
    const box = await mailbox();
    closers.push(box.close);
    await setChannel(h.sql, 'team-a', 'mail', { kind: 'email', host: '127.0.0.1', port: box.port, secure: false, from: 'Lens <lens@example.com>' }, T0);
    await turnOn('welcome', { channel: 'mail', delayMinutes: 0 });
    const plan = { ...sample.plans('plan-1', ACCOUNT), language: 'zh-CN' as const, bossEmail: 'boss@customer.example' };
    await h.putOk(csm, 'plans', plan);
    await submit();
    const accepted = await accept();
    const other = fakeAccounts(2)[1]!.id;
    await submit(other);
    await accept(undefined, other);
    await tick(at(0));
    await tick(at(1));
    const [job] = await scheduled();
    const mail = csmIntroMessage(introInputOf({ account: fakeAccounts(1)[0]! as never, handover: accepted, milestones: [], plan: plan as never, language: 'zh-CN', today: '2026-11-20', csmFallback: '您的客户成功经理' }));
    expect(job).toMatchObject({ kind: 'email', to: ['boss@customer.example'], subject: mail.subject, text: mail.text, deliveryState: 'sent' });
    expect(box.mails).toHaveLength(1);
    expect(box.mails[0]!.to).toEqual(['boss@customer.example']);
    expect((await scheduled(other))[0]).toMatchObject({ state: 'skipped', note: expect.stringMatching(/no e-mail address for the customer/) });
  });

  it('reminds the CSM on the report’s due day from 09:00 in the team’s time zone, once a month, not when the report is recorded', async () => {
    const { h, csm, turnOn, tick, scheduled, robot } = await setup();
    // Service day: the 15th. 15 Dec 2026 is a Tuesday, 15 Jan 2027 a Friday; 09:00 in Shanghai is 01:00 UTC.
    await h.putOk(csm, 'plans', { ...sample.plans('plan-1', ACCOUNT), serviceDay: { kind: 'day_of_month', day: 15 } });
    const other = fakeAccounts(2)[1]!.id;
    await h.putOk(csm, 'plans', { ...sample.plans('plan-2', other), serviceDay: { kind: 'day_of_month', day: 15 } });
    await h.putOk(csm, 'reports', { ...sample.reports('report-2', other), month: '2026-12', sentAt: '2026-12-14' });
    expect((await turnOn('report-reminder', { channel: 'wecom', timeZone: 'Asia/Shanghai' })).status).toBe(200);

    await tick(new Date('2026-12-14T12:00:00.000Z'));
    await tick(new Date('2026-12-15T00:59:00.000Z'));
    expect(robot.texts).toEqual([]);
    expect(await tick(new Date('2026-12-15T01:05:00.000Z'))).toMatchObject({ scheduled: 1, queued: 1, sent: 1 });
    for (const t of ['2026-12-15T01:10:00.000Z', '2026-12-15T09:00:00.000Z', '2026-12-16T02:00:00.000Z']) await tick(new Date(t));
    expect(robot.texts).toHaveLength(1);
    expect(robot.texts[0]).toMatch(/^Monthly report due today: Account 0 \(December 2026\)\nCSM 0, today \(15 Dec 2026\)/);
    expect(await scheduled(other)).toEqual([]);

    await tick(new Date('2027-01-15T01:30:00.000Z'));
    expect(robot.texts).toHaveLength(3);
    expect(robot.texts.slice(1).join('\n')).toMatch(/Account 0 \(January 2027\)[\s\S]*Account 1 \(January 2027\)|Account 1 \(January 2027\)[\s\S]*Account 0 \(January 2027\)/);
    expect((await scheduled()).map((j) => j.rule)).toEqual(['report-reminder', 'report-reminder']);
  });

  it('reminds from the rule’s own hour: with hour 8, at 08:00 local and not at 07:59', async () => {
    const { h, csm, turnOn, tick, scheduled, robot } = await setup();
    await h.putOk(csm, 'plans', { ...sample.plans('plan-1', ACCOUNT), serviceDay: { kind: 'day_of_month', day: 15 } });
    const on = await turnOn('report-reminder', { channel: 'wecom', timeZone: 'Asia/Shanghai', reminderHour: 8 });
    expect(on.status, on.text).toBe(200);
    expect((on.json as { rule: { reminderHour: number } }).rule.reminderHour).toBe(8);
    // 08:00 on 15 Dec in Shanghai is 00:00 UTC on the 15th; 07:59 there is 23:59 UTC on the 14th.
    expect(await tick(new Date('2026-12-14T23:59:00.000Z'))).toMatchObject({ scheduled: 0 });
    expect(robot.texts).toEqual([]);
    expect(await tick(new Date('2026-12-15T00:00:00.000Z'))).toMatchObject({ scheduled: 1, queued: 1, sent: 1 });
    expect(robot.texts[0]).toMatch(/^Monthly report due today: Account 0 \(December 2026\)/);
    expect((await scheduled())[0]).toMatchObject({ rule: 'report-reminder', dueAt: '2026-12-15T00:00:00.000Z' });
  });

  it('keeps the reminder hour from 0 to 23, 9 when not given, and says which field is wrong', async () => {
    const { turnOn, h, csm } = await setup();
    for (const bad of [24, -1, 8.5, '8']) {
      expect(expectError(await turnOn('report-reminder', { channel: 'wecom', reminderHour: bad }), 422, 'validation_failed')).toMatch(/reminderHour/);
    }
    expect((await h.get(csm, '/v1/automation/rules')).json).toEqual({ items: [] });
    expect((await turnOn('report-reminder', { channel: 'wecom' })).status).toBe(200);
    expect((await turnOn('report-reminder', { channel: 'wecom', reminderHour: 0 })).json).toMatchObject({ rule: { reminderHour: 0 } });
    await turnOn('welcome', { channel: 'wecom' });
    const rules = (await h.get(csm, '/v1/automation/rules')).json as { items: { rule: string; reminderHour: number }[] };
    expect(rules.items.map((r) => [r.rule, r.reminderHour])).toEqual([['report-reminder', 0], ['welcome', 9]]);
  });

  it('lets only a manager set a rule, with a channel the team has and a delay of at most 30 minutes', async () => {
    const { json, csm, turnOn, h } = await setup();
    expectError(await json(csm, '/v1/automation/rules/welcome', 'PUT', { enabled: true, channel: 'wecom' }), 403, 'forbidden');
    expect(expectError(await turnOn('welcome', { channel: 'wecom', delayMinutes: 45 }), 422, 'validation_failed')).toMatch(/delayMinutes/);
    expect(expectError(await turnOn('welcome', { channel: 'nope' }), 422, 'validation_failed')).toMatch(/no channel nope/);
    expect(expectError(await turnOn('welcome', { channel: 'wecom', timeZone: 'Mars/Base' }), 422, 'validation_failed')).toMatch(/time zone/);
    expectError(await turnOn('digest', { channel: 'wecom' }), 404, 'not_found');
    expect((await turnOn('welcome', { channel: 'wecom' })).status).toBe(200);
    const rules = (await h.get(csm, '/v1/automation/rules')).json as { items: { rule: string; enabled: boolean; delayMinutes: number }[] };
    expect(rules.items).toEqual([expect.objectContaining({ rule: 'welcome', enabled: true, delayMinutes: 20 })]);
  });

  it('keeps the language and time zone the options page sends, and refuses an unknown zone or another language', async () => {
    const { turnOn, h, csm } = await setup();
    expect(expectError(await turnOn('report-reminder', { channel: 'wecom', timeZone: 'Mars/Olympus' }), 422, 'validation_failed')).toBe('timeZone: must be an IANA time zone like Asia/Shanghai');
    expect(expectError(await turnOn('report-reminder', { channel: 'wecom', timeZone: '' }), 422, 'validation_failed')).toMatch(/^timeZone: /);
    for (const bad of ['fr', 'zh', 'EN', 7]) {
      expect(expectError(await turnOn('report-reminder', { channel: 'wecom', language: bad }), 422, 'validation_failed')).toBe('language: must be en or zh-CN');
    }
    expect((await h.get(csm, '/v1/automation/rules')).json).toEqual({ items: [] });
    const set = await turnOn('report-reminder', { channel: 'wecom', language: 'zh-CN', timeZone: 'asia/shanghai' });
    expect(set.json).toMatchObject({ rule: { language: 'zh-CN', timeZone: 'Asia/Shanghai' } });
    await turnOn('welcome', { channel: 'wecom' });
    const rules = (await h.get(csm, '/v1/automation/rules')).json as { items: { rule: string; language: string; timeZone: string }[] };
    expect(rules.items.map((r) => [r.rule, r.language, r.timeZone])).toEqual([['report-reminder', 'zh-CN', 'Asia/Shanghai'], ['welcome', 'en', 'UTC']]);
  });

  it('is set from the command line: automation set welcome on --delay 20m --channel …, automation list', async () => {
    const { h } = await setup();
    const out: string[] = [];
    const run = (...argv: string[]) => automationCli(h.sql, argv, (s) => out.push(s), T0);
    expect(await run('automation', 'set', 'welcome', 'on', '--team', 'team-a', '--delay', '45m', '--channel', 'wecom')).toBe(2);
    expect(out.pop()).toMatch(/--delay: .*30/);
    expect(await run('automation', 'set', 'welcome', 'on', '--team', 'team-a', '--delay', '20m', '--channel', 'mail')).toBe(1);
    expect(out.pop()).toMatch(/no such channel .*it has: wecom/);
    expect(await run('automation', 'set', 'welcome', 'on', '--team', 'team-a', '--delay', '20m', '--channel', 'wecom')).toBe(0);
    expect(out.pop()).toMatch(/welcome of team team-a on: .*by wecom 20 minutes later/);
    expect(await run('automation', 'list', '--team', 'team-a')).toBe(0);
    expect(out.pop()).toMatch(/^welcome\ton\tvia wecom\t20m after acceptance/);
    expect(await run('automation', 'set', 'welcome', 'off', '--team', 'team-a')).toBe(0);
    await run('automation', 'list', '--team', 'team-a');
    expect(out.pop()).toMatch(/^welcome\toff\tvia wecom/);
    expect(await run('automation', 'set', 'report-reminder', 'off', '--team', 'team-a')).toBe(0);
    expect(out.pop()).toMatch(/no report-reminder automation; nothing changed/);
    expect(await run('automation', 'set', 'digest', 'on', '--team', 'team-a')).toBe(2);
    expect(await run('automation', 'set', 'report-reminder', 'on', '--team', 'team-a', '--channel', 'wecom', '--hour', 'eight')).toBe(2);
    expect(out.pop()).toMatch(/--hour eight: a whole hour from 0 to 23/);
    expect(await run('automation', 'set', 'report-reminder', 'on', '--team', 'team-a', '--channel', 'wecom', '--hour', '24')).toBe(2);
    expect(out.pop()).toMatch(/^--hour: must be an hour from 0 to 23; nothing changed/);
    expect(await run('automation', 'set', 'report-reminder', 'on', '--team', 'team-a', '--channel', 'wecom', '--hour', '8')).toBe(0);
    expect(out.pop()).toMatch(/on each account's service day, from 08:00 \(UTC\)/);
    // Turning it off and on again without --hour keeps the hour.
    await run('automation', 'set', 'report-reminder', 'off', '--team', 'team-a');
    expect(await run('automation', 'set', 'report-reminder', 'on', '--team', 'team-a')).toBe(0);
    await run('automation', 'list', '--team', 'team-a');
    expect(out.slice(-2)[0]).toMatch(/^report-reminder\ton\tvia wecom\tservice days from 08:00/);
  });
});
