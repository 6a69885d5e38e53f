import { readDealDetails } from './deal';
import { dynamics } from './dynamics';
import { FRESHSALES_DETAILS, freshsales } from './freshsales';
import { FXIAOKE_DETAIL, fxiaoke } from './fxiaoke';
import { HUBSPOT_ASSOCIATIONS, HUBSPOT_SIDEBAR, hubspot } from './hubspot';
import { PIPEDRIVE_DETAILS, pipedrive } from './pipedrive';
import { salesforce, salesforceRecordRoot } from './salesforce';
import type { CrmId, DealReader } from './types';
import { XIAOSHOUYI_DETAIL, xiaoshouyi } from './xiaoshouyi';
import { ZOHO_DETAIL, zoho } from './zoho';

/**
 * Per built-in CRM: where its deal pages show their account and amount.
 * Each reads inside the part of the page that describes the record open (the
 * active Lightning view, the detail layer), so cached views and lists behind
 * it are not taken for the deal's fields.
 */
export const DEAL_READERS: Readonly<Record<Exclude<CrmId, 'custom'>, DealReader>> = {
  salesforce: (doc, match, page) => readDealDetails(salesforce, salesforceRecordRoot(doc, match), page),
  // The amount is a property of the left sidebar; the company is an association card on the right.
  hubspot: (doc, _match, page) =>
    readDealDetails(hubspot, doc.querySelector(HUBSPOT_SIDEBAR), page, { associations: doc.querySelector(HUBSPOT_ASSOCIATIONS) }),
  // The opportunity's Account lookup shows the account's name; a lookup tag is no link, so its id is read only where one is.
  dynamics: (doc, _match, page) => readDealDetails(dynamics, doc.body, page),
  zoho: (doc, _match, page) => readDealDetails(zoho, doc.querySelector(ZOHO_DETAIL) ?? doc.body, page),
  pipedrive: (doc, _match, page) => readDealDetails(pipedrive, doc.querySelector(PIPEDRIVE_DETAILS) ?? doc.body, page),
  freshsales: (doc, _match, page) => readDealDetails(freshsales, doc.querySelector(FRESHSALES_DETAILS) ?? doc.body, page),
  fxiaoke: (doc, _match, page) => readDealDetails(fxiaoke, doc.querySelector(FXIAOKE_DETAIL), page),
  xiaoshouyi: (doc, _match, page) => readDealDetails(xiaoshouyi, doc.querySelector(XIAOSHOUYI_DETAIL) ?? doc.body, page),
};
