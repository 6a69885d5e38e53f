import { describe, expect, it } from 'vitest';
import { translator } from '../shared/i18n';
import { demoBookOn } from '../platform/demo/book';
import { evaluateBook } from './book';
import { DEFAULT_HEALTH_MODEL } from './health/model';
import { CTA_RULES } from './index';
import { CTA_KINDS, ctaKind, parsePlayText, playSteps, validPlays } from './plays';
import { DEFAULT_RENEWAL_SETTINGS } from './renewal/settings';
import { DEFAULT_SERVICE_SETTINGS } from './service/settings';

const en = translator('en');
const zh = translator('zh-CN');

describe('default plays', () => {
  it('gives every registered title code a play of 2 to 5 steps, worded in both languages', () => {
    const codes = CTA_RULES.flatMap((r) => Object.keys(r.titles));
    expect(codes.length).toBeGreaterThanOrEqual(10);
    for (const code of codes) {
      const kind = CTA_KINDS.find((k) => k.code === code);
      expect(kind, `title code ${code} has no default play: add one to its rule's plays`).toBeDefined();
      expect([code, kind!.steps.length >= 2 && kind!.steps.length <= 5]).toEqual([code, true]);
      for (const tr of [en, zh]) {
        for (const key of [kind!.name, ...kind!.steps]) {
          const words = tr.t(key);
          expect([key, words !== key && words.trim().length > 0 && !/\{\w+\}/.test(words)]).toEqual([key, true]);
        }
      }
    }
    // A play no title code raises would show nowhere.
    expect(CTA_KINDS.map((k) => k.code).sort()).toEqual([...codes].sort());
  });

  it('never tells a CSM to pitch, upsell or discount: a renewal is earned by service', () => {
    const said = CTA_KINDS.flatMap((k) => k.steps.flatMap((key) => [en.t(key), zh.t(key)]));
    for (const step of said) expect(step).not.toMatch(/pitch|discount|upsell|up-sell|cross-sell|price|推销|折扣|打折|降价|优惠|加购|增购/i);
  });

  it('knows every CTA the demo book raises by its cause, as the kind its title code names', () => {
    const book = demoBookOn('2026-12-01');
    const settings = { model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, service: DEFAULT_SERVICE_SETTINGS };
    const drafts = evaluateBook({ ...book, outcomes: [], ctas: [] }, settings, '2026-12-01').verdicts.flatMap((v) => v.create);
    expect(new Set(drafts.map((d) => d.title.code)).size).toBeGreaterThanOrEqual(4);
    for (const d of drafts) expect([d.cause, ctaKind(d.cause)?.code]).toEqual([d.cause, d.title.code]);
  });

  it('tells a touchpoint from churn recovery, and gives a manual step no play', () => {
    expect(ctaKind('renewal:acc-1:2027-03-31:60')?.code).toBe('renewal_touchpoint');
    expect(ctaKind('churn-recovery:o-9')?.code).toBe('churn_recovery');
    expect(ctaKind('expectations:review:acc-1:2026-06-01')?.code).toBe('expectation_review');
    expect(ctaKind('manual:7f1c')).toBeUndefined();
    expect(playSteps('manual:7f1c', {}, en)).toBeUndefined();
    const prefixes = CTA_KINDS.map((k) => k.causePrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe('plays the team rewrote (stored in the options)', () => {
  const churnDefault = playSteps('churn-recovery:o-1', {}, en)!;

  it('shows the defaults when nothing is stored, in the user’s language', () => {
    expect(validPlays(null)).toEqual({ custom: {}, unreadable: [] });
    expect(validPlays(undefined)).toEqual({ custom: {}, unreadable: [] });
    expect(churnDefault[0]).toBe('Record the reason as both the symptom and the root cause');
    expect(playSteps('churn-recovery:o-1', {}, zh)![0]).toBe('把原因同时记录为表象和根本原因');
  });

  it('shows a stored play instead of the default, trimmed', () => {
    const { custom, unreadable } = validPlays({ churn_recovery: ['  Call the boss today ', 'Write down why'] });
    expect(unreadable).toEqual([]);
    expect(playSteps('churn-recovery:o-1', custom, en)).toEqual(['Call the boss today', 'Write down why']);
    expect(playSteps('churn-recovery:o-1', custom, zh)).toEqual(['Call the boss today', 'Write down why']);
  });

  it('falls back to the default for each bad entry, names it, and keeps the good ones', () => {
    const { custom, unreadable } = validPlays({
      churn_recovery: 'call them',
      renewal_touchpoint: [],
      expectation_reset: ['x'.repeat(301)],
      service_followup: ['Reply within a day'],
      retired_kind: ['Kept for a kind no longer registered'],
    });
    expect(unreadable).toEqual(['churn_recovery', 'renewal_touchpoint', 'expectation_reset']);
    expect(custom).toEqual({ service_followup: ['Reply within a day'], retired_kind: ['Kept for a kind no longer registered'] });
    expect(playSteps('churn-recovery:o-1', custom, en)).toEqual(churnDefault);
    expect(playSteps('service:followup:v-1:0', custom, en)).toEqual(['Reply within a day']);
  });

  it('falls back to every default when the stored value is not a map of plays', () => {
    for (const bad of ['plays', 42, ['a', 'b'], true]) expect(validPlays(bad)).toEqual({ custom: {}, unreadable: ['*'] });
  });

  it('reads a play typed one step per line, and says what is wrong with a bad one', () => {
    expect(parsePlayText('Call the boss\r\n\n  Write it down  \n')).toEqual({ steps: ['Call the boss', 'Write it down'] });
    expect(parsePlayText(' \n \n')).toEqual({ problem: 'empty' });
    expect(parsePlayText(Array.from({ length: 9 }, (_, i) => `Step ${i}`).join('\n'))).toEqual({ problem: 'too_many' });
    expect(parsePlayText(`ok\n${'y'.repeat(301)}`)).toEqual({ problem: 'too_long' });
  });
});
