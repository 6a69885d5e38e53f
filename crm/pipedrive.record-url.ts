import { pipedrive } from './pipedrive';
import { DIGITS, enc, labelOf, type RecordUrlBuilder } from './record-url';

/** Pipedrive: the organization page on the company's subdomain, which is required. */
export const pipedriveUrl: RecordUrlBuilder = (ref) => {
  const sub = labelOf(ref.orgKey);
  if (!sub || !DIGITS.test(ref.recordId)) return null;
  return {
    url: `https://${sub}.pipedrive.com/organization/${enc(ref.recordId)}`,
    adapter: pipedrive,
    expect: { recordId: ref.recordId, orgKey: sub },
  };
};
