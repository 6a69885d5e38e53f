import { compileCustomRule, customRuleMatchPattern, validateCustomRule, type CustomRule } from './custom';
import { matchUrl, refFrom } from '.';

const good: CustomRule = {
  id: 'acme-crm',
  label: 'Acme CRM',
  hostPattern: '*.acme-crm.example',
  urlPattern: '^/companies/(?<id>\\d+)(?:/overview)?$',
  nameSelector: 'h1.company-name',
  fieldLabels: { owner: ['Key account manager'] },
};
const rule = (patch: Partial<CustomRule>): CustomRule => ({ ...good, ...patch });

describe('validateCustomRule', () => {
  it('accepts a good rule', () => {
    expect(validateCustomRule(good, document)).toEqual([]);
    expect(validateCustomRule(rule({ hostPattern: 'crm.example.com', urlPattern: '[?&]account=(\\w+)' }), document)).toEqual([]);
  });

  it('explains an invalid regular expression', () => {
    const problems = validateCustomRule(rule({ urlPattern: '^/companies/(?<id>\\d+' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^URL pattern is not a valid regular expression: .+/);
  });

  it('asks for a capture group', () => {
    expect(validateCustomRule(rule({ urlPattern: '^/companies/\\d+$' }))).toEqual([
      'URL pattern needs a capture group for the record id, e.g. (?<id>\\d+).',
    ]);
    // A non-capturing group does not count.
    expect(validateCustomRule(rule({ urlPattern: '^/companies/(?:\\d+)$' }))).toHaveLength(1);
    expect(validateCustomRule(rule({ urlPattern: '' }))).toEqual(['URL pattern is empty.']);
  });

  it.each(['https://crm.example.com', 'crm.example.com/path', 'crm.example.com:8443', '*.com', '*', 'example', '*.*.example.com', 'crm..example.com', 'crm example.com', '-crm.example.com', ''])(
    'rejects the host pattern %j',
    (hostPattern) => {
      const problems = validateCustomRule(rule({ hostPattern }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain('Host pattern');
    },
  );

  it('checks the name selector when given a document', () => {
    expect(validateCustomRule(rule({ nameSelector: 'h1[' }), document)).toEqual(['Name selector "h1[" is not a valid CSS selector.']);
    expect(validateCustomRule(rule({ nameSelector: 'h1[' }))).toEqual([]);
  });

  it('needs an id and a name', () => {
    expect(validateCustomRule(rule({ id: ' ', label: '' }))).toEqual(['The rule needs an id.', 'The rule needs a name.']);
  });
});

describe('compileCustomRule', () => {
  const adapter = compileCustomRule(good);

  it('derives the match pattern from the host pattern', () => {
    expect(customRuleMatchPattern(good)).toBe('https://*.acme-crm.example/*');
    expect(customRuleMatchPattern(rule({ hostPattern: ' CRM.Example.com ' }))).toBe('https://crm.example.com/*');
    expect(adapter.matches).toEqual(['https://*.acme-crm.example/*']);
    expect(adapter.crm).toBe('custom');
  });

  it('matches record URLs on the host and its subdomains, keyed by the rule id', () => {
    for (const url of ['https://eu.acme-crm.example/companies/42', 'https://acme-crm.example/companies/42/overview']) {
      expect(matchUrl(url, [adapter])?.match, url).toEqual({ recordId: '42', orgKey: 'acme-crm' });
    }
  });

  it('does not match other paths, hosts or plain http', () => {
    for (const url of [
      'https://eu.acme-crm.example/companies/42/edit',
      'https://eu.acme-crm.example/people/42',
      'https://acme-crm.example.evil.example/companies/42',
      'https://evilacme-crm.example/companies/42',
      'http://eu.acme-crm.example/companies/42',
    ]) {
      expect(matchUrl(url, [adapter]), url).toBeNull();
    }
  });

  it('uses the first group when there is no named group, and sees search and hash', () => {
    const a = compileCustomRule(rule({ hostPattern: 'crm.example.com', urlPattern: '#/account/([\\w-]+)$' }));
    expect(a.matchUrl(new URL('https://crm.example.com/app?x=1#/account/ab-12'))).toEqual({ recordId: 'ab-12', orgKey: 'acme-crm' });
    const q = compileCustomRule(rule({ hostPattern: 'crm.example.com', urlPattern: '^/view\\?(?:.*&)?id=(\\d+)' }));
    expect(q.matchUrl(new URL('https://crm.example.com/view?tab=1&id=77'))).toEqual({ recordId: '77', orgKey: 'acme-crm' });
  });

  it('compiles an invalid rule to an adapter that matches nothing', () => {
    const bad = compileCustomRule(rule({ urlPattern: '(' }));
    expect(bad.matches).toEqual([]);
    expect(bad.matchUrl(new URL('https://eu.acme-crm.example/companies/42'))).toBeNull();
  });

  it('compiles to a working adapter exactly when validation finds no problem', () => {
    const url = new URL('https://eu.acme-crm.example/companies/42');
    const variants: Partial<CustomRule>[] = [
      {}, { id: ' ' }, { label: '' }, { hostPattern: '*.com' }, { hostPattern: 'https://eu.acme-crm.example' },
      { urlPattern: '' }, { urlPattern: '(' }, { urlPattern: '^/companies/\\d+$' }, { urlPattern: '^/companies/(?<id>\\d+)$' },
    ];
    for (const v of variants) {
      const r = rule(v);
      expect(compileCustomRule(r).matches.length > 0, JSON.stringify(v)).toBe(validateCustomRule(r).length === 0);
    }
    expect(compileCustomRule(rule({ urlPattern: '^/companies/(?<id>\\d+)$' })).matchUrl(url)?.recordId).toBe('42');
  });

  it('keeps records of two rules apart', () => {
    const other = compileCustomRule(rule({ id: 'other' }));
    const url = new URL('https://eu.acme-crm.example/companies/42');
    expect(adapter.matchUrl(url)?.orgKey).not.toBe(other.matchUrl(url)?.orgKey);
  });

  it('reads the name by selector or by label, and its own field labels', () => {
    const doc = new DOMParser().parseFromString(
      `<h1 class="company-name">  Acme &lt;b&gt;Ltd&lt;/b&gt; </h1>
       <dl><dt>Company</dt><dd>Acme Ltd (legal)</dd><dt>Key account manager</dt><dd>Kim</dd><dt>ARR</dt><dd>$5</dd></dl>`,
      'text/html',
    );
    const hit = matchUrl('https://eu.acme-crm.example/companies/42', [adapter])!;
    expect(refFrom(hit, doc)).toEqual({
      crm: 'custom',
      recordId: '42',
      orgKey: 'acme-crm',
      name: 'Acme <b>Ltd</b>',
      fields: { owner: 'Kim', annualValue: '$5' },
    });
    const byLabel = compileCustomRule(rule({ nameSelector: undefined, nameLabel: 'Company' }));
    expect(byLabel.readName(doc, hit.match)).toBe('Acme Ltd (legal)');
    expect(compileCustomRule(rule({ nameSelector: undefined })).readName(doc, hit.match)).toBeUndefined();
  });
});
