import { zoho } from './zoho';
import { DIGITS, enc, type RecordUrlBuilder } from './record-url';

/**
 * Zoho CRM: the Accounts module record, under the org segment when the
 * reference has one. The data centre is not part of the reference; the US
 * host crm.zoho.com is the default.
 */
export const zohoUrl: RecordUrlBuilder = (ref) => {
  if (!DIGITS.test(ref.recordId)) return null;
  if (ref.orgKey !== undefined && !DIGITS.test(ref.orgKey)) return null;
  const org = ref.orgKey ? `org${enc(ref.orgKey)}/` : '';
  return {
    url: `https://crm.zoho.com/crm/${org}tab/Accounts/${enc(ref.recordId)}`,
    adapter: zoho,
    expect: ref.orgKey ? { recordId: ref.recordId, orgKey: ref.orgKey } : { recordId: ref.recordId },
  };
};
