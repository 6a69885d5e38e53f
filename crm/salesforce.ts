import { firstText, nameFromTitle } from './dom';
import { readLabelledFields } from './fields';
import { withProxies } from './proxy';
import { toSalesforceId18 } from './salesforce-id';
import type { CrmAdapter, UrlMatch } from './types';

const ID = '([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})';
// Lightning: /lightning/r/<Object>/<id>/view or /lightning/r/<id>/view, also inside an
// app (/lightning/app/<app id or developer name>/r/…: Salesforce "pageReference Types", App type).
const LIGHTNING_RECORD = new RegExp(`^/lightning/(?:app/[A-Za-z0-9_]+/)?r/(?:([A-Za-z][A-Za-z0-9_]*)/)?${ID}/view/?$`);
// Older one.app links keep the route in the hash: /one/one.app#/sObject/<id>/view.
const ONE_APP_PATH = /^\/one\/one\.app\/?$/;
const ONE_APP_ROUTE = new RegExp(`^#/sObject/${ID}(?:/view)?/?(?:\\?.*)?$`);
// Classic: the record id is the whole path (/001…). Edit (/<id>/e), tab (/001/o) and
// list (/001?fcf=…) pages do not fit.
const CLASSIC_RECORD = new RegExp(`^/${ID}/?$`);
// Lightning "Acme | Account | Salesforce" (客户 in Chinese UIs); Classic "Account: Acme ~ Salesforce - Enterprise Edition".
const TITLES = [
  /^(.+?) \| (?:Account|客户|Opportunity|业务机会|商机) \| Salesforce$/,
  /^(?:Account|客户|Opportunity|业务机会)[:：] ?(.+?) ~ Salesforce(?: - .+)?$/,
];

// Key prefixes: 001 accounts, 006 opportunities; other objects are not ours.
type Kind = 'account' | 'deal';
const KIND_BY_PREFIX = new Map<string, Kind>([['001', 'account'], ['006', 'deal']]);
const KIND_BY_OBJECT = new Map<string, Kind>([['account', 'account'], ['opportunity', 'deal']]);

/**
 * Partitioned My Domain hosts (Salesforce Help, "Partitioned Domains"):
 * <name>[.<partition>].lightning.force.com and <name>[.<partition>].my.salesforce.com,
 * and on Salesforce on Alibaba Cloud <name>[.<partition>].lightning.sfcrmapps.cn and
 * <name>[.<partition>].my.sfcrmproducts.cn.
 */
const HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.(sandbox|develop|scratch|demo|patch|trailblaze))?\.(lightning\.force\.com|my\.salesforce\.com|lightning\.sfcrmapps\.cn|my\.sfcrmproducts\.cn)$/;
/** Marks an org key of Salesforce on Alibaba Cloud, whose My Domain names are their own namespace. */
export const CHINA_ORG_SUFFIX = '.sfcrmapps.cn';

/** True when the My Domain name itself tells the partition: sandboxes carry "--", Developer Edition names end in "-dev-ed". */
export function partitionImplied(name: string, partition: string): boolean {
  return (partition === 'sandbox' && name.includes('--')) || (partition === 'develop' && name.endsWith('-dev-ed'));
}

/**
 * The org key from the host: the My Domain name, plus the partition when the
 * name does not tell it (acme.demo), plus the China marker (acme.sfcrmapps.cn).
 * `classic` tells a my.* host from a Lightning one.
 */
function orgOf(host: string): { orgKey: string; classic: boolean } | undefined {
  const m = HOST.exec(host.toLowerCase());
  if (!m?.[1] || !m[3]) return undefined;
  const [, name, partition, product] = m;
  let orgKey = name;
  if (partition && !partitionImplied(name, partition)) orgKey += `.${partition}`;
  if (product.endsWith('.cn')) orgKey += CHINA_ORG_SUFFIX;
  return { orgKey, classic: product.startsWith('my.') };
}

