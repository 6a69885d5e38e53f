import { browser } from 'wxt/browser';
import { customRuleMatchPattern } from '../../crm/custom';
import { withExtraLabels, type FieldLabels } from '../../crm/fields';
import { CRM_MATCHES } from '../../crm/registry';
import { CustomRulesSchema } from '../../data/model/custom-rule';
import { customRulesItem, fieldLabelsItem } from '../../shared/settings';
import { syncCustomCrms, type CustomCrmApi } from './custom-crm';

/** The real browser behind CustomCrmApi. */
export const customCrmApi: CustomCrmApi = {
  builtInMatches: CRM_MATCHES,
  contentScriptFile: 'content-scripts/crm.js',
  hasHostAccess: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  registered: async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id),
  unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
  register: (script) => browser.scripting.registerContentScripts([script]),
  tabsMatching: async (patterns) =>
    (await browser.tabs.query({ url: patterns })).flatMap((t) => (t.id !== undefined && t.url ? [{ id: t.id, url: t.url, title: t.title ?? '' }] : [])),
  inject: async (tabId) => {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/crm.js'] });
  },
  send: (tabId, msg) => browser.tabs.sendMessage(tabId, msg),
};

/** The stored rules; anything that no longer validates is left out rather than trusted. */
export async function storedRules() {
  const parsed = CustomRulesSchema.safeParse(await customRulesItem.getValue());
  return parsed.success ? parsed.data : [];
}

export async function customMatches(): Promise<string[]> {
  return (await storedRules()).map(customRuleMatchPattern);
}

/** Field labels: the defaults plus the user's additions (bounded, text only). */
export async function storedFieldLabels(): Promise<FieldLabels> {
  const extra = await fieldLabelsItem.getValue();
  const clean = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 100).slice(0, 20) : []);
  return withExtraLabels({ owner: clean(extra?.owner), contractEnd: clean(extra?.contractEnd), annualValue: clean(extra?.annualValue) });
}

export const storedCrmConfig = async () => ({ rules: await storedRules(), fieldLabels: await storedFieldLabels() });

export const syncStoredRules = async () => syncCustomCrms(await storedRules(), await storedFieldLabels(), customCrmApi);
