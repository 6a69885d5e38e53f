import { en } from './catalog';
import { zhCN } from './catalog';
import { resolveLocale, translator } from '.';

describe('i18n', () => {
  it('has the same keys and placeholders in zh-CN as in English', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(holes(zhCN[key]), key).toEqual(holes(en[key]));
  });
  it('follows the browser unless the user chose', () => {
    expect(resolveLocale('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLocale('auto', 'zh-CN')).toBe('zh-CN');
    expect(resolveLocale('auto', 'de-DE')).toBe('en');
    expect(resolveLocale('auto', undefined)).toBe('en');
    expect(resolveLocale('en', 'zh-CN')).toBe('en');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    const { t } = translator('en');
    expect(t('form.saveFailed', { reason: 'disk full' })).toBe('Could not save: disk full');
    expect(t('form.saveFailed')).toBe('Could not save: {reason}');
  });
});
