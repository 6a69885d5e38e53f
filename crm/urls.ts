/**
 * The reverse of detection: the record page of a stored account, rebuilt from
 * its { crm, recordId, orgKey } so the portfolio can open it in its CRM.
 *
 * Stored references are user data (imports, sync), so every part is checked
 * before it goes into a URL, and every URL built is then read back by the
 * CRM's own adapter: a URL is returned only when that adapter recognises it
 * as the very same record. A hostile value therefore cannot point the link at
 * another host, another scheme or another record; it yields null instead.
 */
import { compileCustomRule, type CustomRule } from './custom';
import { dynamics, normaliseGuid } from './dynamics';
import { freshsales } from './freshsales';
import { fxiaoke } from './fxiaoke';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { toSalesforceId18 } from './salesforce-id';
import type { CrmAdapter, CrmId, UrlMatch } from './types';
import { xiaoshouyi } from './xiaoshouyi';
import { zoho } from './zoho';

export interface RecordRef {
  crm: CrmId;
  recordId: string;
  orgKey?: string;
}

export interface RecordUrlOptions {
  /** The user's own CRM rules; a custom reference names its rule by id in orgKey. */
  customRules?: readonly CustomRule[];
}

/** A URL to try and the record its adapter must read back from it. */
interface Candidate {
  url: string;
  adapter: CrmAdapter;
  expect: UrlMatch;
}

type Builder = (ref: RecordRef, options: RecordUrlOptions) => Candidate | null;

const DIGITS = /^\d+$/;
// One DNS label: what a My Domain name or a tenant subdomain may be.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A whole host name, two labels or more; which hosts count is the adapter's call.
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

const enc = encodeURIComponent;

/** Lower-cased org key when it is one DNS label (host names are case-insensitive). */
function labelOf(orgKey: string | undefined): string | null {
  const key = orgKey?.toLowerCase();
  return key && LABEL.test(key) ? key : null;
}

/**
 * Salesforce: Lightning record page on the org's My Domain. Detection keeps the
 * My Domain name and drops the enhanced-domain segment, which the name itself
 * tells again: sandbox names carry "--" (acme--uat.sandbox…), Developer
 * Edition names end in "-dev-ed" (….develop…). The id stays as stored, 15 or
 * 18 characters; the typed /Account/ path opens either.
 */
const salesforceUrl: Builder = (ref) => {
  const org = labelOf(ref.orgKey);
  const id18 = toSalesforceId18(ref.recordId);
  // toSalesforceId18 trims; the stored id itself must be bare.
  if (!org || !id18 || ref.recordId.trim() !== ref.recordId) return null;
  const segment = org.includes('--') ? '.sandbox' : org.endsWith('-dev-ed') ? '.develop' : '';
  return {
    url: `https://${org}${segment}.lightning.force.com/lightning/r/Account/${enc(ref.recordId)}/view`,
    adapter: salesforce,
    expect: { recordId: id18, orgKey: org },
  };
};

/**
 * HubSpot: the company record in the portal. The reference does not say which
 * data centre the portal lives in; app.hubspot.com is the default host, and
 * the adapter accepts every data-centre host alike.
 */
const hubspotUrl: Builder = (ref) => {
  const portal = ref.orgKey;
  if (!portal || !DIGITS.test(portal) || !DIGITS.test(ref.recordId)) return null;
  return {
    url: `https://app.hubspot.com/contacts/${enc(portal)}/record/0-2/${enc(ref.recordId)}`,
    adapter: hubspot,
    expect: { recordId: ref.recordId, orgKey: portal },
  };
};

/** Dynamics 365: the account form on the org's own host, which is the whole org key. */
const dynamicsUrl: Builder = (ref) => {
  const host = ref.orgKey?.toLowerCase();
  const guid = normaliseGuid(ref.recordId);
  if (!host || !HOST.test(host) || !guid) return null;
  return {
    url: `https://${host}/main.aspx?pagetype=entityrecord&etn=account&id=${enc(guid)}`,
    adapter: dynamics,
    expect: { recordId: guid, orgKey: host },
  };
};

