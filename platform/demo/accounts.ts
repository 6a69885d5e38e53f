import { toSalesforceId18 } from '../../crm/salesforce-id';
import { addDays, type IsoDate } from '../../shared/dates/local-date';
import { DEFAULT_HEALTH_MODEL, IMPORTED_DIMENSIONS, scoreHealth } from '../../features/health';
import type { HealthInputs, HealthSnapshot } from '../../data/model/records';
import { AccountSchema, type Account } from '../../data/model/account';
import type { Segment } from '../../data/model/common';

/**
 * The bundled demo book: 50 accounts whose dates are relative to `today`, so the
 * demo always shows expired contracts, renewals within 7/30/90 days and later
 * ones, all three health bands, and some Chinese customers.
 */
const NAMES = [
  'Acme Analytics', 'Northwind Logistics', '上海云帆科技', 'Globex Retail', 'Initech Software',
  '杭州启明电子', 'Umbrella Health', 'Stark Components', '北京华信咨询', 'Wayne Hospitality',
  'Hooli Cloud', '深圳星海物流', 'Vandelay Imports', 'Soylent Foods', '广州绿源食品',
  'Cyberdyne Robotics', 'Tyrell Biotech', '成都天府教育', 'Wonka Confectionery', 'Aperture Labs',
  '南京金陵制造', 'Oscorp Materials', 'Massive Dynamic', '苏州工业园区服务', 'Pied Piper',
  'Gringotts Finance', '武汉光谷软件', 'Dunder Mifflin Paper', 'Prestige Worldwide', '厦门海峡贸易',
  'Bluth Property', 'Sterling Cooper Media', '青岛海润能源', 'Monarch Solutions', 'Blue Sun Energy',
  '西安丝路文旅', 'Nakatomi Trading', 'Gekko Capital', '重庆山城零售', 'Zorg Industries',
  'Virtucon Holdings', '天津港湾航运', 'Duff Beverages', 'Krusty Restaurants', '长沙湘江传媒',
  'Spacely Sprockets', 'Cogswell Cogs', '宁波东海渔业', 'Ollivander Crafts', 'Rekall Travel',
] as const;

// Days from today to contract end: past, within 7, 30, 90 days, and later.
const END_OFFSETS = [45, -20, 5, 28, 88, 150, 12, -3, 60, 200, 7, 33, 75, 300, 2, 95, 20, 130, 61, 365];
const SCORES = [62, 81, 35, 74, 48, 90, 28, 66, 55, 77, 39, 85, 58, 22, 71, 44, 93, 51, 68, 31];
const SEGMENTS: Segment[] = ['enterprise', 'mid_market', 'smb', 'self_serve'];
const ARR_BY_SEGMENT: Record<Segment, number> = { enterprise: 240_000, mid_market: 60_000, smb: 14_000, self_serve: 3_600 };
const OWNERS = ['Maya Chen', '李娜', 'Tom Becker', '王磊', 'Sofia Rossi'];
const CSMS = ['Priya Nair', '张伟', 'Lucas Martin', '陈静'];

export const DEMO_ORG = 'acme-demo';
export const DEMO_HUBSPOT_PORTAL = '2468013';
export const DEMO_DYNAMICS_HOST = 'contoso.crm4.dynamics.com';

/**
 * Most of the demo book lives in Salesforce; from account 34 on, the accounts
 * rotate through HubSpot, Dynamics 365 and 纷享销客, so every demo CRM has records.
 */
export function demoCrmRef(i: number): { crm: 'salesforce' | 'hubspot' | 'dynamics' | 'fxiaoke'; recordId: string; orgKey?: string } {
  if (i < 33) return { crm: 'salesforce', recordId: demoRecordId(i), orgKey: DEMO_ORG };
  const hex = (i + 1).toString(16).padStart(12, '0');
  switch ((i - 33) % 3) {
    case 0:
      return { crm: 'hubspot', recordId: String(9_100_000 + i), orgKey: DEMO_HUBSPOT_PORTAL };
    case 1:
      return { crm: 'dynamics', recordId: `3f2a4c1e-5b6d-4e7f-8a9b-${hex}`, orgKey: DEMO_DYNAMICS_HOST };
    default:
      return { crm: 'fxiaoke', recordId: `6512a9c0e4b0${hex}` };
  }
}

