import { firstVisibleText, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import { withProxies } from './proxy';
import type { CrmAdapter } from './types';

// One host per HubSpot data centre: app (na1), app-eu1, app-na2, app-na3, app-ap1.
const HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com', 'app-na3.hubspot.com', 'app-ap1.hubspot.com'];

// Every object lives under /contacts/<portal>/; 0-2 is the company object type and
// 0-3 the deal (0-1 contacts, 0-5 tickets). The old company and deal URLs are still
// linked from emails.
const RECORD = /^\/contacts\/(\d+)\/record\/0-([23])\/(\d+)(?:\/view\/\d+)?\/?$/;
const LEGACY = /^\/contacts\/(\d+)\/(company|deal)\/(\d+)\/?$/;
// The right sidebar holds association cards: a deal's companies are linked there (crm/deal-readers.ts).
export const HUBSPOT_ASSOCIATIONS = '[data-test-id="records-right-sidebar"]';

// HubSpot's class names are generated per build; only its test hooks are stable.
export const HUBSPOT_SIDEBAR = '[data-test-id="left-sidebar"]';
const HEADER_NAME = ['[data-selenium-test="highlightTitle"]', '[data-test-id="highlight-record-label"]'];
// Record tabs are titled "<name> | HubSpot"; index pages use the object's plural.
const TITLE = /^(.+?) \| HubSpot$/;
const NOT_A_NAME = ['Companies', 'Company', '公司', 'Deals', 'Deal', '交易', 'HubSpot'];

export const hubspot: CrmAdapter = {
  crm: 'hubspot',
  matches: withProxies(HOSTS.map((h) => `https://${h}/*`)),
  matchUrl(url) {
    if (!HOSTS.includes(url.hostname)) return null;
    const m = RECORD.exec(url.pathname) ?? LEGACY.exec(url.pathname);
    if (!m?.[1] || !m[3]) return null;
    const deal = m[2] === '3' || m[2] === 'deal';
    return deal ? { recordId: m[3], orgKey: m[1], kind: 'deal' } : { recordId: m[3], orgKey: m[1] };
  },
  // HubSpot's markup carries no record id near the header, so a stale name is
  // guarded by the caller (it waits for the name to change after navigation).
  readName: (doc) => firstVisibleText(doc.querySelector(HUBSPOT_SIDEBAR) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  // The left sidebar holds the record's own properties; the right one shows
  // associated deals and contacts, whose owners are not the company's.
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(HUBSPOT_SIDEBAR), labels),
};
