import { translator, type MessageKey, type Translator } from '../../shared/i18n';
import { KNOWN_MILESTONES, type MilestoneTemplate } from './template';

/** A milestone's title in the user's language: the catalogue's for its keys, else the title it was given. */
export const milestoneTitle = (m: Pick<MilestoneTemplate, 'key' | 'title'>, tr: Translator): string =>
  (KNOWN_MILESTONES as readonly string[]).includes(m.key) ? tr.t(`onboarding.${m.key}` as MessageKey) : (m.title ?? m.key);

/** A template's milestones as edited in the options: "days | title", "| *" when another team is needed. */
export const templateText = (milestones: readonly MilestoneTemplate[], tr: Translator): string =>
  milestones.map((m) => `${m.dueDays} | ${milestoneTitle(m, tr)}${m.needsOtherTeam ? ' | *' : ''}`).join('\n');

export type TemplateTextProblem = { problem: 'line'; line: number } | { problem: 'empty' } | { problem: 'tooMany' } | { problem: 'duplicate' };

const WORDED = (['en', 'zh-CN'] as const).map((l) => translator(l));

/** A stable key for a title the team wrote: the same title gives the same key, so milestone ids stay put. */
function customKey(title: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < title.length; i++) h = Math.imul(h ^ title.charCodeAt(i), 0x01000193) >>> 0;
  return `custom_${h.toString(16).padStart(8, '0')}`;
}

/**
 * The milestones typed in the options, one per line (blank lines skipped). A
 * title that is a catalogue milestone's, in either language, becomes that
 * milestone again (so it keeps following the user's language).
 */
export function parseTemplateText(text: string): { milestones: MilestoneTemplate[] } | TemplateTextProblem {
  const milestones: MilestoneTemplate[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [days, title, flag, ...rest] = line.split(/[|｜]/).map((s) => s.trim());
    if (!days || !/^\d{1,3}$/.test(days) || Number(days) > 365 || !title || title.length > 300 || rest.length > 0 || (flag && flag !== '*')) {
      return { problem: 'line', line: i + 1 };
    }
    const known = KNOWN_MILESTONES.find((k) => k === title || WORDED.some((tr) => tr.t(`onboarding.${k}` as MessageKey) === title));
    milestones.push({ key: known ?? customKey(title), dueDays: Number(days), needsOtherTeam: flag === '*', ...(known ? {} : { title }) });
  }
  if (milestones.length === 0) return { problem: 'empty' };
  if (milestones.length > 20) return { problem: 'tooMany' };
  if (new Set(milestones.map((m) => m.key)).size < milestones.length) return { problem: 'duplicate' };
  return { milestones };
}