/** The 18-character Salesforce id of demo account `i` (0-based). */
export function demoRecordId(i: number): string {
  return toSalesforceId18(`001Dm00000Ab${String(i + 1).padStart(3, '0')}`)!;
}

/** The score an account's imported readings aim at; also how well the demo serves it (platform/demo/service.ts). */
export const demoScoreTarget = (i: number): number => SCORES[i % SCORES.length]! - Math.floor(i / 20) * 2;

/**
 * Accounts with no imported health at all, as for a CSM working without a data
 * pipeline: their score comes from the service records alone.
 */
export const SERVICE_ONLY: ReadonlySet<string> = new Set(['Vandelay Imports']);

export function demoAccounts(today: IsoDate, stamp = `${today}T00:00:00.000Z`): Account[] {
  return NAMES.map((name, i) => {
    const segment = SEGMENTS[i % SEGMENTS.length]!;
    const contractEnd = addDays(today, END_OFFSETS[i % END_OFFSETS.length]! + Math.floor(i / 20) * 3);
    const score = demoScoreTarget(i);
    const chinese = /[\u4e00-\u9fff]/.test(name);
    return AccountSchema.parse({
      id: `demo-${String(i + 1).padStart(3, '0')}`,
      ...demoCrmRef(i),
      name,
      owner: OWNERS[i % OWNERS.length],
      csm: CSMS[i % CSMS.length],
      segment,
      arr: ARR_BY_SEGMENT[segment] + (i % 7) * 1_000,
      currency: chinese ? 'CNY' : 'USD',
      contractStart: addDays(contractEnd, -365),
      contractEnd,
      signedAt: addDays(contractEnd, -372),
      health: SERVICE_ONLY.has(name) ? undefined : healthOf(readingFor(score, i), addDays(today, -(i % 6))),
      createdAt: stamp,
      updatedAt: stamp,
    });
  });
}

/**
 * Raw inputs whose score is about `target` under the default model: every
 * dimension at the same point between its red and green thresholds, with
 * core-feature adoption lagging and tickets leading, as in real books.
 */
export function readingFor(target: number, i: number): HealthInputs {
  const inputs: Record<string, number> = {};
  for (const d of IMPORTED_DIMENSIONS) {
    const { red, green } = DEFAULT_HEALTH_MODEL.dimensions[d];
    const skew = d === 'coreFeatureAdoption' ? -15 : d === 'tickets90d' ? 15 : 0;
    const s = Math.min(100, Math.max(0, target + skew)) / 100;
    inputs[d] = Math.round(red + (green - red) * s);
  }
  if (i % 5 === 4) delete inputs.outcomeAttainment; // not every customer has a business target on record
  return inputs as HealthInputs;
}

function healthOf(inputs: HealthInputs, asOf: IsoDate) {
  const scored = scoreHealth(inputs, DEFAULT_HEALTH_MODEL);
  return scored.score === null ? undefined : { score: scored.score, band: scored.band, asOf };
}

/** Three weekly readings per demo account, the latest matching the account's stored health. */
export function demoSnapshots(accounts: readonly Account[], today: IsoDate, stamp = `${today}T00:00:00.000Z`): HealthSnapshot[] {
  return accounts.flatMap((a, i) => {
    if (SERVICE_ONLY.has(a.name)) return [];
    const latestAsOf = a.health?.asOf ?? today;
    const target = demoScoreTarget(i);
    // Rising, falling or steady; red accounts stay red the week before, so their streak shows.
    const before = target < 40 ? Math.min(38, target + 4) : target + ((i % 3) - 1) * 6;
    return [
      { asOf: addDays(latestAsOf, -14), inputs: readingFor(before, i) },
      { asOf: addDays(latestAsOf, -7), inputs: readingFor(before, i) },
      { asOf: latestAsOf, inputs: readingFor(target, i) },
    ].map((r) => ({ id: `${a.id}:${r.asOf}`, accountId: a.id, asOf: r.asOf, inputs: r.inputs, createdAt: stamp, updatedAt: stamp }));
  });
}
