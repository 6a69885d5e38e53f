import { AutomationRuleNameSchema, MAX_WELCOME_DELAY_MINUTES } from '../../../features/channels/scheduled';
import { listChannels } from '../channels/store';
import type { Sql } from '../db';
import { clockHour, listRules, parseDelay, parseHour, RuleSettingsSchema, setRule } from './rules';

export const AUTOMATION_USAGE = `Automation (docs/channels.md, automation), off until turned on:
  npm run server -- automation set welcome on --team T --channel C [--delay 20m] [--language en|zh-CN] [--time-zone Asia/Shanghai]
                   the CSM's introduction goes to the customer by channel C, --delay (at most ${MAX_WELCOME_DELAY_MINUTES}m) after a handover is accepted
  npm run server -- automation set report-reminder on --team T --channel C [--hour 9] [--to a@example.com,b@example.com] [--language …] [--time-zone …]
                   on an account's service day, from --hour (0-23, default 9) in the time zone, a reminder to the CSM that
                   its monthly report is due (--to: for an e-mail channel)
  npm run server -- automation set welcome|report-reminder off --team T
  npm run server -- automation list --team T`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** The `automation` commands: the exit code, 2 for a usage error, or null when `argv` is none of them. */
export async function automationCli(sql: Sql, argv: string[], out: (s: string) => void, now: Date): Promise<number | null> {
  const [cmd, verb, name, onOff] = argv;
  if (cmd !== 'automation') return null;
  const team = flag(argv, 'team');
  if (!team) return out(AUTOMATION_USAGE), 2;
  const rules = await listRules(sql, team);
  if (verb === 'list') {
    if (!rules.length) out(`Team ${team} has no automation turned on.`);
    for (const r of rules) {
      const timing = r.rule === 'welcome' ? `${r.delayMinutes}m after acceptance` : `service days from ${clockHour(r.reminderHour)}`;
      out(`${r.rule}\t${r.enabled ? 'on' : 'off'}\tvia ${r.channel}\t${timing}\t${r.language}\t${r.timeZone}${r.to ? `\tto ${r.to.join(',')}` : ''}${r.enabledAt ? `\tsince ${r.enabledAt}` : ''}`);
    }
    return 0;
  }
  const rule = AutomationRuleNameSchema.safeParse(name);
  if (verb !== 'set' || !rule.success || (onOff !== 'on' && onOff !== 'off')) return out(AUTOMATION_USAGE), 2;
  const before = rules.find((r) => r.rule === rule.data);
  if (onOff === 'off' && !before) return out(`Team ${team} has no ${rule.data} automation; nothing changed.`), 0;
  const delayText = flag(argv, 'delay');
  const delay = delayText === undefined ? undefined : parseDelay(delayText);
  if (delay === null) return out(`--delay ${delayText}: whole minutes, like 20m (at most ${MAX_WELCOME_DELAY_MINUTES}m); nothing changed.`), 2;
  const hourText = flag(argv, 'hour');
  const hour = hourText === undefined ? undefined : parseHour(hourText);
  if (hour === null) return out(`--hour ${hourText}: a whole hour from 0 to 23, like 8 or 08:00; nothing changed.`), 2;
  const to = flag(argv, 'to');
  const raw = {
    channel: flag(argv, 'channel') ?? before?.channel,
    delayMinutes: delay ?? before?.delayMinutes,
    reminderHour: hour ?? before?.reminderHour,
    language: flag(argv, 'language') ?? before?.language,
    timeZone: flag(argv, 'time-zone') ?? before?.timeZone,
    ...(to !== undefined ? { to: to.split(',').map((s) => s.trim()).filter(Boolean) } : before?.to ? { to: before.to } : {}),
    enabled: onOff === 'on',
  };
  const settings = RuleSettingsSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!settings.success) {
    out(`${settings.error.issues.slice(0, 5).map((i) => `--${String(i.path[0] ?? 'settings').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace('delay-minutes', 'delay').replace('reminder-hour', 'hour')}: ${i.message}`).join('; ')}; nothing changed.`);
    return 2;
  }
  const channels = await listChannels(sql, team);
  const channel = channels.find((c) => c.name === settings.data.channel);
  if (settings.data.enabled && !channel) {
    out(`--channel ${settings.data.channel}: team ${team} has no such channel (${channels.length ? `it has: ${channels.map((c) => c.name).join(', ')}` : 'set one up with channels set'}); nothing changed.`);
    return 1;
  }
  if (settings.data.enabled && rule.data === 'report-reminder' && channel?.kind === 'email' && !settings.data.to) {
    out('--to: an e-mail channel needs the addresses to remind (the CSMs\'); nothing changed.');
    return 2;
  }
  const saved = await setRule(sql, team, rule.data, settings.data, now);
  if (!saved.enabled) out(`Automation ${rule.data} of team ${team} turned off; messages it scheduled and not yet due will not go.`);
  else if (rule.data === 'welcome') out(`Automation welcome of team ${team} on: a handover accepted from ${saved.enabledAt} on sends the CSM's introduction by ${saved.channel} ${saved.delayMinutes} minutes later, unless cancelled in the panel.`);
  else out(`Automation report-reminder of team ${team} on: on each account's service day, from ${clockHour(saved.reminderHour)} (${saved.timeZone}), a reminder by ${saved.channel}, once a month.`);
  return 0;
}
