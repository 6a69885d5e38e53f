import { firstVisibleText } from './dom';
import { readLabelledFields } from './fields';
import type { CrmAdapter } from './types';

// 纷享销客 routes in the hash: /XV/UI/Home#crm/detail/=/AccountObj/<id>.
// ContactObj, LeadsObj, NewOpportunityObj and #crm/list/=/AccountObj are not
// account records. Ids are opaque object ids, kept as given.
const PATH = /^\/XV\/UI\/Home\/?$/i;
const ROUTE = /^#crm\/detail\/=\/AccountObj\/([A-Za-z0-9_-]+)\/?(?:\?.*)?$/;

// The detail opens as a layer over the list; read only inside it so list
// columns (负责人 …) are not taken for the record's fields.
const DETAIL = '.crm-d-layout, .crm-detail';
const HEADER_NAME = ['.crm-d-header .crm-d-name', '.crm-d-header h1'];
// Without a header, the name is the 客户名称 field of the detail.
const NAME_LABELS = { name: ['客户名称', 'Account Name'] };

export const fxiaoke: CrmAdapter = {
  crm: 'fxiaoke',
  matches: ['https://www.fxiaoke.com/*'],
  matchUrl(url) {
    if (url.hostname !== 'www.fxiaoke.com' || !PATH.test(url.pathname)) return null;
    const recordId = ROUTE.exec(url.hash)?.[1];
    // The tenant is held in the session, not the URL, so there is no org key.
    return recordId ? { recordId } : null;
  },
  // Header → 客户名称 field. The page title is the product name, so there is no title fallback.
  readName(doc) {
    const detail = doc.querySelector(DETAIL);
    if (!detail) return undefined;
    return firstVisibleText(detail, HEADER_NAME) ?? readLabelledFields(detail, NAME_LABELS).name;
  },
  readFields: (doc, _match, labels) => readLabelledFields(doc.querySelector(DETAIL), labels),
};
