import type { Account } from '../../data/model/account';
import type { Handover, HealthSnapshot, Person } from '../../data/model/records';
import { addDays, type IsoDate } from '../../shared/dates/local-date';
import { handoverId } from '../../data/model/handover';

/** The demo's key-action event, the same as the team server's demo usage (server/src/ingest/demo.ts). */
export const DEMO_KEY_EVENT = 'report.created';

/** Weeks of the key action done, per demo account: Monarch is activated, Soylent is behind with 18 days left. */
const KEY_WEEKS: Record<string, readonly number[]> = { 'Monarch Solutions': [4, 4, 4], 'Soylent Foods': [1, 1, 2] };

/** Globex's key people: the champion left three days ago (a CTA for the CSM), and the IT lead opposes the project. */
function globexPeople(today: IsoDate): Person[] {
  return [
    { id: 'demo-globex-boss', role: 'boss', name: 'Hank Scorpio', contact: 'hank@globex.example.com', stance: 'decision_maker' },
    { id: 'demo-globex-champion', role: 'champion', name: 'Marge Bouvier', contact: 'marge@globex.example.com', stance: 'supporter', leftAt: addDays(today, -3) },
    { id: 'demo-globex-it', role: 'other', name: 'Frank Grimes', stance: 'opponent' },
  ];
}

/**
 * Globex's end users as the usage rollup counts them, apart from the company:
 * 61 of its 150 seats active. The boss last used the product 24 days before
 * each reading (a "gone quiet" CTA); the IT lead has no e-mail to match.
 */
function globexUsage(asOf: IsoDate): NonNullable<HealthSnapshot['usage']> {
  return { activeUsers: 61, knownUsers: 118, seats: 150, keyPeople: [{ person: 'demo-globex-boss', lastActiveOn: addDays(asOf, -24) }] };
}

const STANCE_OF: Partial<Record<Person['role'], Person['stance']>> = { boss: 'decision_maker', champion: 'supporter' };

/**
 * The demo's people and key-action readings, added to the book: the people of
 * submitted handovers get an id and a stance, Globex gets an accepted
 * handover whose champion left and whose boss has gone quiet, and two
 * accounts in onboarding get the usage rollup's key-action readings.
 */
export function withDemoPeople(
  book: { accounts: readonly Account[]; handovers: Handover[]; snapshots: HealthSnapshot[] },
  today: IsoDate,
  stamp: string,
): { handovers: Handover[]; snapshots: HealthSnapshot[] } {
  const handovers = book.handovers.map((h) => ({
    ...h,
    ...(h.keyPeople ? { keyPeople: h.keyPeople.map((p, k) => ({ id: `demo-${h.accountId}-${k}`, ...p, ...(STANCE_OF[p.role] ? { stance: STANCE_OF[p.role] } : {}) })) } : {}),
  }));
  const globex = book.accounts.find((a) => a.name === 'Globex Retail');
  if (globex && !handovers.some((h) => h.accountId === globex.id)) {
    handovers.push({
      id: handoverId(globex.id), accountId: globex.id, createdAt: stamp, updatedAt: stamp, author: globex.owner, status: 'accepted', origin: 'full',
      bought: { products: 'Enterprise plan', seats: 150, termMonths: 12 }, outcomes: ['Store managers see yesterday’s sales by 8 am'], keyPeople: globexPeople(today),
    });
  }
  const weeksOf = new Map(book.accounts.flatMap((a) => (KEY_WEEKS[a.name] ? [[a.id, KEY_WEEKS[a.name]!] as const] : [])));
  const seen = new Map<string, number>();
  const snapshots = book.snapshots.map((s) => {
    if (s.accountId === globex?.id) return { ...s, usage: globexUsage(s.asOf) };
    const weeks = weeksOf.get(s.accountId);
    if (!weeks) return s;
    const k = seen.get(s.accountId) ?? 0;
    seen.set(s.accountId, k + 1);
    const weeksDone = weeks[Math.min(k, weeks.length - 1)]!;
    return { ...s, usage: { keyAction: { event: DEMO_KEY_EVENT, weeksDone, weeks: 4 } } };
  });
  return { handovers, snapshots };
}
