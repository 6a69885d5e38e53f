import { addressesOf, parseTimeZone, ruleInputProblem, ruleLanguageOf, suggestedTimeZones, type RuleInputs } from './rule-inputs';

const ok: RuleInputs = { welcome: false, enabled: true, channel: 'mail', delay: '20', hour: 9, zone: 'Asia/Shanghai', to: 'dana@example.com', isEmail: true };

describe('rule inputs', () => {
  it('maps the browser language to a rule language: any Chinese to zh-CN, the rest to English', () => {
    expect(['zh-CN', 'zh-TW', 'zh', 'ZH-hk'].map(ruleLanguageOf)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(['en-US', 'de-DE', 'ja', '', undefined].map(ruleLanguageOf)).toEqual(['en', 'en', 'en', 'en', 'en']);
  });

  it('reads an IANA zone in the browser’s spelling and refuses what is not one', () => {
    expect(parseTimeZone(' Asia/Shanghai ')).toBe('Asia/Shanghai');
    expect(parseTimeZone('america/new_york')).toBe('America/New_York');
    expect(parseTimeZone('UTC')).toBe('UTC');
    for (const bad of ['Mars/Olympus', 'Asia/Beijing', '', '   ', 'GMT+25', `Europe/${'x'.repeat(70)}`]) expect(parseTimeZone(bad)).toBeNull();
  });

  it('suggests the zones the browser lists, else a short list, with UTC and the stored zone first', () => {
    const listed = suggestedTimeZones(['Etc/GMT-8'], { supportedValuesOf: () => ['Africa/Abidjan', 'Asia/Shanghai'] });
    expect(listed).toEqual(['UTC', 'Etc/GMT-8', 'Africa/Abidjan', 'Asia/Shanghai']);
    const fallback = suggestedTimeZones([], {});
    expect(fallback[0]).toBe('UTC');
    expect(fallback).toEqual(expect.arrayContaining(['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']));
    expect(new Set(fallback).size).toBe(fallback.length);
    const throwing = suggestedTimeZones([], { supportedValuesOf: () => { throw new RangeError('no such key'); } });
    expect(throwing).toEqual(fallback);
  });

  it('splits addresses on the separators people type', () => {
    expect(addressesOf('a@x.com, b@y.com；c@z.com，d@w.com  e@v.com')).toEqual(['a@x.com', 'b@y.com', 'c@z.com', 'd@w.com', 'e@v.com']);
  });

  it('says the first thing wrong, zone included, and nothing for settings that can be sent', () => {
    expect(ruleInputProblem(ok)).toBeNull();
    expect(ruleInputProblem({ ...ok, zone: 'Mars/Olympus' })).toEqual({ key: 'channels.automation.badZone', params: { zone: 'Mars/Olympus' } });
    expect(ruleInputProblem({ ...ok, zone: ' ' })).toEqual({ key: 'channels.automation.needZone' });
    expect(ruleInputProblem({ ...ok, welcome: true, delay: '31' })).toEqual({ key: 'channels.automation.badDelay', params: { max: 30 } });
    expect(ruleInputProblem({ ...ok, channel: '' })).toEqual({ key: 'channels.automation.needChannel' });
    expect(ruleInputProblem({ ...ok, to: ' ' })).toEqual({ key: 'channels.automation.needTo' });
    // The welcome goes to the customer: no recipients asked.
    expect(ruleInputProblem({ ...ok, welcome: true, to: '' })).toBeNull();
  });
});
