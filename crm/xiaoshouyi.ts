import { firstVisibleText, titleNameExcept } from './dom';
import { readLabelledFields } from './fields';
import type { CrmAdapter } from './types';

// 销售易: /final/account.action?id=<numeric id>. Contacts, opportunities and
// leads have their own *.action pages; without an id it is the list.
const PATH = '/final/account.action';
const ID = /^\d+$/;

const DETAIL = '.account-detail, .detail-container';
const HEADER_NAME = ['.detail-header .entity-name', '.detail-header h2'];
// Record pages are titled "<name> - 销售易"; other pages carry the module name.
const TITLE = /^(.+?) - 销售易(?:CRM)?$/;
const NOT_A_NAME = ['客户', '客户详情', '销售易'];

export const xiaoshouyi: CrmAdapter = {
  crm: 'xiaoshouyi',
  matches: ['https://crm.xiaoshouyi.com/*'],
  matchUrl(url) {
    if (url.hostname !== 'crm.xiaoshouyi.com' || url.pathname !== PATH) return null;
    const recordId = url.searchParams.get('id')?.trim();
    // The tenant is held in the session, not the URL, so there is no org key.
    return recordId && ID.test(recordId) ? { recordId } : null;
  },
  readName: (doc) => firstVisibleText(doc.querySelector(DETAIL) ?? doc, HEADER_NAME),
  titleName: (doc) => titleNameExcept(doc.title, TITLE, NOT_A_NAME),
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(DETAIL) ?? doc.body, labels),
};
