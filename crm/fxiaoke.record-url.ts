import { fxiaoke, fxiaokeTenant } from './fxiaoke';
import { enc, labelOf, type RecordUrlBuilder } from './record-url';

/**
 * 纷享销客: the account detail route in the hash, on the tenant's own
 * subdomain when the reference names one, else on www, where the tenant comes
 * from the session. An org key that is no tenant subdomain is ignored.
 */
export const fxiaokeUrl: RecordUrlBuilder = (ref) => {
  if (!/^[A-Za-z0-9_-]+$/.test(ref.recordId)) return null;
  const label = labelOf(ref.orgKey);
  const tenant = label ? fxiaokeTenant(`${label}.fxiaoke.com`) : undefined;
  return {
    url: `https://${tenant ?? 'www'}.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/${enc(ref.recordId)}`,
    adapter: fxiaoke,
    expect: tenant ? { recordId: ref.recordId, orgKey: tenant } : { recordId: ref.recordId },
  };
};
