import { compileCustomRule, type CustomRule } from './custom';
import { recordUrl, type RecordRef } from './urls';
import { parse } from './test-helpers';

const customRule: CustomRule = {
  id: 'acme-crm',
  label: 'Acme CRM',
  hostPattern: 'crm.acme.example',
  urlPattern: '^/companies/(?<id>\\d+)(?:/overview)?/?$',
};
const rule = (patch: Partial<CustomRule>): CustomRule => ({ ...customRule, ...patch });

describe('recordUrl for custom CRM rules', () => {
  const customRef = (recordId: string, orgKey = customRule.id): RecordRef => ({ crm: 'custom', recordId, orgKey });
  const build = (recordId: string, r: CustomRule = customRule) => recordUrl(customRef(recordId, r.id), { customRules: [r] });

  it('rebuilds from an exact host and a literal pattern, leaving optional parts out', () => {
    const url = build('42');
    expect(url).toBe('https://crm.acme.example/companies/42');
    expect(parse(url!, [compileCustomRule(customRule)])).toEqual(customRef('42'));
  });

  it('round-trips what the rule detects', () => {
    const r = rule({ urlPattern: '^/app/view\\?id=(\\w+)$' });
    const ref = parse('https://crm.acme.example/app/view?id=ab_12', [compileCustomRule(r)])!;
    const url = recordUrl(ref, { customRules: [r] });
    expect(url).toBe('https://crm.acme.example/app/view?id=ab_12');
    expect(parse(url!, [compileCustomRule(r)])).toEqual(ref);
    const h = rule({ urlPattern: '^/#/accounts/([\\w-]+)$' });
    expect(build('a-1', h)).toBe('https://crm.acme.example/#/accounts/a-1');
  });

  it('picks the rule named by the org key', () => {
    const other = rule({ id: 'other', hostPattern: 'other.example.com' });
    expect(recordUrl(customRef('7', 'other'), { customRules: [customRule, other] })).toBe('https://other.example.com/companies/7');
    expect(recordUrl(customRef('7', 'missing'), { customRules: [customRule, other] })).toBeNull();
    expect(recordUrl({ crm: 'custom', recordId: '7' }, { customRules: [customRule] })).toBeNull();
    expect(recordUrl(customRef('7'))).toBeNull();
  });

  it('is null when the rule cannot be read backwards', () => {
    for (const patch of [
      { hostPattern: '*.acme.example' },
      { urlPattern: '/companies/(\\d+)' },
      { urlPattern: '^companies/(\\d+)' },
      { urlPattern: '^/(?:companies|accounts)/(\\d+)$' },
      { urlPattern: '^/companies/[a-z]+/(\\d+)$' },
      { urlPattern: '^/companies/.*/(\\d+)$' },
      { urlPattern: '^/companies/\\d+/(\\d+)$' },
      { urlPattern: '^/(\\w+)/(\\d+)$' },
      { urlPattern: '^/companies/(\\d+)?$' },
      { urlPattern: '^/companies/(?=\\d)(\\d+)$' },
      { urlPattern: '^/companies/(?:x(\\d+))?$' },
      { urlPattern: '^/companies/(' },
      { urlPattern: '^/companies/\\d+$' },
    ]) {
      expect(build('42', rule(patch)), JSON.stringify(patch)).toBeNull();
    }
  });

  it('never lets a hostile custom id leave its place', () => {
    const loose = rule({ urlPattern: '^/companies/([^/]+)$' });
    for (const recordId of ['..', '.', '42/../../evil', '42#x', '42?x', 'a b', '%2F', 'javascript:alert(1)']) {
      const url = build(recordId, loose);
      if (url !== null) {
        expect(new URL(url).host).toBe('crm.acme.example');
        expect(parse(url, [compileCustomRule(loose)])).toEqual(customRef(recordId));
      }
    }
    expect(build('..', loose)).toBeNull();
    expect(build('42#x', loose)).toBeNull();
    expect(build('a b', loose)).toBeNull();
  });
});
