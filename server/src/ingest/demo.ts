import { addDays, type IsoDate } from '../../../shared/dates/local-date';
import { demoAccounts, readingFor } from '../../../platform/demo/accounts';
import type { Account } from '../../../data/model/account';
import type { Segment } from '../../../data/model/common';
import type { UsageEvent } from './events';
import type { IngestConfig } from './schemas';
import type { NpsResponse, TicketEvent } from './support';
import { utcMidnight } from '../../../shared/dates/utc';

/**
 * A realistic month of product usage, tickets and NPS for the demo book:
 * each account's users behave so that the rollup lands near the health the
 * demo book gives the account (a healthy account has most seats active and
 * uses most core features; a red one has a few people logging in). Work
 * days are busier than weekends. Deterministic for a given day and seed.
 */
export const DEMO_CORE_EVENTS = ['report.created', 'dashboard.shared', 'alert.set', 'export.run', 'forecast.viewed'];
export const DEMO_MODULES: Record<string, string[]> = {
  reports: ['report.created', 'export.run'],
  dashboards: ['dashboard.viewed', 'dashboard.shared'],
  alerts: ['alert.set'],
  forecasting: ['forecast.viewed'],
  integrations: ['integration.synced'],
};
const SEATS: Record<Segment, number> = { enterprise: 60, mid_market: 25, smb: 10, self_serve: 4 };
const GIVEN = ['Wei', 'Fang', 'Anna', 'Omar', 'Jun', 'Lena', 'Ravi', 'Mei', 'Tom', 'Sara', 'Hao', 'Ines'];
const FAMILY = ['Zhang', 'Li', 'Schmidt', 'Haddad', 'Chen', 'Rossi', 'Patel', 'Wang', 'Becker', 'Silva', 'Liu', 'Moreau'];

/** A small seeded generator (Park–Miller, the "minimal standard" LCG): the same seed draws the same month. */
function random(seed: number) {
  let a = (Math.abs(Math.trunc(seed)) % 2147483646) + 1;
  return () => {
    a = (a * 48271) % 2147483647;
    return (a - 1) / 2147483646;
  };
}

export interface DemoMonth {
  accounts: Account[];
  config: IngestConfig;
  events: UsageEvent[];
  tickets: TicketEvent[];
  nps: NpsResponse[];
}

