import { writeRecord } from '../../data/sync/outbox';
import { evaluateBook, type BookTables } from '../../features/book';
import { toCta } from '../../data/model/cta-draft';
import { localDate } from '../../shared/dates/local-date';
import type { LensDB } from '../../data/db/db';
import { readEngineSettings } from '../../features/engine-settings';
import type { MessageKey, Translator } from '../../shared/i18n';
import { wordCtaTitle } from './evaluate';

/**
 * The book runs without the page: every account is evaluated after a sync,
 * an import, a settings change and the daily check, not only when someone
 * opens its CRM record. Accounts whose rows, settings and day are unchanged
 * since the last run (their stamp) are skipped, so a run after a sync that
 * touched three accounts evaluates three. Runs never overlap: a request
 * during a run makes one more run follow it.
 */
const seen = new Map<string, string>();
let running: Promise<BookRun> | undefined;
let queued: Promise<BookRun> | undefined;

export interface BookRun {
  evaluated: number;
  created: number;
  closed: number;
}

async function readBook(database: LensDB): Promise<BookTables> {
  const all = <T>(name: string) => database.table(name).toArray() as Promise<T[]>;
  const [accounts, snapshots, milestones, outcomes, ctas, visits, notes, plans, reports] = await Promise.all([
    database.accounts.toArray(), all<never>('snapshots'), all<never>('milestones'), all<never>('outcomes'), all<never>('ctas'),
    all<never>('visits'), all<never>('notes'), all<never>('plans'), all<never>('reports'),
  ]);
  return { accounts, snapshots, milestones, outcomes, ctas, visits, notes, plans, reports };
}

async function run(database: LensDB, tr: () => Promise<Translator>, now: () => Date): Promise<BookRun> {
  const book = await readBook(database);
  const settings = await readEngineSettings();
  const at = now();
  const { verdicts, evaluated } = evaluateBook(book, settings, localDate(at), seen);
  if (!verdicts.length) return { evaluated, created: 0, closed: 0 };
  const words = await tr();
  const stamp = at.toISOString();
  const ctaById = new Map(book.ctas.map((c) => [c.id, c]));
  let created = 0;
  let closed = 0;
  for (const v of verdicts) {
    for (const draft of v.create) {
      await writeRecord(database, 'ctas', toCta(draft, wordCtaTitle(draft, words), stamp), at);
      created++;
    }
    for (const c of v.close) {
      const cta = ctaById.get(c.id);
      if (!cta) continue;
      await writeRecord(database, 'ctas', { ...cta, status: 'closed', closedNote: words.t(`cta.closed.${c.reason}` as MessageKey), updatedAt: stamp }, at);
      closed++;
    }
  }
  return { evaluated, created, closed };
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

/** Forgets every stamp (tests; a restarted worker starts empty anyway). */
export const forgetBookStamps = (): void => seen.clear();
