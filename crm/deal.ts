import { contentText } from './dom';
import { readLabelledSlots } from './fields';
import { parseMoney } from './money';
import { unproxied } from './proxy';
import type { CrmAdapter, DealDetails, LinkedAccount, UrlMatch } from './types';

/**
 * Labels under which deal pages show their account and amount, in the
 * English and Chinese UIs: Salesforce "Account Name"/"Amount", HubSpot
 * "Amount", Dynamics "Account"/"Potential Customer"/"Est. Revenue", Zoho
 * "Account Name"/"Amount", Pipedrive "Organization"/"Value", Freshsales
 * "Sales account"/"Deal value", 纷享销客 and 销售易 "客户名称"/"商机金额"/"销售金额".
 */
export const DEAL_LABELS = {
  account: [
    'Account Name', 'Account', 'Potential Customer', 'Company', 'Organization', 'Organisation', 'Sales account',
    '客户名称', '客户', '潜在客户', '公司', '组织', '所属客户', '关联客户',
  ],
  amount: [
    'Amount', 'Deal amount', 'Deal value', 'Value', 'Est. Revenue', 'Estimated Revenue',
    '金额', '商机金额', '销售金额', '预计金额', '预计收入', '预计销售金额', '交易金额',
  ],
} as const;

/** Reads a link's target as a record of `adapter`, through a security proxy too; null when it is none. */
export function linkTarget(adapter: CrmAdapter, href: string | null, page: URL): UrlMatch | null {
  if (!href) return null;
  try {
    const url = unproxied(new URL(href, page));
    return url.protocol === 'https:' ? adapter.matchUrl(url) : null;
  } catch {
    return null;
  }
}

/** The first link under `root` that opens an account record of `adapter`. */
function accountLink(adapter: CrmAdapter, root: ParentNode, page: URL): { match: UrlMatch; text?: string } | undefined {
  for (const a of Array.from(root.querySelectorAll('a[href]'))) {
    const match = linkTarget(adapter, a.getAttribute('href'), page);
    if (match && !match.kind) return { match, text: contentText(a) };
  }
  return undefined;
}

export interface DealReadOptions {
  /** Where to look for an account link when no account field is labelled (HubSpot's association cards). */
  associations?: ParentNode | null;
}

/**
 * Pure: a deal page's account (name from the labelled field, record id from
 * the field's link when it opens an account of the same CRM) and amount.
 */
export function readDealDetails(adapter: CrmAdapter, root: ParentNode | null | undefined, page: URL, options: DealReadOptions = {}): DealDetails {
  const out: DealDetails = {};
  if (!root) return out;
  const slots = readLabelledSlots(root, DEAL_LABELS);
  let account: LinkedAccount | undefined;
  if (slots.account) {
    account = { name: slots.account.value };
    const link = accountLink(adapter, slots.account.slot, page);
    if (link) {
      account.recordId = link.match.recordId;
      if (link.match.orgKey) account.orgKey = link.match.orgKey;
      if (link.text) account.name = link.text;
    }
  } else if (options.associations) {
    const link = accountLink(adapter, options.associations, page);
    if (link) {
      account = { recordId: link.match.recordId };
      if (link.match.orgKey) account.orgKey = link.match.orgKey;
      if (link.text) account.name = link.text;
    }
  }
  if (account) out.account = account;
  const amount = parseMoney(slots.amount?.value);
  if (amount) out.amount = amount;
  return out;
}
