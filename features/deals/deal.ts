import type { AccountRef, DealRef } from '../../crm/types';

/** Where a deal page's account stands: the page links none, it is not in the data, or it is. */
export type DealLink = 'no_link' | 'not_in_data' | 'in_data';

/** Pure: the link state from the linked account's reference and the stored account (undefined: still loading). */
export function dealLink(accountRef: AccountRef | null, stored: { id: string } | null | undefined): DealLink | 'loading' {
  if (!accountRef) return 'no_link';
  if (stored === undefined) return 'loading';
  return stored ? 'in_data' : 'not_in_data';
}

/** What "when CS joins" weighs, from the deal's amount and what the account's handover says of cycle and implementation. */
export interface DealFacts {
  value?: number;
  /** The amount's currency as the page showed it (absent: not shown). */
  currency?: string;
  salesCycleDays?: number;
  implementationWeeks?: number;
}

/**
 * Pure: the deal's facts for the involvement rule. The amount on the page is
 * the deal's value; the sales cycle and implementation time come from the
 * account's handover checklist when sales filled them in.
 */
export function dealFacts(deal: Pick<DealRef, 'amount'>, handover?: { salesCycleDays?: number; implementationWeeks?: number }): DealFacts {
  const facts: DealFacts = {};
  if (deal.amount && Number.isFinite(deal.amount.amount)) {
    facts.value = deal.amount.amount;
    if (deal.amount.currency) facts.currency = deal.amount.currency;
  }
  if (handover?.salesCycleDays !== undefined) facts.salesCycleDays = handover.salesCycleDays;
  if (handover?.implementationWeeks !== undefined) facts.implementationWeeks = handover.implementationWeeks;
  return facts;
}
