import { extraPatterns, syncCustomCrms, testRule, type CustomCrmApi } from './custom-crm';
import type { CustomRule } from '../../crm/custom';
import { DEFAULT_FIELD_LABELS } from '../../crm/fields';
import { matchesPattern } from '../messaging/match-pattern';
import { CustomRuleSchema } from '../../data/model/custom-rule';

const BUILT_IN = ['https://*.lightning.force.com/*', 'https://app.hubspot.com/*'];
const rule = (hostPattern: string, id = hostPattern): CustomRule => ({ id, label: id, hostPattern, urlPattern: '^/accounts/(?<id>\\d+)$', nameSelector: 'h1' });

function fakeApi(granted: string[], tabs: { id: number; url: string; title: string }[], answers: Record<number, unknown> = {}) {
  const log: string[] = [];
  const injected = new Set<number>();
  let registered = false;
  const api: CustomCrmApi = {
    builtInMatches: BUILT_IN,
    contentScriptFile: 'content-scripts/crm.js',
    hasHostAccess: async (p) => granted.includes(p),
    registered: async () => (registered ? ['custom-crm'] : []),
    unregister: async (ids) => {
      registered = false;
      log.push(`unregister ${ids.join()}`);
    },
    register: async (s) => {
      registered = true;
      log.push(`register ${s.matches.join()}`);
    },
    tabsMatching: async (patterns) => tabs.filter((t) => patterns.some((p) => matchesPattern(p, t.url))),
    inject: async (id) => {
      injected.add(id);
      log.push(`inject ${id}`);
    },
    send: async (id, msg) => {
      log.push(`send ${id} ${msg.type}`);
      if (!injected.has(id) && !(id in answers)) throw new Error('no receiver');
      return answers[id] ?? { recordId: '7', name: 'Acme' };
    },
  };
  return { api, log };
}

describe('custom CRM hosts', () => {
  it('leaves out hosts the built-in content script already covers', () => {
    expect(extraPatterns([rule('*.lightning.force.com'), rule('crm.acme.com'), rule('crm.acme.com', 'b')], BUILT_IN)).toEqual(['https://crm.acme.com/*']);
  });

  it('registers the content script for granted hosts only and injects it into their open tabs', async () => {
    const tabs = [
      { id: 1, url: 'https://crm.acme.com/accounts/7', title: 'Acme' },
      { id: 2, url: 'https://crm.notgranted.com/accounts/8', title: 'Other' },
      { id: 3, url: 'https://acme.lightning.force.com/lightning/page/home', title: 'Home' },
    ];
    const { api, log } = fakeApi(['https://crm.acme.com/*'], tabs);
    const rules = [rule('crm.acme.com'), rule('crm.notgranted.com')];
    expect(await syncCustomCrms(rules, DEFAULT_FIELD_LABELS, api)).toEqual(['https://crm.acme.com/*']);
    expect(log).toEqual([
      'register https://crm.acme.com/*',
      'inject 1',
      'send 1 config/changed',
      'send 3 config/changed', // the built-in host's content script learns the rules too
    ]);
  });

  it('unregisters when no granted custom host is left', async () => {
    const { api, log } = fakeApi(['https://crm.acme.com/*'], []);
    await syncCustomCrms([rule('crm.acme.com')], DEFAULT_FIELD_LABELS, api);
    log.length = 0;
    await syncCustomCrms([], DEFAULT_FIELD_LABELS, api);
    expect(log).toEqual(['unregister custom-crm']);
  });

  it('tries a rule on the open tabs of its host, injecting once where needed', async () => {
    const tabs = [{ id: 1, url: 'https://crm.acme.com/accounts/7', title: 'Acme' }];
    const { api, log } = fakeApi(['https://crm.acme.com/*'], tabs);
    expect(await testRule(rule('crm.acme.com'), api)).toEqual([{ url: tabs[0]!.url, title: 'Acme', ref: { recordId: '7', name: 'Acme' } }]);
    expect(log).toEqual(['send 1 rule/test', 'inject 1', 'send 1 rule/test']);
    const none = fakeApi([], tabs, { 1: { none: true } });
    expect((await testRule(rule('crm.acme.com'), none.api))[0]!.ref).toBeNull();
  });
});

describe('custom rule schema', () => {
  it('accepts a good rule and says what is wrong with bad ones', () => {
    expect(CustomRuleSchema.safeParse(rule('crm.acme.com')).success).toBe(true);
    const bad = CustomRuleSchema.safeParse({ ...rule('https://crm.acme.com/'), urlPattern: '^/accounts/\\d+$' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toContain('must be a host such as crm.example.com');
    expect(messages).toContain('needs a capture group');
  });
});
