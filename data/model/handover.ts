import { z } from 'zod';
import { IsoDateSchema, text, TimestampSchema, WrittenSchema } from './common';

/** Where a key person stands on the account: who decides, who backs us, who pushes against. */
export const STANCES = ['decision_maker', 'supporter', 'opponent'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * One of the account's key people, first written at handover and kept up on
 * the account afterwards. `id` keeps a person the same across renames (rows
 * from before it are known by their name); `leftAt`: the day the CSM learnt
 * they left the customer, which raises a call to action.
 */
export const PersonSchema = z.object({
  id: z.string().trim().min(1).max(60).optional(),
  role: z.enum(['boss', 'champion', 'user', 'other']),
  name: text(200).min(1),
  contact: text(300).optional(),
  stance: z.enum(STANCES).optional(),
  leftAt: IsoDateSchema.optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** How a key person is known: their id, or (written before ids, or in the handover form) their name. */
export const personKey = (p: Pick<Person, 'id' | 'name'>): string => p.id ?? `name:${p.name.trim().toLowerCase()}`;

/**
 * The deal a handover was started from, when Mark signed started it: the
 * deal's name and amount as its page showed them, the signing day and the
 * salesperson (the user's own name, when they set one).
 */
export const HandoverDealSchema = z.object({
  name: text(300),
  amount: z.number().min(0).max(1e12),
  currency: z.string().regex(/^[A-Z]{3}$/),
  signedAt: IsoDateSchema,
  salesperson: text(200),
}).partial();
export type HandoverDeal = z.infer<typeof HandoverDealSchema>;

/** Sales' handover of a newly signed customer to the CSM. */
export const HandoverSchema = WrittenSchema.extend({
  status: z.enum(['draft', 'submitted', 'accepted', 'returned']),
  basics: z.object({ industry: text(200), size: text(100), locations: text(500) }).partial().optional(),
  bought: z
    .object({ products: text(1000), seats: z.number().int().min(0), termMonths: z.number().int().min(0), value: z.number().min(0) })
    .partial()
    .optional(),
  technical: text(4000).optional(),
  outcomes: z.array(text(1000)).max(50).optional(),
  keyPeople: z.array(PersonSchema).max(50).optional(),
  promises: z.array(text(2000)).max(50).optional(),
  fitRisks: z.array(text(1000)).max(50).optional(),
  questions: text(4000).optional(),
  /** The CSM's success story for the introduction: a customer like this one and their road; kept for the renewal. */
  successStory: text(1000).optional(),
  /** How the deal ran: the inputs of the rule for when CS joins the sale. */
  salesCycleDays: z.number().int().min(0).max(3650).optional(),
  implementationWeeks: z.number().int().min(0).max(520).optional(),
  deal: HandoverDealSchema.optional(),
  /** 'quick': three fields written from the toolbar, to complete later. */
  origin: z.enum(['quick', 'full']).optional(),
  submittedAt: TimestampSchema.optional(),
  decidedAt: TimestampSchema.optional(),
  decidedBy: text(200).optional(),
});
export type Handover = z.infer<typeof HandoverSchema>;

/** An account's handover record: one per account, so two devices converge on it. */
export const handoverId = (accountId: string): string => `handover:${accountId}`;
