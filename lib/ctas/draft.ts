import type { IsoDate } from '../dates/local-date';
import type { Cta, CTA_SOURCES } from '../model/records';

export type CtaSource = (typeof CTA_SOURCES)[number];

/** What a CTA's title says, as a code and values: the UI words it in the user's language. */
export type CtaTitleCode =
  | 'health_red_streak'
  | 'renewal_touchpoint'
  | 'onboarding_milestone'
  | 'churn_recovery'
  | 'service_visit_missed'
  | 'service_report_missing'
  | 'service_qbr_missed'
  | 'service_followup'
  | 'expectation_reset'
  | 'expectation_review';

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
