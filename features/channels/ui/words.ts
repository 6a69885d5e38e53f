import { useTr } from '../../../shared/i18n/I18n';
import { channelsEn } from '../strings.en';
import { channelsZhCN } from '../strings.zh-CN';

export type ChannelsKey = keyof typeof channelsEn;

/** The channels feature's words in the person's language (its own catalogue). */
export function useWords() {
  const { locale } = useTr();
  const catalog = locale === 'zh-CN' ? channelsZhCN : channelsEn;
  return {
    locale,
    w: (key: ChannelsKey, params: Record<string, string | number> = {}) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)),
  };
}
