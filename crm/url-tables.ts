import { salesforceUrls } from './salesforce.urls';
import { hubspotUrls } from './hubspot.urls';
import { dynamicsUrls } from './dynamics.urls';
import { zohoUrls } from './zoho.urls';
import { pipedriveUrls } from './pipedrive.urls';
import { freshsalesUrls } from './freshsales.urls';
import { fxiaokeUrls } from './fxiaoke.urls';
import { xiaoshouyiUrls } from './xiaoshouyi.urls';
import type { CrmId } from '.';

export interface UrlRow {
  url: string;
  recordId: string;
  orgKey?: string;
}

/**
 * Per CRM: URLs that are account records (with what they must yield), URLs
 * that are deal (opportunity) records, and URLs that are neither.
 */
export interface UrlTable {
  crm: CrmId;
  positives: UrlRow[];
  deals: UrlRow[];
  negatives: string[];
}


/** Every adapter's URL table (each beside its adapter as <name>.urls.ts; the structure test checks there is one per adapter). */
export const URL_TABLES: UrlTable[] = [
  salesforceUrls,
  hubspotUrls,
  dynamicsUrls,
  zohoUrls,
  pipedriveUrls,
  freshsalesUrls,
  fxiaokeUrls,
  xiaoshouyiUrls,
];