/**
 * Zoho CRM: the Accounts module record, under the org segment when the
 * reference has one. The data centre is not part of the reference; the US
 * host crm.zoho.com is the default.
 */
const zohoUrl: Builder = (ref) => {
  if (!DIGITS.test(ref.recordId)) return null;
  if (ref.orgKey !== undefined && !DIGITS.test(ref.orgKey)) return null;
  const org = ref.orgKey ? `org${enc(ref.orgKey)}/` : '';
  return {
    url: `https://crm.zoho.com/crm/${org}tab/Accounts/${enc(ref.recordId)}`,
    adapter: zoho,
    expect: ref.orgKey ? { recordId: ref.recordId, orgKey: ref.orgKey } : { recordId: ref.recordId },
  };
};

/** Pipedrive: the organization page on the company's subdomain, which is required. */
const pipedriveUrl: Builder = (ref) => {
  const sub = labelOf(ref.orgKey);
  if (!sub || !DIGITS.test(ref.recordId)) return null;
  return {
    url: `https://${sub}.pipedrive.com/organization/${enc(ref.recordId)}`,
    adapter: pipedrive,
    expect: { recordId: ref.recordId, orgKey: sub },
  };
};

/**
 * Freshsales: the account in Freshsales Suite on the company's subdomain.
 * Classic accounts (<co>.freshsales.io) keep the same subdomain as org key,
 * so the reference cannot tell them apart; Suite is the current product.
 */
const freshsalesUrl: Builder = (ref) => {
  const sub = labelOf(ref.orgKey);
  if (!sub || !DIGITS.test(ref.recordId)) return null;
  return {
    url: `https://${sub}.myfreshworks.com/crm/sales/accounts/${enc(ref.recordId)}`,
    adapter: freshsales,
    expect: { recordId: ref.recordId, orgKey: sub },
  };
};

/** 纷享销客: the account detail route in the hash; the tenant comes from the session. */
const fxiaokeUrl: Builder = (ref) => {
  if (!/^[A-Za-z0-9_-]+$/.test(ref.recordId)) return null;
  return {
    url: `https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/${enc(ref.recordId)}`,
    adapter: fxiaoke,
    expect: { recordId: ref.recordId },
  };
};

/** 销售易: the account page with the id in the query; the tenant comes from the session. */
const xiaoshouyiUrl: Builder = (ref) => {
  if (!DIGITS.test(ref.recordId)) return null;
  return {
    url: `https://crm.xiaoshouyi.com/final/account.action?id=${enc(ref.recordId)}`,
    adapter: xiaoshouyi,
    expect: { recordId: ref.recordId },
  };
};

/**
 * The record URL a custom rule's pattern describes, when the pattern is simple
 * enough to be read backwards. A rule stores no sample URL or template, only a
 * host and a regular expression, so the rebuild is deliberately narrow:
 *
 * - the host must be exact; for "*.example.com" the record may live on any
 *   subdomain, so there is no single host to open;
 * - the pattern must be anchored (^) and start with "/", and apart from its
 *   one capture group (the record id) consist only of literal characters,
 *   escaped punctuation and optional parts ("/?", "(?:/overview)?"), which
 *   are left out.
 *
 * Anything else (character classes, alternatives, wildcards, lookarounds,
 * a second group) yields null. The result is checked by the rule's own
 * matcher, so a URL is only returned when it opens the same record.
 */
