import { enImport } from '../../../lib/i18n/en-import';
import { zhCNImport } from '../../../lib/i18n/zh-CN-import';
import { ALIASES, COLUMNS, columnOf, normaliseHeader } from '../../../lib/import/columns';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('import strings and headers', () => {
  it('has the same keys and placeholders in English and Chinese', () => {
    expect(Object.keys(zhCNImport).sort()).toEqual(Object.keys(enImport).sort());
    for (const [key, en] of Object.entries(enImport)) {
      expect([key, placeholders(zhCNImport[key as keyof typeof enImport])]).toEqual([key, placeholders(en)]);
    }
  });

  it('shows each column under a name the import accepts as its header', () => {
    for (const c of COLUMNS) {
      expect(columnOf(enImport[`import.field.${c}`])).toBe(c);
      expect(columnOf(zhCNImport[`import.field.${c}`])).toBe(c);
    }
  });

  it('never gives one alias to two columns', () => {
    const all = COLUMNS.flatMap((c) => [c, ...ALIASES[c]].map(normaliseHeader));
    expect(new Set(all).size).toBe(all.length);
  });
});