export function demoMonth(today: IsoDate, { days = 30, seed = 1 } = {}): DemoMonth {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const accounts = demoAccounts(today);
  const events: UsageEvent[] = [];
  const tickets: TicketEvent[] = [];
  const nps: NpsResponse[] = [];
  const config: IngestConfig = {
    coreEvents: DEMO_CORE_EVENTS,
    modules: DEMO_MODULES,
    keyAction: { event: 'report.created', timesPerWeek: 1, weeks: 4 },
    accounts: {},
  };
  const start = addDays(today, -(days - 1));
  const at = (day: IsoDate, hour: number) => utcMidnight(day).getTime() + hour * 3_600_000;
  let m = 0;
  const messageId = () => `demo-${today}-${seed}-${++m}`;
  accounts.forEach((a, i) => {
    const seats = SEATS[a.segment ?? 'smb'];
    config.accounts[a.id] = { seats };
    const target = readingFor(a.health?.score ?? 60, i);
    const activeUsers = Math.max(1, Math.round((seats * (target.activeUserRate ?? 50)) / 100));
    const core = DEMO_CORE_EVENTS.slice(0, Math.max(1, Math.round((DEMO_CORE_EVENTS.length * (target.coreFeatureAdoption ?? 40)) / 100)));
    const modules = Object.keys(DEMO_MODULES).slice(0, Math.max(1, Math.round((5 * (target.moduleBreadth ?? 40)) / 100)));
    const vocabulary = [...new Set([...core, ...modules.flatMap((x) => DEMO_MODULES[x]!)])];
    const group = a.recordId;
    for (let u = 0; u < seats; u++) {
      const userId = `${a.id}-u${u + 1}`;
      const name = `${pick(GIVEN)} ${pick(FAMILY)}`;
      const joined = at(start, 8);
      events.push({ messageId: messageId(), type: 'identify', event: null, userId, anonymousId: null, groupId: null, ts: new Date(joined), traits: { name, email: `${name.toLowerCase().replace(' ', '.')}@${a.id}.example.com`, title: u === 0 ? 'Head of Operations' : 'Analyst' } });
      events.push({ messageId: messageId(), type: 'group', event: null, userId, anonymousId: null, groupId: group, ts: new Date(joined + 60_000) });
      if (u >= activeUsers) continue;
      // Each active user works on most weekdays and some weekend days; the first users are the champions.
      const keen = u < Math.ceil(activeUsers / 3) ? 0.8 : 0.45;
      for (let d = 0; d < days; d++) {
        const day = addDays(start, d);
        const weekday = utcMidnight(day).getUTCDay();
        if (rnd() > (weekday === 0 || weekday === 6 ? keen / 6 : keen)) continue;
        const hour = 1 + rnd() * 9; // 09:00–18:00 in China is 01:00–10:00 UTC
        events.push({ messageId: messageId(), type: 'page', event: 'Home', userId, anonymousId: null, groupId: group, ts: new Date(at(day, hour)) });
        const count = 1 + Math.floor(rnd() * 6);
        for (let k = 0; k < count; k++) {
          // The champion does the key action most days, unless the account is in trouble.
          const event = k === 0 && u === 0 && rnd() < ((a.health?.score ?? 60) < 40 ? 0.15 : 0.9) ? 'report.created' : pick(vocabulary);
          if (!vocabulary.includes(event)) continue;
          events.push({ messageId: messageId(), type: 'track', event, userId, anonymousId: null, groupId: group, ts: new Date(at(day, hour + (k + 1) * 0.2)) });
        }
      }
    }
    // Tickets: the account's 90-day count over the 90 days (a help desk's history); most solved within two days.
    const ticketCount = target.tickets90d ?? 3;
    for (let t = 0; t < ticketCount; t++) {
      const opened = at(addDays(today, -Math.floor(rnd() * 90)), 1 + rnd() * 9);
      const ticketId = `${a.id}-t${t + 1}`;
      const priority = pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const);
      const base = { ticketId, priority, groupId: group, userId: `${a.id}-u${1 + Math.floor(rnd() * activeUsers)}`, openedAt: new Date(opened) };
      tickets.push({ ...base, status: 'open', at: new Date(opened) });
      const solved = opened + (1 + rnd() * 47) * 3_600_000;
      if (rnd() < 0.85 && solved < at(today, 12)) tickets.push({ ...base, status: 'solved', at: new Date(solved) });
    }
    // NPS: a few answers per account, around the account's score.
    const answers = Math.max(1, Math.round(seats / 8));
    // Promoters minus detractors near the account's NPS, with about 30% passives.
    const t = Math.max(-0.7, Math.min(0.7, (target.nps ?? 20) / 100));
    for (let r = 0; r < answers; r++) {
      const x = rnd();
      const score = x < (0.7 + t) / 2 ? 9 + Math.floor(rnd() * 2) : x < 0.7 ? 2 + Math.floor(rnd() * 5) : 7 + Math.floor(rnd() * 2);
      nps.push({ id: `${a.id}-nps${r + 1}`, score, userId: `${a.id}-u${r + 1}`, groupId: group, respondedAt: new Date(at(addDays(start, Math.floor(rnd() * days)), 3)).toISOString(), ...(score <= 6 ? { comment: pick(['报表导出太慢', 'Setup took longer than promised', '希望有更多培训']) } : score >= 9 ? { comment: pick(['Great support team', '报表功能很好用', 'Saves us hours each week']) } : {}) });
    }
  });
  return { accounts, config, events: events.sort((x, y) => x.ts.getTime() - y.ts.getTime()), tickets, nps };
}
