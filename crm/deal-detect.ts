/**
 * Deal (opportunity) pages: the deal open, its linked account and amount.
 * Apart from crm/index.ts so the content script, which reports accounts
 * only, does not carry the deal readers.
 */
import { clipName, matchRecord } from '.';
import { DEAL_READERS } from './deal-readers';
import { unproxied } from './proxy';
import type { AccountRef, DealRef } from './types';

/** Pure: the deal open at `url` in `doc` with its linked account and amount; null when the URL is no deal. */
export function detectDeal(url: string, doc: Document): DealRef | null {
  const hit = matchRecord(url);
  if (!hit || hit.match.kind !== 'deal') return null;
  const { adapter, match } = hit;
  const deal: DealRef = { crm: adapter.crm, recordId: match.recordId };
  if (match.orgKey) deal.orgKey = match.orgKey;
  const name = adapter.readName(doc, match) ?? adapter.titleName?.(doc);
  if (name) deal.name = clipName(name);
  const read = Object.prototype.hasOwnProperty.call(DEAL_READERS, adapter.crm) ? DEAL_READERS[adapter.crm as keyof typeof DEAL_READERS] : undefined;
  const details = read?.(doc, match, unproxied(new URL(url)));
  if (details?.account) {
    const account = { ...details.account };
    if (account.name) account.name = clipName(account.name);
    deal.account = account;
  }
  if (details?.amount) deal.amount = details.amount;
  return deal;
}

/**
 * The account a deal page stands for: its linked account, when the page links
 * to that account's record (a name alone cannot be looked up). The org is the
 * deal's own unless the link named another.
 */
export function linkedAccountRef(deal: DealRef): AccountRef | null {
  const id = deal.account?.recordId;
  if (!id) return null;
  const ref: AccountRef = { crm: deal.crm, recordId: id };
  const orgKey = deal.account?.orgKey ?? deal.orgKey;
  if (orgKey) ref.orgKey = orgKey;
  if (deal.account?.name) ref.name = deal.account.name;
  return ref;
}
