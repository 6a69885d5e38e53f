import { transferEn } from './strings.en';
import { transferZhCN } from './strings.zh-CN';
import { ALIASES, COLUMNS, columnOf, normaliseHeader } from './import/columns';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('import strings and headers', () => {
  it('has the same keys and placeholders in English and Chinese', () => {
    expect(Object.keys(transferZhCN).sort()).toEqual(Object.keys(transferEn).sort());
    for (const [key, en] of Object.entries(transferEn)) {
      expect([key, placeholders(transferZhCN[key as keyof typeof transferEn])]).toEqual([key, placeholders(en)]);
    }
  });

  it('shows each column under a name the import accepts as its header', () => {
    for (const c of COLUMNS) {
      expect(columnOf(transferEn[`import.field.${c}`])).toBe(c);
      expect(columnOf(transferZhCN[`import.field.${c}`])).toBe(c);
    }
  });

  it('never gives one alias to two columns', () => {
    const all = COLUMNS.flatMap((c) => [c, ...ALIASES[c]].map(normaliseHeader));
    expect(new Set(all).size).toBe(all.length);
  });
});
