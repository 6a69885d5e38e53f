import type { LensDB } from '../../data/db/db';
import { readIdentity } from '../../data/sync/identity';
import { localDate } from '../../shared/dates/local-date';
import { settingsItem } from '../../shared/settings';
import { bookPeople, buildWorklist, type Worklist } from '../../features/today/worklist';
import { warmShared, watchShared, type SharedListener } from './shared-live';

/** What the Today watch streams: the ranked worklist for a person or the team, and who can be picked. */
export interface TodayData {
  worklist: Worklist;
  /** Whose list this is (null: the whole team). */
  person: string | null;
  /** Mine, when known (the team server's identity, else my name in the options). */
  me: string | null;
  people: string[];
  today: string;
  /** Accounts with work in the whole list; `worklist.groups` holds the first of them when a limit was asked for. */
  accounts: number;
}

/** Mine: the team server's identity, else my name in the options. */
export async function whoAmI(database: LensDB): Promise<string | null> {
  const [identity, settings] = await Promise.all([readIdentity(database), settingsItem.getValue()]);
  return identity?.user || settings.myName?.trim() || null;
}

type TodayList = Omit<TodayData, 'me' | 'accounts'>;

async function readList(database: LensDB, who: string | null, now: Date): Promise<TodayList> {
  const [accounts, ctas, promises] = await Promise.all([database.accounts.toArray(), database.ctas.toArray(), database.promises.toArray()]);
  const today = localDate(now);
  const worklist = buildWorklist({ accounts, ctas, promises }, today, who ? { person: who } : { team: true });
  return { worklist, person: who, people: bookPeople(accounts), today };
}

export async function readToday(database: LensDB, person: string | null | undefined, now: Date = new Date()): Promise<TodayData> {
  const me = await whoAmI(database);
  const list = await readList(database, person === undefined ? me : person, now);
  return { ...list, me, accounts: list.worklist.groups.length };
}

/** One list per person and day: a new day is a new list (the change of day is no database write). */
const listKey = (who: string | null, now: Date) => `today|${localDate(now)}|${who ?? ''}`;
const liveList = (database: LensDB, who: string | null, now: Date) => () => readList(database, who, now);

/**
 * The Today list, live, for `person` (undefined: mine). Each person's list is
 * one computation shared by every open panel and kept a while after the last
 * closes; the background also computes mine after each evaluation of the
 * book (warmToday), so an opening panel gets its list without waiting.
 */
export function watchToday(database: LensDB, person: string | null | undefined, listener: SharedListener<TodayData>, limit?: number): () => void {
  let off: (() => void) | undefined;
  let stopped = false;
  void whoAmI(database).then((me) => {
    if (stopped) return;
    const who = person === undefined ? me : person;
    const now = new Date();
    off = watchShared(database, listKey(who, now), liveList(database, who, now), { next: (list) => listener.next(limited(list, me, limit)), error: listener.error });
  }, listener.error);
  return () => {
    stopped = true;
    off?.();
  };
}

function limited(list: TodayList, me: string | null, limit: number | undefined): TodayData {
  const { groups } = list.worklist;
  const worklist = limit === undefined || groups.length <= limit ? list.worklist : { ...list.worklist, groups: groups.slice(0, limit) };
  return { ...list, worklist, me, accounts: groups.length };
}

/** Computes my Today list in the background (after an evaluation of the book), ready for the next panel. */
export async function warmToday(database: LensDB): Promise<void> {
  const me = await whoAmI(database);
  const now = new Date();
  warmShared(database, listKey(me, now), liveList(database, me, now));
}