/** The record id and the object the path names, when it names one. */
function recordOf(url: URL, classic: boolean): { raw: string; object?: string } | undefined {
  if (classic) {
    const raw = CLASSIC_RECORD.exec(url.pathname)?.[1];
    return raw ? { raw } : undefined;
  }
  if (ONE_APP_PATH.test(url.pathname)) {
    const raw = ONE_APP_ROUTE.exec(url.hash)?.[1];
    return raw ? { raw } : undefined;
  }
  const m = LIGHTNING_RECORD.exec(url.pathname);
  return m?.[2] ? { raw: m[2], object: m[1] } : undefined;
}

// Lightning keeps hidden cached views of earlier records in the DOM; only the
// active one describes the record in the URL.
const ACTIVE_VIEW = '.windowViewMode-normal.active, .windowViewMode-maximized.active';
const HEADER_NAME = [
  'records-highlights2 h1 lightning-formatted-text',
  'h1 .slds-page-header__title lightning-formatted-text',
  'h1 .slds-page-header__title',
];
// Classic renders one record per page load, so its header cannot be stale.
const CLASSIC_PAGE = '.bPageTitle';
const CLASSIC_NAME = ['.bPageTitle .pageDescription'];
const CLASSIC_DETAIL = '#ep, .bDetailBlock';

/** The active Lightning view when it shows this record (or names none); null when stale or absent. */
function activeView(doc: Document, match: UrlMatch): Element | null {
  const view = doc.querySelector(ACTIVE_VIEW);
  if (!view) return null;
  // A view that names its record must name this one, or it is stale.
  const shown = view.getAttribute('data-record-id');
  return !shown || toSalesforceId18(shown) === match.recordId ? view : null;
}

/** The part of the page that describes this record: the active Lightning view, else Classic's detail block. */
export function salesforceRecordRoot(doc: Document, match: UrlMatch): Element | null {
  return activeView(doc, match) ?? (doc.querySelector(ACTIVE_VIEW) ? null : doc.querySelector(CLASSIC_DETAIL));
}

export const salesforce: CrmAdapter = {
  crm: 'salesforce',
  matches: [
    ...withProxies(['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*']),
    'https://*.lightning.sfcrmapps.cn/*',
    'https://*.my.sfcrmproducts.cn/*',
  ],
  matchUrl(url) {
    const org = orgOf(url.hostname);
    const rec = org && recordOf(url, org.classic);
    if (!org || !rec) return null;
    const recordId = toSalesforceId18(rec.raw);
    if (!recordId) return null;
    // A typed path names the object; an untyped one is read by the id's key prefix.
    const kind = rec.object ? KIND_BY_OBJECT.get(rec.object.toLowerCase()) : KIND_BY_PREFIX.get(recordId.slice(0, 3));
    if (!kind) return null;
    return kind === 'deal' ? { recordId, orgKey: org.orgKey, kind } : { recordId, orgKey: org.orgKey };
  },
  readName(doc, match) {
    const view = activeView(doc, match);
    if (view) return firstText(view, HEADER_NAME);
    return doc.querySelector(CLASSIC_PAGE) ? firstText(doc, CLASSIC_NAME) : undefined;
  },
  titleName: (doc) => {
    for (const re of TITLES) {
      const name = nameFromTitle(doc.title, re);
      if (name) return name;
    }
    return undefined;
  },
  readFields(doc, match, labels) {
    const view = activeView(doc, match);
    if (view) return readLabelledFields(view, labels);
    const classic = doc.querySelector(CLASSIC_DETAIL);
    if (!classic) return undefined;
    const fields = readLabelledFields(classic, labels);
    // Classic puts action links after a value: "Jane Doe [Change]".
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
      const value = fields[key]!.replace(/\s*\[[^\]]*\]\s*$/, '');
      if (value) fields[key] = value;
      else delete fields[key];
    }
    return fields;
  },
};
