import { firstVisibleText } from './dom';
import { readLabelledFields } from './fields';
import type { CrmAdapter, FieldKey } from './types';

/** A user-defined CRM: plain data, stored in settings and compiled at run time. */
export interface CustomRule {
  id: string;
  label: string;
  /** "crm.example.com", or "*.example.com" for the domain and all its subdomains. */
  hostPattern: string;
  /**
   * RegExp source tested against pathname + search + hash. The record id is
   * the named group (?<id>…) or else the first group.
   */
  urlPattern: string;
  /** CSS selector of the element showing the record name. */
  nameSelector?: string;
  /** Label of the field showing the record name, when there is no selector. */
  nameLabel?: string;
  /** Labels per field; a key given here replaces that key's defaults. */
  fieldLabels?: Partial<Record<FieldKey, string[]>>;
}

const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
// At least two labels after an optional "*.", so "*.com" cannot claim a whole TLD.
const HOST_PATTERN = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})+$`, 'i');

/** The regex and its capture group count, or the compile error. */
function compile(source: string): { re: RegExp; groups: number; named: boolean } | { error: string } {
  try {
    const re = new RegExp(source);
    // An alternative that matches the empty string reveals every group, each undefined.
    const probe = new RegExp(`${source}|`).exec('')!;
    return { re, groups: probe.length - 1, named: !!probe.groups && 'id' in probe.groups };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Human-readable problems with a rule; empty when it can be used. `doc` lets the selector be checked. */
export function validateCustomRule(rule: CustomRule, doc?: Document): string[] {
  const problems: string[] = [];
  if (!rule.id?.trim()) problems.push('The rule needs an id.');
  if (!rule.label?.trim()) problems.push('The rule needs a name.');
  if (!HOST_PATTERN.test(rule.hostPattern?.trim() ?? '')) {
    problems.push(`Host pattern "${rule.hostPattern ?? ''}" must be a host such as crm.example.com or *.example.com (no scheme, path or port).`);
  }
  if (!rule.urlPattern) {
    problems.push('URL pattern is empty.');
  } else {
    const c = compile(rule.urlPattern);
    if ('error' in c) problems.push(`URL pattern is not a valid regular expression: ${c.error}`);
    else if (c.groups === 0) problems.push('URL pattern needs a capture group for the record id, e.g. (?<id>\\d+).');
  }
  if (rule.nameSelector && doc) {
    try {
      doc.createDocumentFragment().querySelector(rule.nameSelector);
    } catch {
      problems.push(`Name selector "${rule.nameSelector}" is not a valid CSS selector.`);
    }
  }
  return problems;
}

/**
 * The rule's URL pattern when validateCustomRule would find no problem (the
 * selector aside), else undefined. The same checks without their messages:
 * the content script compiles rules and never shows those words.
 */
function usablePattern(rule: CustomRule): RegExp | undefined {
  if (!rule.id?.trim() || !rule.label?.trim() || !HOST_PATTERN.test(rule.hostPattern?.trim() ?? '') || !rule.urlPattern) return undefined;
  const c = compile(rule.urlPattern);
  return 're' in c && c.groups > 0 ? c.re : undefined;
}

/** The Chrome match pattern of the rule's host, for permissions and injection. */
export function customRuleMatchPattern(rule: CustomRule): string {
  return `https://${rule.hostPattern.trim().toLowerCase()}/*`;
}

function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase();
  // Like a Chrome match pattern, "*.example.com" also covers example.com itself.
  if (p.startsWith('*.')) return host === p.slice(2) || host.endsWith(p.slice(1));
  return host === p;
}

/**
 * An adapter for the rule. An invalid rule compiles to one that matches
 * nothing, so bad user data cannot break detection for the built-in CRMs.
 * The org key is the rule id: records of two rules never collide.
 */
export function compileCustomRule(rule: CustomRule): CrmAdapter {
  const re = usablePattern(rule);
  return {
    crm: 'custom',
    matches: re ? [customRuleMatchPattern(rule)] : [],
    matchUrl(url) {
      if (!re || !hostMatches(rule.hostPattern, url.hostname)) return null;
      const m = re.exec(url.pathname + url.search + url.hash);
      const recordId = (m?.groups?.id ?? m?.[1])?.trim();
      return recordId ? { recordId, orgKey: rule.id } : null;
    },
    // Selector → labelled field; there is no title fallback, as titles differ per CRM.
    readName(doc) {
      if (rule.nameSelector) {
        try {
          return firstVisibleText(doc, [rule.nameSelector]);
        } catch {
          return undefined;
        }
      }
      return rule.nameLabel ? readLabelledFields(doc.body, { name: [rule.nameLabel] }).name : undefined;
    },
    // A key the rule names replaces that key's labels; the others keep the user's general ones.
    readFields: (doc, _match, labels) => readLabelledFields(doc.body, { ...labels, ...rule.fieldLabels }),
  };
}
