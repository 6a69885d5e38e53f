import { WRITTEN_KINDS, type WrittenKind } from '../data/model/records';
import { translator } from '../shared/i18n';
import { closedNote, wordCtaTitle } from './ctas';
import { ENGINE_SETTINGS_ITEMS, FEATURE_SETTINGS } from './engine-settings';
import { CTA_RULES, FEATURES, RECORD_OWNERS } from './index';

const PARAMS = { month: '2026-11', serviceDay: '2026-11-27', text: 'Send the deck', visitDate: '2026-11-27', since: '2026-06-01', offset: 60, mode: 'csm', key: 'kick_off', weeks: 2, score: 31.6 };

describe('the feature registry', () => {
  it('names each feature by its folder, once', () => {
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives every user-written record kind exactly one owning feature', () => {
    const claimed = FEATURES.flatMap((f): readonly WrittenKind[] => ('records' in f ? f.records : []));
    expect([...claimed].sort()).toEqual(Object.keys(WRITTEN_KINDS).sort());
    expect(RECORD_OWNERS.get('visits')).toBe('service');
  });

  it('lists each settings item once, the engine’s among them', () => {
    const keys = FEATURE_SETTINGS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of ENGINE_SETTINGS_ITEMS) expect(keys).toContain(item.key);
  });

  it('words every registered title code and close reason in both languages', () => {
    expect(CTA_RULES.length).toBeGreaterThanOrEqual(5);
    for (const locale of ['en', 'zh-CN'] as const) {
      const tr = translator(locale);
      for (const rule of CTA_RULES) {
        for (const code of Object.keys(rule.titles)) {
          const words = wordCtaTitle({ title: { code, params: PARAMS } }, tr);
          expect([code, words.length > 0 && !/\{\w+\}/.test(words)]).toEqual([code, true]);
        }
        for (const reason of Object.keys(rule.closedNotes)) expect(closedNote(reason, tr)).not.toMatch(/^cta\.|\{/);
      }
    }
    // Each code has one owner: two rules wording the same code would make the first one win silently.
    const codes = CTA_RULES.flatMap((r) => Object.keys(r.titles));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('says what to do about a code or a reason no rule words', () => {
    const tr = translator('en');
    expect(() => wordCtaTitle({ title: { code: 'nobody_raises_this', params: {} } }, tr)).toThrow(/add it to its rule's titles/);
    expect(() => closedNote('nobody_closes_this', tr)).toThrow(/add it to its rule's closedNotes/);
  });
});
