import { firstVisibleText, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import type { CrmAdapter, UrlMatch } from './types';

// 销售易: /final/account.action?id=<numeric id>, and opportunities on
// /final/opportunity.action?id=<id> (public report scripts link both). Contacts
// and leads have their own *.action pages; without an id it is the list.
const PAGES = new Map<string, 'account' | 'deal'>([
  ['/final/account.action', 'account'],
  ['/final/opportunity.action', 'deal'],
]);
const ID = /^\d+$/;

export const XIAOSHOUYI_DETAIL = '.account-detail, .opportunity-detail, .detail-container';
const HEADER_NAME = ['.detail-header .entity-name', '.detail-header h2'];
// Record pages are titled "<name> - 销售易"; other pages carry the module name.
const TITLE = /^(.+?) - 销售易(?:CRM)?$/;
const NOT_A_NAME = ['客户', '客户详情', '销售机会', '商机', '商机详情', '销售易'];

export const xiaoshouyi: CrmAdapter = {
  crm: 'xiaoshouyi',
  matches: ['https://crm.xiaoshouyi.com/*'],
  matchUrl(url) {
    const kind = url.hostname === 'crm.xiaoshouyi.com' ? PAGES.get(url.pathname) : undefined;
    const recordId = url.searchParams.get('id')?.trim();
    if (!kind || !recordId || !ID.test(recordId)) return null;
    // The tenant is held in the session, not the URL, so there is no org key.
    const match: UrlMatch = { recordId };
    if (kind === 'deal') match.kind = 'deal';
    return match;
  },
  readName: (doc) => firstVisibleText(doc.querySelector(XIAOSHOUYI_DETAIL) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(XIAOSHOUYI_DETAIL) ?? doc.body, labels),
};
