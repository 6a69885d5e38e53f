import { firstText, nameFromTitle } from './dom';
import { isSalesforceAccountId, toSalesforceId18 } from './salesforce-id';
import type { CrmAdapter, UrlMatch } from './types';

// Lightning: /lightning/r/Account/<id>/view, or /lightning/r/<id>/view for 001 ids.
const LIGHTNING_RECORD = /^\/lightning\/r\/(?:(Account)\/)?([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/view\/?$/;
const TITLE = /^(.+?) \| Account \| Salesforce$/;

/** My Domain name: acme.lightning.force.com, acme--uat.sandbox.lightning.force.com. */
function orgKeyOf(host: string): string | undefined {
  const m = /^([a-z0-9-]+)(?:\.sandbox)?\.lightning\.force\.com$/i.exec(host);
  return m?.[1]?.toLowerCase();
}

// Lightning keeps hidden cached views of earlier records in the DOM; only the
// active one describes the record in the URL.
const ACTIVE_VIEW = '.windowViewMode-normal.active, .windowViewMode-maximized.active';
const HEADER_NAME = [
  'records-highlights2 h1 lightning-formatted-text',
  'h1 .slds-page-header__title lightning-formatted-text',
  'h1 .slds-page-header__title',
];

export const salesforce: CrmAdapter = {
  crm: 'salesforce',
  matches: ['https://*.lightning.force.com/*'],
  matchUrl(url) {
    const orgKey = orgKeyOf(url.hostname);
    if (!orgKey) return null;
    const m = LIGHTNING_RECORD.exec(url.pathname);
    if (!m) return null;
    const recordId = toSalesforceId18(m[2]!);
    if (!recordId) return null;
    if (!m[1] && !isSalesforceAccountId(recordId)) return null;
    return { recordId, orgKey };
  },
  readName(doc, match: UrlMatch) {
    const view = doc.querySelector(ACTIVE_VIEW);
    if (view) {
      // A view that names its record must name this one, or it is stale.
      const shown = view.getAttribute('data-record-id');
      if (!shown || toSalesforceId18(shown) === match.recordId) {
        const name = firstText(view, HEADER_NAME);
        if (name) return name;
      }
    }
    return undefined;
  },
  titleName: (doc) => nameFromTitle(doc.title, TITLE),
};
