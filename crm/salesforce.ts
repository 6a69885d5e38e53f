import { firstText, nameFromTitle } from './dom';
import { readLabelledFields } from './fields';
import { isSalesforceAccountId, toSalesforceId18 } from './salesforce-id';
import type { CrmAdapter, UrlMatch } from './types';

// Lightning: /lightning/r/Account/<id>/view, or /lightning/r/<id>/view for 001 ids.
const LIGHTNING_RECORD = /^\/lightning\/r\/(?:(Account)\/)?([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/view\/?$/;
// Classic: the record id is the whole path (/001…). Edit (/<id>/e), tab (/001/o) and
// list (/001?fcf=…) pages do not fit.
const CLASSIC_RECORD = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/?$/;
// Lightning "Acme | Account | Salesforce" (客户 in Chinese UIs); Classic "Account: Acme ~ Salesforce - Enterprise Edition".
const TITLES = [/^(.+?) \| (?:Account|客户) \| Salesforce$/, /^(?:Account|客户)[:：] ?(.+?) ~ Salesforce(?: - .+)?$/];

/**
 * My Domain name from the host: acme.lightning.force.com, acme--uat.sandbox.…,
 * acme-dev-ed.develop.… (Lightning), and the same names on .my.salesforce.com
 * (Classic). `classic` tells which of the two hosts it was.
 */
function orgOf(host: string): { orgKey: string; classic: boolean } | undefined {
  const m = /^([a-z0-9-]+)(?:\.(?:sandbox|develop|scratch))?\.(lightning\.force|my\.salesforce)\.com$/i.exec(host);
  if (!m?.[1]) return undefined;
  return { orgKey: m[1].toLowerCase(), classic: m[2]!.toLowerCase() === 'my.salesforce' };
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

export const salesforce: CrmAdapter = {
  crm: 'salesforce',
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  matchUrl(url) {
    const org = orgOf(url.hostname);
    if (!org) return null;
    let raw: string | undefined;
    let typed = false;
    if (org.classic) {
      raw = CLASSIC_RECORD.exec(url.pathname)?.[1];
    } else {
      const m = LIGHTNING_RECORD.exec(url.pathname);
      raw = m?.[2];
      typed = !!m?.[1];
    }
    const recordId = raw ? toSalesforceId18(raw) : null;
    if (!recordId) return null;
    if (!typed && !isSalesforceAccountId(recordId)) return null;
    return { recordId, orgKey: org.orgKey };
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
