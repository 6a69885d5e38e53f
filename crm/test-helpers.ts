import { matchUrl } from '.';
import { ADAPTERS } from './registry';
import type { RecordRef } from './urls';

/** The reference detection stores for a URL, as the content script reads it. */
export function parse(url: string, adapters = ADAPTERS): RecordRef | null {
  const hit = matchUrl(url, adapters);
  if (!hit) return null;
  const ref: RecordRef = { crm: hit.adapter.crm, recordId: hit.match.recordId };
  if (hit.match.orgKey) ref.orgKey = hit.match.orgKey;
  return ref;
}
