import { z } from 'zod';
import type { LensDB } from '../../data/db/db';
import { IsoDateSchema, text } from '../../data/model/common';
import { CHURN_ROOT_CAUSES, CHURN_SYMPTOMS, type Contract } from '../../data/model/records';
import { currentTerm, termId, type Term } from '../../data/model/terms';
import { writeRecord } from '../../data/sync/outbox';
import { guardStorage } from '../../data/db/storage-full';

/** What the panel's outcome form sends: the background names and stamps the records. */
export const TermOutcomeInputSchema = z.object({
  accountId: z.string().min(1).max(100),
  kind: z.enum(['renewed', 'churned', 'will_not_renew']),
  date: IsoDateSchema,
  symptom: z.enum(CHURN_SYMPTOMS).optional(),
  rootCause: z.enum(CHURN_ROOT_CAUSES).optional(),
  notes: text(4000).optional(),
  /** Renewed: the next term (prefilled from the current one, see nextTermDraft). */
  next: z.object({ start: IsoDateSchema, end: IsoDateSchema, value: z.number().nonnegative().finite(), currency: z.string().regex(/^[A-Z]{3}$/).optional() }).optional(),
});
export type TermOutcomeInput = z.infer<typeof TermOutcomeInputSchema>;

export const PlanTickInputSchema = z.object({
  accountId: z.string().min(1).max(100),
  step: z.string().min(1).max(60),
  /** The day it was done; null un-ticks it. */
  doneAt: IsoDateSchema.nullable(),
});
export type PlanTickInput = z.infer<typeof PlanTickInputSchema>;

export const PaidMarkInputSchema = z.object({
  accountId: z.string().min(1).max(100),
  /** The day the current term was paid; null clears the mark (the panel's undo). */
  paidAt: IsoDateSchema.nullable(),
});
export type PaidMarkInput = z.infer<typeof PaidMarkInputSchema>;

const TABLES = (db: LensDB) => [db.accounts, db.contracts, db.outcomes, db.outbox];

/** The current term as a record: written first when it was only the account's own fields. */
async function storedCurrent(db: LensDB, accountId: string, now: Date): Promise<{ term: Term; record: Contract }> {
  const account = await db.accounts.get(accountId);
  if (!account) throw new Error(`no account ${accountId}`);
  const term = currentTerm(account, await db.contracts.where('accountId').equals(accountId).toArray());
  if (term.record) return { term, record: term.record };
  const stamp = now.toISOString();
  const record = await writeRecord(db, 'contracts', {
    id: term.id, accountId, end: term.end, createdAt: stamp, updatedAt: stamp,
    ...(term.start ? { start: term.start } : {}), ...(term.value !== undefined ? { value: term.value } : {}), ...(term.currency ? { currency: term.currency } : {}),
  }, now);
  return { term, record };
}

/**
 * Records how the current term went, in one transaction. The term becomes a
 * record of the history (if it was not one yet) and the outcome names it.
 * Renewed also writes the next term, which the account then follows (its
 * contract end, ARR and currency), so the renewal timeline, touchpoints,
 * plan and likelihood start again for it. Churned closes the last term: no
 * next one is written.
 */
export async function recordTermOutcome(db: LensDB, raw: unknown, now: Date, newId: () => string = () => crypto.randomUUID()): Promise<{ ok: true; termId: string; nextTermId?: string }> {
  const input = TermOutcomeInputSchema.parse(raw);
  if (input.kind === 'renewed' && !input.next) throw new Error('a renewal needs the next term (start, end, value)');
  if (input.kind !== 'renewed' && (!input.symptom || !input.rootCause)) throw new Error('a churn or a "will not renew" needs its symptom and root cause');
  return guardStorage(db, () => db.transaction('rw', TABLES(db), async () => {
    const { term } = await storedCurrent(db, input.accountId, now);
    const next = input.kind === 'renewed' ? input.next! : undefined;
    if (next && !(next.end > term.end && next.start <= next.end && next.start > term.end)) {
      throw new Error(`the next term must start after ${term.end} and end after it starts`);
    }
    const stamp = now.toISOString();
    await writeRecord(db, 'outcomes', {
      id: newId(), accountId: input.accountId, termId: term.id, createdAt: stamp, updatedAt: stamp, kind: input.kind, date: input.date,
      ...(term.value !== undefined ? { previousArr: term.value } : {}),
      ...(term.currency ? { currency: term.currency } : {}),
      ...(next ? { newArr: next.value } : input.kind === 'churned' ? { newArr: 0 } : {}),
      ...(input.kind !== 'renewed' ? { symptom: input.symptom, rootCause: input.rootCause } : {}),
      ...(input.notes ? { notes: input.notes } : {}),
    }, now);
    if (!next) return { ok: true as const, termId: term.id };
    const id = termId(input.accountId, next.end);
    const existing = await db.contracts.get(id);
    const currency = next.currency ?? term.currency;
    await writeRecord(db, 'contracts', {
      ...(existing ?? { id, accountId: input.accountId, createdAt: stamp }),
      updatedAt: stamp, start: next.start, end: next.end, value: next.value, deleted: false,
      ...(currency ? { currency } : {}),
    }, now);
    return { ok: true as const, termId: term.id, nextTermId: id };
  }));
}

/** Ticks a step of the current term's renewal plan off (or back on), on the term's record. */
export async function tickPlanStep(db: LensDB, raw: unknown, now: Date): Promise<{ ok: true; termId: string }> {
  const input = PlanTickInputSchema.parse(raw);
  return guardStorage(db, () => db.transaction('rw', TABLES(db), async () => {
    const { term, record } = await storedCurrent(db, input.accountId, now);
    const { [input.step]: _was, ...rest } = record.planDone ?? {};
    const planDone = input.doneAt ? { ...rest, [input.step]: input.doneAt } : rest;
    await writeRecord(db, 'contracts', { ...record, planDone, updatedAt: now.toISOString() }, now);
    return { ok: true as const, termId: term.id };
  }));
}

/**
 * Marks the current term paid on a day (or clears the mark), on the term's
 * record. With a team server, the mark is the occasion for the CSM's
 * automated welcome when the team turned it on (docs/channels.md).
 */
export async function markTermPaid(db: LensDB, raw: unknown, now: Date): Promise<{ ok: true; termId: string }> {
  const input = PaidMarkInputSchema.parse(raw);
  return guardStorage(db, () => db.transaction('rw', TABLES(db), async () => {
    const { term, record } = await storedCurrent(db, input.accountId, now);
    const { paidAt: _was, ...rest } = record;
    await writeRecord(db, 'contracts', { ...rest, ...(input.paidAt ? { paidAt: input.paidAt } : {}), updatedAt: now.toISOString() }, now);
    return { ok: true as const, termId: term.id };
  }));
}
