import { hubspot } from './hubspot';
import { DIGITS, enc, type RecordUrlBuilder } from './record-url';

/**
 * HubSpot: the company record in the portal. The reference does not say which
 * data centre the portal lives in; app.hubspot.com is the default host, and
 * the adapter accepts every data-centre host alike.
 */
export const hubspotUrl: RecordUrlBuilder = (ref) => {
  const portal = ref.orgKey;
  if (!portal || !DIGITS.test(portal) || !DIGITS.test(ref.recordId)) return null;
  return {
    url: `https://app.hubspot.com/contacts/${enc(portal)}/record/0-2/${enc(ref.recordId)}`,
    adapter: hubspot,
    expect: { recordId: ref.recordId, orgKey: portal },
  };
};
