/**
 * What every CRM's reverse URL builder shares: the stored reference it reads,
 * the candidate URL it proposes, and the checks of the parts that go into it.
 * The builders live beside their adapters (crm/<name>.record-url.ts); the
 * registry that tries them and reads each URL back is crm/urls.ts.
 */
import type { CustomRule } from './custom';
import type { CrmAdapter, CrmId, UrlMatch } from './types';

export interface RecordRef {
  crm: CrmId;
  recordId: string;
  orgKey?: string;
}

export interface RecordUrlOptions {
  /** The user's own CRM rules; a custom reference names its rule by id in orgKey. */
  customRules?: readonly CustomRule[];
}

/** A URL to try and the record its adapter must read back from it. */
export interface Candidate {
  url: string;
  adapter: CrmAdapter;
  expect: UrlMatch;
}

export type RecordUrlBuilder = (ref: RecordRef, options: RecordUrlOptions) => Candidate | null;

export const DIGITS = /^\d+$/;
// One DNS label: what a My Domain name or a tenant subdomain may be.
export const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A whole host name, two labels or more; which hosts count is the adapter's call.
export const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export const enc = encodeURIComponent;

/** Lower-cased org key when it is one DNS label (host names are case-insensitive). */
export function labelOf(orgKey: string | undefined): string | null {
  const key = orgKey?.toLowerCase();
  return key && LABEL.test(key) ? key : null;
}

