import { customRuleMatchPattern, type CustomRule } from '../../crm/custom';
import { matchesAny } from '../messaging/match-pattern';
import type { FieldLabels } from '../../crm/fields';
import type { RuleTestResult, ToContentMessage } from '../messaging/protocol';

/** The browser APIs this module uses, injectable so the logic is tested without a browser. */
export interface CustomCrmApi {
  builtInMatches: readonly string[];
  contentScriptFile: string;
  hasHostAccess(pattern: string): Promise<boolean>;
  registered(): Promise<string[]>;
  unregister(ids: string[]): Promise<void>;
  register(script: { id: string; matches: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean }): Promise<void>;
  tabsMatching(patterns: string[]): Promise<{ id: number; url: string; title: string }[]>;
  inject(tabId: number): Promise<void>;
  send(tabId: number, msg: ToContentMessage): Promise<unknown>;
}

const SCRIPT_ID = 'custom-crm';

/** Host patterns of rules whose hosts the built-in content script does not already cover. */
export function extraPatterns(rules: CustomRule[], builtIn: readonly string[]): string[] {
  const patterns = rules.map(customRuleMatchPattern);
  // A pattern is covered when a host it names (its wildcard made concrete) matches a built-in pattern.
  const sample = (p: string) => p.replace('://*.', '://x.').replace(/\/\*$/, '/');
  return [...new Set(patterns)].filter((p) => !matchesAny(builtIn, sample(p)));
}

/**
 * Makes the content script run on every custom CRM host the user granted,
 * from now on (a registered content script) and in tabs already open
 * (injected), so a new rule works without reloading anything.
 */
export async function syncCustomCrms(rules: CustomRule[], fieldLabels: FieldLabels, api: CustomCrmApi): Promise<string[]> {
  const granted: string[] = [];
  for (const p of extraPatterns(rules, api.builtInMatches)) if (await api.hasHostAccess(p)) granted.push(p);
  const before = await api.registered();
  if (before.includes(SCRIPT_ID)) await api.unregister([SCRIPT_ID]);
  if (granted.length > 0) {
    await api.register({ id: SCRIPT_ID, matches: granted, js: [api.contentScriptFile], runAt: 'document_idle', persistAcrossSessions: true });
    for (const tab of await api.tabsMatching(granted)) await api.inject(tab.id).catch(() => undefined);
  }
  // Content scripts already running learn the new rules and look at their page again.
  const all = [...api.builtInMatches, ...granted];
  for (const tab of await api.tabsMatching(all)) await api.send(tab.id, { type: 'config/changed', rules, fieldLabels }).catch(() => undefined);
  return granted;
}

/** Tries a rule on every open tab of its host and reports what it reads there. */
export async function testRule(rule: CustomRule, api: CustomCrmApi): Promise<RuleTestResult[]> {
  const pattern = customRuleMatchPattern(rule);
  const results: RuleTestResult[] = [];
  for (const tab of await api.tabsMatching([pattern])) {
    let answer = await api.send(tab.id, { type: 'rule/test', rule }).catch(() => undefined);
    if (answer === undefined) {
      // No content script there yet (a host granted a moment ago): inject it once.
      await api.inject(tab.id).catch(() => undefined);
      answer = await api.send(tab.id, { type: 'rule/test', rule }).catch(() => undefined);
    }
    const ref = answer && typeof answer === 'object' && 'recordId' in answer ? (answer as RuleTestResult['ref']) : null;
    results.push({ url: tab.url, title: tab.title, ref });
  }
  return results;
}
