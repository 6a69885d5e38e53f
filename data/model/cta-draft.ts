import type { IsoDate } from '../../shared/dates/local-date';
import type { Account } from './account';
import type { Cta, CTA_SOURCES } from './records';
import type { MessageKey, Translator } from '../../shared/i18n';

export type CtaSource = (typeof CTA_SOURCES)[number];

/**
 * What a CTA's title says, as a code and values: the UI words it in the user's
 * language. Each code belongs to the feature whose rule drafts it, and that
 * rule words it (CtaRule.titles); features/index.ts gathers them.
 */
export type CtaTitleCode = string;

export interface CtaTitle {
  code: CtaTitleCode;
  params: Record<string, string | number>;
}

/** A CTA the engine wants to exist. The caller words the title and stamps the times (toCta). */
export interface CtaDraft {
  id: string;
  accountId: string;
  source: CtaSource;
  cause: string;
  title: CtaTitle;
  owner?: string;
  dueDate: IsoDate;
  status: 'open';
  needsOtherTeam?: boolean;
}

const MAX_ID = 100; // IdSchema's limit

/** FNV-1a, 32 bits, from a given offset basis: two bases give a 64-bit fingerprint. */
function fnv1a(s: string, basis: number): string {
  let h = basis >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The CTA id for a cause: the same on every device, so two devices that
 * evaluate the same account raise one record, which sync merges by id. A
 * cause too long for an id is fingerprinted instead.
 */
export function ctaId(cause: string): string {
  const plain = `cta:${cause}`;
  return plain.length <= MAX_ID ? plain : `cta:#${fnv1a(cause, 0x811c9dc5)}${fnv1a(cause, 0x050c5d1f)}`;
}

/** A draft as a record to store, once its title has been worded. */
export function toCta(draft: CtaDraft, title: string, at: string, author?: string): Cta {
  return {
    id: draft.id,
    accountId: draft.accountId,
    createdAt: at,
    updatedAt: at,
    ...(author ? { author } : {}),
    source: draft.source,
    cause: draft.cause,
    title,
    ...(draft.owner ? { owner: draft.owner } : {}),
    dueDate: draft.dueDate,
    status: 'open',
    ...(draft.needsOtherTeam !== undefined ? { needsOtherTeam: draft.needsOtherTeam } : {}),
  };
}

/** Days to act on a CTA raised from a dated event: a week, the rhythm of the weekly health reading. */
export const CTA_ACT_DAYS = 7;

/** A draft for `account`, owned by `extra.owner`, else the account's CSM, else its owner. */
export function draftCta(
  account: Pick<Account, 'id' | 'csm' | 'owner'>,
  source: CtaSource,
  cause: string,
  title: CtaTitle,
  dueDate: IsoDate,
  extra: { owner?: string; needsOtherTeam?: boolean } = {},
): CtaDraft {
  const who = extra.owner ?? account.csm ?? account.owner;
  // Built without spreads (the book drafts tens of thousands), keys in the same order.
  const draft: CtaDraft = who
    ? { id: ctaId(cause), accountId: account.id, source, cause, title, owner: who, dueDate, status: 'open' }
    : { id: ctaId(cause), accountId: account.id, source, cause, title, dueDate, status: 'open' };
  if (extra.needsOtherTeam !== undefined) draft.needsOtherTeam = extra.needsOtherTeam;
  return draft;
}

/** What one rule found for one account. */
export interface CtaRun {
  /** The CTAs the data calls for; the registry drops causes already raised. */
  create: CtaDraft[];
  /** Why an open CTA of this account is now resolved, when its cause is this rule's; else undefined. */
  resolve(cta: Cta): string | undefined;
  /**
   * Whether a CTA this rule closed (closedBy says why) is due again because
   * what closed it is undone, such as a deleted visit restored. A CTA a
   * person closed is never reopened.
   */
  reopen?(cta: Cta): boolean;
}

/**
 * A CTA kind's default play: what a CSM does about it, in 2–5 steps worded in
 * the catalogue. `causePrefix` is how a stored CTA of this kind is known (its
 * cause starts with it); `name` names the kind where plays are edited.
 */
export interface CtaPlay {
  causePrefix: string;
  name: MessageKey;
  steps: readonly MessageKey[];
}

/**
 * A feature's source of calls to action, registered in features/index.ts.
 * `I` is the part of the evaluation input the rule reads. A new source is a
 * new rule in its feature's folder: nothing central switches on its codes.
 */
export interface CtaRule<I> {
  evaluate(input: I): CtaRun;
  /** How each title code the rule drafts reads in the user's language (stored with the CTA). */
  titles: Record<CtaTitleCode, (params: CtaTitle['params'], tr: Translator) => string>;
  /** The note stored on a CTA the rule closes, per close reason. */
  closedNotes: Record<string, MessageKey>;
  /** Each title code's default play (features/plays.ts gathers them; every code needs one). */
  plays: Record<CtaTitleCode, CtaPlay>;
}

/**
 * A CTA counts while it is neither closed nor deleted: snoozing postpones the
 * work, it does not remove the risk.
 */
export const isOpenCta = (c: Pick<Cta, 'status' | 'deleted'>): boolean => !c.deleted && c.status !== 'closed';