function templateOf(source: string): { before: string; after: string } | null {
  // NUL marks the id's place below, so the source itself may not hold one.
  if (!source.startsWith('^') || source.includes('\u0000')) return null;
  let i = 1;
  let hasId = false;

  /** Literal text up to the end or the ")" closing a non-capturing group. */
  function literal(inGroup: boolean): string | null {
    let out = '';
    let last = -1; // where the last atom starts in `out`, for a following "?"
    let lastIsGroup = false;
    while (i < source.length) {
      const c = source[i]!;
      if (c === ')') {
        if (!inGroup) return null;
        return out;
      }
      if (c === '?') {
        // Optional atom: leave it out. A group containing the id cannot be dropped.
        if (last < 0 || lastIsGroup) return null;
        out = out.slice(0, last);
        last = -1;
        i++;
        continue;
      }
      if (c === '$') {
        if (inGroup || i !== source.length - 1) return null;
        i++;
        return out;
      }
      if (c === '\\') {
        const next = source[i + 1];
        // \d, \w, \b, \u… are classes or escapes, not literal characters.
        if (next === undefined || /[A-Za-z0-9]/.test(next)) return null;
        last = out.length;
        lastIsGroup = false;
        out += next;
        i += 2;
        continue;
      }
      if (c === '(') {
        if (source.startsWith('(?:', i)) {
          i += 3;
          const inner = literal(true);
          if (inner === null || source[i] !== ')') return null;
          i++;
          last = out.length;
          lastIsGroup = inner.includes('\u0000');
          out += inner;
          continue;
        }
        // The capture group: (…) or (?<name>…); lookarounds and back-references are not.
        if (source.startsWith('(?', i) && !/^\(\?<[A-Za-z_$][\w$]*>/.test(source.slice(i))) return null;
        if (hasId) return null;
        const end = groupEnd(source, i);
        if (end < 0) return null;
        hasId = true;
        i = end;
        last = out.length;
        lastIsGroup = true;
        out += '\u0000';
        // The id may not be optional or repeated.
        if (/^[?*+{]/.test(source.slice(i))) return null;
        continue;
      }
      if ('.[]{}|*+^'.includes(c)) return null;
      last = out.length;
      lastIsGroup = false;
      out += c;
      i++;
    }
    return inGroup ? null : out;
  }

  const shape = literal(false);
  if (shape === null || i !== source.length || !hasId || !shape.startsWith('/')) return null;
  const at = shape.indexOf('\u0000');
  return { before: shape.slice(0, at), after: shape.slice(at + 1) };
}

/** Index just past the ")" closing the group opened at `start`, or -1. */
function groupEnd(source: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** A user's own CRM: the rule named by the org key, read backwards (see templateOf). */
const customUrl: Builder = (ref, options) => {
  const rule = options.customRules?.find((r) => r.id === ref.orgKey);
  if (!rule) return null;
  const host = rule.hostPattern.trim().toLowerCase();
  if (!HOST.test(host)) return null;
  const shape = templateOf(rule.urlPattern);
  if (!shape) return null;
  return {
    url: `https://${host}${shape.before}${enc(ref.recordId)}${shape.after}`,
    adapter: compileCustomRule(rule),
    expect: { recordId: ref.recordId, orgKey: rule.id },
  };
};

const BUILDERS: Record<CrmId, Builder> = {
  salesforce: salesforceUrl,
  hubspot: hubspotUrl,
  dynamics: dynamicsUrl,
  zoho: zohoUrl,
  pipedrive: pipedriveUrl,
  freshsales: freshsalesUrl,
  fxiaoke: fxiaokeUrl,
  xiaoshouyi: xiaoshouyiUrl,
  custom: customUrl,
};

/**
 * The https URL of the account's record page in its CRM, or null when the
 * reference lacks what that URL needs or holds a value that is not safe in it.
 */
export function recordUrl(ref: RecordRef, options: RecordUrlOptions = {}): string | null {
  if (typeof ref?.recordId !== 'string' || ref.recordId === '') return null;
  if (ref.orgKey !== undefined && typeof ref.orgKey !== 'string') return null;
  const build = Object.prototype.hasOwnProperty.call(BUILDERS, ref.crm) ? BUILDERS[ref.crm] : undefined;
  const candidate = build?.(ref, options);
  if (!candidate) return null;
  let url: URL;
  try {
    url = new URL(candidate.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  // The adapter must read the same record back, or the URL is not this record's page.
  const back = candidate.adapter.matchUrl(url);
  if (!back || back.recordId !== candidate.expect.recordId || back.orgKey !== candidate.expect.orgKey) return null;
  return url.href;
}
