import { z } from 'zod';
import type { LensDB } from '../../data/db/db';
import { IdSchema, IsoDateSchema, TimestampSchema } from '../../data/model/common';
import { handoverId, HandoverDealSchema, type Handover, type HandoverDeal } from '../../data/model/handover';
import { putRecord, removedRecord } from './record-commands';

/**
 * What Mark signed sends beside the signing date: the deal it was marked on
 * (so a handover draft can start from it), or, on Undo, the moment the draft
 * it started was created (so Undo can take that draft back).
 */
export const SigningDraftInputSchema = z.object({
  accountId: IdSchema,
  signedAt: IsoDateSchema.nullable(),
  deal: HandoverDealSchema.pick({ name: true, amount: true, currency: true }).optional(),
  undoDraft: TimestampSchema.optional(),
});
export type SigningDraftInput = z.infer<typeof SigningDraftInputSchema>;

/** The fields a draft started by Mark signed holds before anyone edits it. */
const STARTED_FIELDS = new Set(['status', 'deal', 'bought']);
/** Fields every record carries that say nothing about its content. */
const META = new Set(['id', 'accountId', 'createdAt', 'updatedAt', 'version', 'author', 'updatedBy', 'conflicts', 'deleted']);

/**
 * The handover draft a deal marked signed starts, or null: the account
 * already has a handover (whatever its status), or the mark was no signing.
 * The draft is sales' own (status draft, not submitted), prefilled with the
 * deal's name, amount and currency, the signing day and the salesperson.
 */
export async function signingDraft(db: LensDB, raw: unknown, salesperson: string | undefined, now: Date): Promise<Record<string, unknown> | null> {
  const input = SigningDraftInputSchema.parse(raw);
  if (!input.signedAt || input.undoDraft) return null;
  const existing = await db.handovers.where('accountId').equals(input.accountId).toArray();
  if (existing.some((h) => !h.deleted)) return null;
  const deal: HandoverDeal = { ...input.deal, signedAt: input.signedAt, ...(salesperson?.trim() ? { salesperson: salesperson.trim() } : {}) };
  const fields: Partial<Handover> = { status: 'draft', deal, ...(deal.amount !== undefined ? { bought: { value: deal.amount } } : {}) };
  return putRecord(db, 'handovers', { id: handoverId(input.accountId), accountId: input.accountId, fields }, now);
}

/** True when nobody has changed the draft since Mark signed started it: only the deal's own prefill is there. */
export function untouchedDraft(h: Handover): boolean {
  if (h.deleted || h.status !== 'draft' || !h.deal) return false;
  const content = Object.keys(h).filter((k) => !META.has(k) && (h as Record<string, unknown>)[k] !== undefined);
  if (!content.every((k) => STARTED_FIELDS.has(k))) return false;
  const bought = h.bought ?? {};
  return Object.keys(bought).every((k) => k === 'value') && bought.value === h.deal.amount;
}

/**
 * Undo of a mark that started a draft: the tombstone of that draft (so the
 * removal reaches the team server too), or null when the draft is gone, is
 * another one, or was edited since (then it stays: it holds someone's work).
 */
export async function undoneDraft(db: LensDB, raw: unknown, now: Date): Promise<Record<string, unknown> | null> {
  const input = SigningDraftInputSchema.parse(raw);
  if (!input.undoDraft) return null;
  const id = handoverId(input.accountId);
  const stored = await db.handovers.get(id);
  if (!stored || stored.createdAt !== input.undoDraft || !untouchedDraft(stored)) return null;
  return removedRecord(db, 'handovers', id, stored.version, now);
}

/** What Mark signed answers: the account, and the creation moment of a draft it started (null: none started). */
export interface SignedAnswer {
  ok: true;
  accountId: string;
  draftStarted: string | null;
  draftRemoved: boolean;
}

/**
 * After the signing date is written: the handover draft started (a mark) or
 * taken back (its Undo), each through `write`, the same store-and-outbox
 * path as a draft typed in the Handover tab.
 */
export async function draftAfterSigning(
  db: LensDB, raw: unknown, salesperson: string | undefined, now: Date, write: (record: Record<string, unknown>) => Promise<unknown>,
): Promise<Pick<SignedAnswer, 'draftStarted' | 'draftRemoved'>> {
  const started = await signingDraft(db, raw, salesperson, now);
  if (started) await write(started);
  const removed = await undoneDraft(db, raw, now);
  if (removed) await write(removed);
  return { draftStarted: started ? String(started.createdAt) : null, draftRemoved: !!removed };
}
