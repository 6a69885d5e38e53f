import { freshsales } from './freshsales';
import { DIGITS, enc, labelOf, type RecordUrlBuilder } from './record-url';

/**
 * Freshsales: the account in Freshsales Suite on the company's subdomain.
 * Classic accounts (<co>.freshsales.io) keep the same subdomain as org key,
 * so the reference cannot tell them apart; Suite is the current product.
 */
export const freshsalesUrl: RecordUrlBuilder = (ref) => {
  const sub = labelOf(ref.orgKey);
  if (!sub || !DIGITS.test(ref.recordId)) return null;
  return {
    url: `https://${sub}.myfreshworks.com/crm/sales/accounts/${enc(ref.recordId)}`,
    adapter: freshsales,
    expect: { recordId: ref.recordId, orgKey: sub },
  };
};
