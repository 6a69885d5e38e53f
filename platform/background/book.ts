import { writeRecords, type RecordWrite } from '../../data/sync/outbox';
import Dexie from 'dexie';
import type { Account } from '../../data/model/account';
import { evaluateBook, type AccountVerdict, type BookTables } from '../../features/book';
import { toCta } from '../../data/model/cta-draft';
import { localDate } from '../../shared/dates/local-date';
import type { LensDB } from '../../data/db/db';
import { readEngineSettings } from '../../features/engine-settings';
import type { Translator } from '../../shared/i18n';
import { wordCtaTitle } from './evaluate';
import { closedByRule, reopened } from '../../features/ctas';
import { warmToday } from './today';

/**
 * The book runs without the page: every account is evaluated after a sync,
 * an import, a settings change and the daily check, not only when someone
 * opens its CRM record. Only the accounts whose rows were written since the
 * last run are evaluated again (the database's change feed names them), and
 * only their rows are read; a new day, new settings or a restarted worker
 * evaluates the whole book. Runs never overlap: a request during a run makes
 * one more run follow it.
 */
let running: Promise<BookRun> | undefined;
let queued: Promise<BookRun> | undefined;

export interface BookRun {
  evaluated: number;
  created: number;
  closed: number;
}

/** Above this many changed accounts one pass over every table is cheaper than reading account by account. */
const PARTIAL_READ_LIMIT = 500;

interface Tracker {
  /** Everything is due: nothing evaluated yet in this worker, or a write that could not name its accounts. */
  all: boolean;
  dirty: Set<string>;
  /** The day and settings of the last run: another day or other settings make every account due. */
  key?: string;
  /** Accounts whose CTAs the run itself is writing: those writes follow from the verdict, not a change. */
  own: Set<string>;
}
const trackers = new WeakMap<LensDB, Tracker>();

function trackerOf(database: LensDB): Tracker {
  let t = trackers.get(database);
  if (!t) {
    const tracker: Tracker = { all: true, dirty: new Set(), own: new Set() };
    database.rowChanges.listen((c) => {
      if (c.accounts === 'all') tracker.all = true;
      else for (const id of c.accounts) if (c.table !== 'ctas' || !tracker.own.has(id)) tracker.dirty.add(id);
    });
    trackers.set(database, (t = tracker));
  }
  return t;
}

/**
 * Extension pages (the options page's import, the demo book, the health model editor) write to the
 * database from their own context, which the background's change feed does not see; they say so with
 * data/changed, and the next run evaluates the whole book.
 */
export function bookChangedElsewhere(database: LensDB): void {
  trackerOf(database).all = true;
}

async function readBook(database: LensDB): Promise<BookTables> {
  const all = <T>(name: string) => database.table(name).toArray() as Promise<T[]>;
  const [accounts, snapshots, milestones, outcomes, ctas, visits, notes, plans, reports, promises, handovers] = await Promise.all([
    database.accounts.toArray(), all<never>('snapshots'), all<never>('milestones'), all<never>('outcomes'), all<never>('ctas'),
    all<never>('visits'), all<never>('notes'), all<never>('plans'), all<never>('reports'), all<never>('promises'), all<never>('handovers'),
  ]);
  return { accounts, snapshots, milestones, outcomes, ctas, visits, notes, plans, reports, promises, handovers };
}

/** The rows of these accounts only, by the tables' account indexes. */
async function readAccounts(database: LensDB, ids: ReadonlySet<string>): Promise<BookTables> {
  const list = [...ids];
  const byAccount = <T>(name: string) => database.table(name).where('accountId').anyOf(list).toArray() as Promise<T[]>;
  // Tables indexed by [accountId+date]: one range per account.
  const byCompound = async <T>(name: string, index: string) =>
    (await Promise.all(list.map((id) => database.table(name).where(index).between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()))).flat() as T[];
  const [accounts, snapshots, milestones, outcomes, ctas, visits, notes, plans, reports, promises, handovers] = await Promise.all([
    database.accounts.bulkGet(list), byCompound<never>('snapshots', '[accountId+asOf]'), byAccount<never>('milestones'), byAccount<never>('outcomes'),
    byAccount<never>('ctas'), byCompound<never>('visits', '[accountId+date]'), byAccount<never>('notes'), byAccount<never>('plans'),
    byCompound<never>('reports', '[accountId+month]'), byAccount<never>('promises'), byAccount<never>('handovers'),
  ]);
  return { accounts: accounts.filter((a): a is Account => a !== undefined), snapshots, milestones, outcomes, ctas, visits, notes, plans, reports, promises, handovers };
}

async function run(database: LensDB, tr: () => Promise<Translator>, now: () => Date): Promise<BookRun> {
  const tracker = trackerOf(database);
  const settings = await readEngineSettings();
  const at = now();
  const today = localDate(at);
  const key = `${today}|${JSON.stringify(settings)}`;
  const only = tracker.all || tracker.key !== key ? undefined : new Set(tracker.dirty);
  // Taken before reading: a write from now on is due for the next run.
  tracker.all = false;
  tracker.dirty.clear();
  tracker.key = key;
  if (only?.size === 0) return { evaluated: 0, created: 0, closed: 0 };
  try {
    const book = only && only.size <= PARTIAL_READ_LIMIT ? await readAccounts(database, only) : await readBook(database);
    const { verdicts, evaluated } = evaluateBook(book, settings, today, only);
    if (!verdicts.length) return { evaluated, created: 0, closed: 0 };
    const words = await tr();
    for (const v of verdicts) tracker.own.add(v.accountId);
    const { created, closed } = await writeVerdicts(database, book, verdicts, words, at);
    // The Today list follows from the CTAs just written: computed now, the next panel gets it at once.
    void warmToday(database).catch(() => undefined);
    return { evaluated, created, closed };
  } catch (e) {
    // Nothing is lost: the next run evaluates the whole book.
    tracker.all = true;
    throw e;
  } finally {
    tracker.own.clear();
  }
}

/** Every CTA the verdicts raise or close, in one transaction with their outbox entries. */
async function writeVerdicts(database: LensDB, book: BookTables, verdicts: AccountVerdict[], words: Translator, at: Date): Promise<{ created: number; closed: number }> {
  const stamp = at.toISOString();
  const ctaById = new Map(book.ctas.map((c) => [c.id, c]));
  const writes: RecordWrite[] = [];
  let created = 0;
  let closed = 0;
  for (const v of verdicts) {
    for (const draft of v.create) {
      writes.push({ kind: 'ctas', record: toCta(draft, wordCtaTitle(draft, words), stamp) });
      created++;
    }
    for (const c of v.close) {
      const cta = ctaById.get(c.id);
      if (!cta) continue;
      writes.push({ kind: 'ctas', record: closedByRule(cta, c.reason, words, stamp) });
      closed++;
    }
    for (const { id } of v.reopen) {
      const cta = ctaById.get(id);
      if (cta) writes.push({ kind: 'ctas', record: reopened(cta, stamp) });
    }
  }
  await writeRecords(database, writes, at);
  return { created, closed };
}

export function evaluateWholeBook(database: LensDB, tr: () => Promise<Translator>, now: () => Date = () => new Date()): Promise<BookRun> {
  if (running) {
    queued ??= running.catch(() => undefined).then(() => {
      queued = undefined;
      return evaluateWholeBook(database, tr, now);
    });
    return queued;
  }
  const current = run(database, tr, now).finally(() => {
    if (running === current) running = undefined;
  });
  running = current;
  return current;
}

