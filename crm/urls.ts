/**
 * The reverse of detection: the record page of a stored account, rebuilt from
 * its { crm, recordId, orgKey } so the portfolio can open it in its CRM.
 *
 * Stored references are user data (imports, sync), so every part is checked
 * before it goes into a URL, and every URL built is then read back by the
 * CRM's own adapter: a URL is returned only when that adapter recognises it
 * as the very same record. A hostile value therefore cannot point the link at
 * another host, another scheme or another record; it yields null instead.
 */
import { customUrl } from './custom.record-url';
import { dynamicsUrl } from './dynamics.record-url';
import { freshsalesUrl } from './freshsales.record-url';
import { fxiaokeUrl } from './fxiaoke.record-url';
import { hubspotUrl } from './hubspot.record-url';
import { pipedriveUrl } from './pipedrive.record-url';
import type { RecordRef, RecordUrlBuilder, RecordUrlOptions } from './record-url';
import { salesforceUrl } from './salesforce.record-url';
import type { CrmId } from './types';
import { xiaoshouyiUrl } from './xiaoshouyi.record-url';
import { zohoUrl } from './zoho.record-url';

export type { RecordRef, RecordUrlOptions } from './record-url';

const BUILDERS: Record<CrmId, RecordUrlBuilder> = {
  salesforce: salesforceUrl,
  hubspot: hubspotUrl,
  dynamics: dynamicsUrl,
  zoho: zohoUrl,
  pipedrive: pipedriveUrl,
  freshsales: freshsalesUrl,
  fxiaoke: fxiaokeUrl,
  xiaoshouyi: xiaoshouyiUrl,
  custom: customUrl,
};

/**
 * The https URL of the account's record page in its CRM, or null when the
 * reference lacks what that URL needs or holds a value that is not safe in it.
 */
export function recordUrl(ref: RecordRef, options: RecordUrlOptions = {}): string | null {
  if (typeof ref?.recordId !== 'string' || ref.recordId === '') return null;
  if (ref.orgKey !== undefined && typeof ref.orgKey !== 'string') return null;
  const build = Object.prototype.hasOwnProperty.call(BUILDERS, ref.crm) ? BUILDERS[ref.crm] : undefined;
  const candidate = build?.(ref, options);
  if (!candidate) return null;
  let url: URL;
  try {
    url = new URL(candidate.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  // The adapter must read the same account record back, or the URL is not this record's page.
  const back = candidate.adapter.matchUrl(url);
  if (!back || back.kind || back.recordId !== candidate.expect.recordId || back.orgKey !== candidate.expect.orgKey) return null;
  return url.href;
}
