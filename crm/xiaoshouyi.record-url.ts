import { xiaoshouyi } from './xiaoshouyi';
import { DIGITS, enc, type RecordUrlBuilder } from './record-url';

/** 销售易: the account page with the id in the query; the tenant comes from the session. */
export const xiaoshouyiUrl: RecordUrlBuilder = (ref) => {
  if (!DIGITS.test(ref.recordId)) return null;
  return {
    url: `https://crm.xiaoshouyi.com/final/account.action?id=${enc(ref.recordId)}`,
    adapter: xiaoshouyi,
    expect: { recordId: ref.recordId },
  };
};
