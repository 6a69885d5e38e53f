import type { Translator } from '../../../shared/i18n';
import { channelsEn } from '../../../features/channels/strings.en';
import { channelsZhCN } from '../../../features/channels/strings.zh-CN';

/** One entry of the options page's section menu: the anchor id and the section's own heading. */
export interface OptionsSection {
  id: string;
  label: (tr: Translator) => string;
}

/** The options page's sections, in page order. Each id is the anchor `options.html#<id>` opens. */
export const OPTIONS_SECTIONS: readonly OptionsSection[] = [
  { id: 'section-language', label: ({ t }) => t('options.language') },
  { id: 'section-data', label: ({ t }) => t('options.data') },
  { id: 'section-health', label: ({ t }) => t('model.title') },
  { id: 'section-service', label: ({ t }) => t('checklistEditor.title') },
  { id: 'section-reminders', label: ({ t }) => t('reminder.settings.title') },
  { id: 'section-rates', label: ({ t }) => t('portfolio.rates.title') },
  { id: 'section-plays', label: ({ t }) => t('play.settings.title') },
  { id: 'section-onboarding', label: ({ t }) => t('onboarding.templates.title') },
  { id: 'section-import', label: ({ t }) => t('import.title') },
  { id: 'section-source', label: ({ t }) => t('source.title') },
  // The channels feature keeps its words in a catalogue of its own.
  { id: 'section-automation', label: ({ locale }) => (locale === 'zh-CN' ? channelsZhCN : channelsEn)['channels.automation.title'] },
  { id: 'section-labels', label: ({ t }) => t('labels.title') },
  { id: 'section-rules', label: ({ t }) => t('rules.title') },
];
