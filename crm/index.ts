import { DEFAULT_FIELD_LABELS, type FieldLabels } from './fields';
import { ADAPTERS } from './registry';
import { unproxied } from './proxy';
import type { AccountRef, CrmAdapter, UrlMatch } from './types';

export type { AccountRef, CrmAdapter, CrmId, DealRef, LinkedAccount, Money, UrlMatch } from './types';
export { CRM_IDS } from './types';

export interface UrlHit {
  adapter: CrmAdapter;
  match: UrlMatch;
}

/**
 * The adapter and record (account or deal) the URL points at, or null. A URL
 * seen through a security proxy (contoso.my.salesforce.com.mcas.ms) is read
 * as the app's own URL.
 */
export function matchRecord(rawUrl: string, adapters: readonly CrmAdapter[] = ADAPTERS): UrlHit | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  url = unproxied(url);
  for (const adapter of adapters) {
    const match = adapter.matchUrl(url);
    if (match) return { adapter, match };
  }
  return null;
}

/**
 * The adapter and account record the URL points at, or null. Deal pages give
 * null here: this is what the content script reports to the panel, which
 * looks up accounts (a deal's linked account is `linkedAccountRef` in crm/deal-detect.ts).
 */
export function matchUrl(rawUrl: string, adapters: readonly CrmAdapter[] = ADAPTERS): UrlHit | null {
  const hit = matchRecord(rawUrl, adapters);
  return hit && !hit.match.kind ? hit : null;
}

/** Longest name a detection carries; a page can put anything in its header, and no account name is longer. */
export const MAX_NAME = 200;
export const clipName = (name: string) => (name.length <= MAX_NAME ? name : `${name.slice(0, MAX_NAME - 1).replace(/[\uD800-\uDBFF]$/, '')}…`);

/**
 * Builds the reference from a URL hit and the document; the name falls back
 * header → title → none. A deal page gives the deal's own reference, marked
 * kind 'deal' and without account fields.
 */
export function refFrom(hit: UrlHit, doc: Document, labels: FieldLabels = DEFAULT_FIELD_LABELS): AccountRef {
  const { adapter, match } = hit;
  const ref: AccountRef = { crm: adapter.crm, recordId: match.recordId };
  if (match.orgKey) ref.orgKey = match.orgKey;
  const name = adapter.readName(doc, match) ?? adapter.titleName?.(doc);
  if (name) ref.name = clipName(name);
  if (match.kind) {
    ref.kind = match.kind;
    return ref;
  }
  const fields = adapter.readFields?.(doc, match, labels);
  if (fields && Object.keys(fields).length > 0) ref.fields = fields;
  return ref;
}

/** Pure: the account record open at `url` in `doc`, or null. */
export function detectAccount(url: string, doc: Document): AccountRef | null {
  const hit = matchUrl(url);
  return hit ? refFrom(hit, doc) : null;
}

