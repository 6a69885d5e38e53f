import { dynamics, normaliseGuid } from './dynamics';
import { HOST, enc, type RecordUrlBuilder } from './record-url';

/** Dynamics 365: the account form on the org's own host, which is the whole org key. */
export const dynamicsUrl: RecordUrlBuilder = (ref) => {
  const host = ref.orgKey?.toLowerCase();
  const guid = normaliseGuid(ref.recordId);
  if (!host || !HOST.test(host) || !guid) return null;
  return {
    url: `https://${host}/main.aspx?pagetype=entityrecord&etn=account&id=${enc(guid)}`,
    adapter: dynamics,
    expect: { recordId: guid, orgKey: host },
  };
};
