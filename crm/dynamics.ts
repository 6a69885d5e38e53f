import { isHidden, textOf } from './dom';
import { readLabelledFields } from './fields';
import { withProxies } from './proxy';
import type { CrmAdapter } from './types';

/**
 * Org host: <org>.crm<N>.dynamics.com (N is the region: crm, crm4, crm11, and
 * crm9 for US GCC), <org>.crm.dynamics.cn (China) and
 * <org>.crm.microsoftdynamics.us (US GCC High). The whole host is the org key:
 * the same org name can exist in two regions.
 */
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.(?:crm\d*\.dynamics\.com|crm\.dynamics\.cn|crm\.microsoftdynamics\.us)$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Legacy URLs name the table by its type code instead of etn: 1 is account, 3 opportunity.
const KIND_BY_TABLE = new Map<string, 'account' | 'deal'>([['account', 'account'], ['opportunity', 'deal']]);
const KIND_BY_TYPE_CODE = new Map<string, 'account' | 'deal'>([['1', 'account'], ['3', 'deal']]);

/** Lower-case GUID without braces, or null: URLs carry {…}, %7B…%7D and upper case. */
export function normaliseGuid(raw: string): string | null {
  const id = raw.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return GUID.test(id) ? id : null;
}

// The form header appends the save state to the name.
const SAVE_STATE = /\s*-\s*(?:Saved|Unsaved|Read-only|已保存|未保存|只读)$/i;

/** Removes the save-state suffix ("Acme - Saved" → "Acme"). */
export function stripSaveState(name: string): string | undefined {
  const out = name.replace(SAVE_STATE, '').trim();
  return out ? out : undefined;
}

// Title: "Account: Acme - Dynamics 365" (Power Apps for custom apps), "Opportunity: …" on deals.
const TITLE = /^(?:(?:Account|客户|Opportunity|商机)[:：]\s*)?(.+?)\s+-\s+(?:Microsoft )?(?:Dynamics 365|Power Apps)$/;

export const dynamics: CrmAdapter = {
  crm: 'dynamics',
  // Regions keep being added (crm21…); one wildcard saves shipping a list that goes stale.
  matches: [...withProxies(['https://*.dynamics.com/*']), 'https://*.crm.dynamics.cn/*', 'https://*.crm.microsoftdynamics.us/*'],
  matchUrl(url) {
    const host = url.hostname.toLowerCase();
    if (!HOST.test(host) || url.pathname.toLowerCase() !== '/main.aspx') return null;
    // Parameter names are matched case-insensitively and in any order.
    const q = new Map<string, string>();
    for (const [k, v] of url.searchParams) q.set(k.toLowerCase(), v);
    if (q.get('pagetype')?.toLowerCase() !== 'entityrecord') return null;
    const etn = q.get('etn')?.toLowerCase();
    const kind = etn ? KIND_BY_TABLE.get(etn) : KIND_BY_TYPE_CODE.get(q.get('etc') ?? '');
    if (!kind) return null;
    // A new-record form has no id yet.
    const recordId = normaliseGuid(q.get('id') ?? '');
    if (!recordId) return null;
    return kind === 'deal' ? { recordId, orgKey: host, kind } : { recordId, orgKey: host };
  },
  // Multi-session apps keep background sessions in the DOM but hidden; the
  // header carries no record id, so visibility is the guard.
  readName(doc) {
    for (const el of Array.from(doc.querySelectorAll('h1[data-id="header_title"]'))) {
      if (isHidden(el)) continue;
      const raw = el.getAttribute('title') || textOf(el);
      const name = raw ? stripSaveState(raw.replace(/\s+/g, ' ')) : undefined;
      if (name) return name;
    }
    return undefined;
  },
  titleName(doc) {
    const m = TITLE.exec(doc.title.trim());
    return m?.[1] ? stripSaveState(m[1]) : undefined;
  },
  // Hidden sessions are skipped by the reader; the header tiles come first.
  readFields: (doc, _match, labels) => readLabelledFields(doc.body, labels),
};
