/**
 * What detection reports about the record open in a CRM page.
 * Kept free of zod and other heavy imports: this module is bundled into the
 * content script, which loads on every CRM page and must stay near 10 KB.
 */
export const CRM_IDS = [
  'salesforce',
  'hubspot',
  'dynamics',
  'zoho',
  'pipedrive',
  'freshsales',
  'fxiaoke',
  'xiaoshouyi',
  'custom',
] as const;
export type CrmId = (typeof CRM_IDS)[number];

/** Fields a record page visibly shows, read by their label. */
export type FieldKey = 'owner' | 'contractEnd' | 'annualValue';

export interface AccountRef {
  crm: CrmId;
  /** Normalised: the same record always yields the same string. */
  recordId: string;
  /** The tenant (org, portal, subdomain) where the URL shows one. */
  orgKey?: string;
  /** Display name as the user sees it, trimmed, CRM suffixes removed. */
  name?: string;
  fields?: Partial<Record<FieldKey, string>>;
  /**
   * 'deal': the page shows a deal (opportunity), not an account; `recordId`
   * and `name` are the deal's own, and its linked account is read apart
   * (crm/deal-detect.ts), so the content script stays small.
   */
  kind?: 'deal';
}

/** What the URL alone tells: enough to know a record is open. */
export interface UrlMatch {
  recordId: string;
  orgKey?: string;
  /** Absent for an account (company) record; 'deal' for an opportunity or deal record. */
  kind?: 'deal';
}

/** A money amount as the page shows it, read into a number. */
export interface Money {
  amount: number;
  /** ISO 4217 code, only when the page names it or shows an unambiguous symbol (not a bare $ or ¥). */
  currency?: string;
  /** The text read, whitespace collapsed. */
  text: string;
}

/** The account a deal belongs to, from the deal page's account field. */
export interface LinkedAccount {
  /** Present when the field links to the account's record page in the same CRM. */
  recordId?: string;
  orgKey?: string;
  name?: string;
}

/** What a deal page shows beyond its header: its account and amount. */
export interface DealDetails {
  account?: LinkedAccount;
  amount?: Money;
}

/** A deal (opportunity) record open in a CRM page. */
export interface DealRef {
  crm: CrmId;
  recordId: string;
  orgKey?: string;
  /** The deal's own name. */
  name?: string;
  account?: LinkedAccount;
  amount?: Money;
}

export interface CrmAdapter {
  crm: CrmId;
  /** Chrome match patterns of the hosts this CRM serves pages from. */
  matches: readonly string[];
  /** Pure: the record the URL points at (an account, or a deal with kind 'deal'), or null. */
  matchUrl(url: URL): UrlMatch | null;
  /**
   * Pure: the record's name from the DOM, or undefined while the page has not
   * rendered the header for *this* record yet (never a stale name).
   */
  readName(doc: Document, match: UrlMatch): string | undefined;
  /** Pure: the name from the document title, the fallback when the header cannot be read. */
  titleName?(doc: Document): string | undefined;
  /** Pure: labelled fields the page shows (owner, contract end, annual value). */
  readFields?(doc: Document, match: UrlMatch, labels: Readonly<Record<FieldKey, readonly string[]>>): AccountRef['fields'];
}

/**
 * Pure: on a deal page, its linked account and amount; `page` resolves the
 * links the page holds. Kept apart from the adapters (crm/deal-readers.ts) so
 * the content script, which reports accounts only, does not carry them.
 */
export type DealReader = (doc: Document, match: UrlMatch, page: URL) => DealDetails;
