import { CHAT_MAX_CHARS, chatLength, chatText, clipLine } from '../../shared/text/chat';
import { cleanIntro, formatIntroDate, type IntroParts, type IntroInput } from './intro';

/**
 * The CSM's introduction as a chat message: what the e-mail says (intro.ts),
 * shorter, for the channels customers in China read (WeChat, WeCom, DingTalk,
 * Feishu, SMS) rather than e-mail.
 */

/** How much of each part a chat wording keeps: characters per name, goal, step and story; how many goals and steps. */
interface ChatFit { names: number; goals: number; goalChars: number; steps: number; stepChars: number; story: number }

/** The message's parts shortened to a chat wording's fit. */
function tightened(c: IntroParts, fit: ChatFit): IntroParts {
  const name = (s: string) => clipLine(s, fit.names);
  return {
    ...c,
    customer: name(c.customer), contact: name(c.contact), csm: name(c.csm), lead: name(c.lead),
    goals: c.goals.slice(0, fit.goals).map((g) => clipLine(g, fit.goalChars)),
    steps: c.steps.slice(0, fit.steps).map((s) => ({ ...s, text: clipLine(s.text, fit.stepChars) })),
    story: fit.story > 0 ? clipLine(c.story, fit.story) : '',
  };
}

/**
 * The chat wording: the same parts as the e-mail, shorter, one line each
 * and the most needed first, so that a cut only loses the end. Dates go
 * without the year: they are the next few weeks.
 */
function chatLines(c: IntroParts): string[] {
  const zh = c.language === 'zh-CN';
  const bullet = zh ? '· ' : '- ';
  const date = (d: string) => formatIntroDate(d, c.language, true);
  const dated = (text: string, d: string) => `${bullet}${text}${date(d) ? (zh ? `（${date(d)}）` : `, ${date(d)}`) : ''}`;
  const weeks = c.weeks === 1 ? 'week' : 'weeks';
  const lines: string[] = zh
    ? [`${c.contact ? `${c.contact}您好` : '您好'}，我是${c.customer ? `${c.customer}的` : '贵司的'}客户成功经理${c.csm}，今后由我和您对接。`]
    : [`Hello ${c.contact || (c.customer ? `${c.customer} team` : 'there')}, I'm ${c.csm || 'your new contact'}, your Customer Success Manager from today.`];
  if (c.goals.length > 0) lines.push(zh ? '我们共同的目标：' : 'Our goal:', ...c.goals.map((g) => bullet + g));
  else lines.push(zh ? '启动会上我们一起把目标写下来。' : 'At the kick-off we write the goal down together.');
  lines.push(
    zh
      ? `达成目标需要双方投入：贵司需要${c.lead ? `${c.lead}担任` : '一位'}项目负责人、关键用户参加培训、每月约一小时复盘；我们负责上线计划、培训和需求跟进。${c.weeks ? `实施约需${c.weeks}周。` : ''}`
      : `It takes both sides: you, a project lead${c.lead ? ` (${c.lead})` : ''}, users' time for training, an hour a month to review; us, the plan, training and follow-up.${c.weeks ? ` About ${c.weeks} ${weeks} to implement.` : ''}`,
  );
  lines.push(zh ? '首批里程碑：' : 'First steps:');
  if (c.steps.length > 0) lines.push(...c.steps.map((s) => dated(s.text, s.date)));
  else lines.push(zh ? `${bullet}简短的启动会，请告诉我您方便的时间` : `${bullet}a short kick-off call: what time suits you?`);
  if (date(c.serviceDay)) lines.push(dated(zh ? '首次月度服务日' : 'First monthly service day', c.serviceDay));
  if (c.story) lines.push(zh ? `相近客户的经验：${c.story}` : `A similar customer: ${c.story}`);
  return lines;
}

/**
 * Tighter and tighter versions of the chat text: the story is shortened,
 * then left out (the e-mail still tells it); then long names, goals and steps
 * are shortened and fewer of them kept. The goal and the effort stay.
 */
const CHAT_FITS: readonly ChatFit[] = [
  { names: 40, goals: 3, goalChars: 80, steps: 3, stepChars: 50, story: 200 },
  { names: 40, goals: 3, goalChars: 60, steps: 3, stepChars: 40, story: 100 },
  { names: 30, goals: 3, goalChars: 60, steps: 3, stepChars: 40, story: 0 },
  { names: 20, goals: 2, goalChars: 40, steps: 3, stepChars: 30, story: 0 },
  { names: 20, goals: 1, goalChars: 40, steps: 2, stepChars: 30, story: 0 },
];

/**
 * The introduction for a chat message (WeChat, WeCom, DingTalk, Feishu, SMS):
 * no subject, no Markdown, at most `maxChars` characters (CHAT_MAX_CHARS).
 * The first wording that fits is taken; the last is cut at a line boundary.
 */
export function csmIntroChat(input: IntroInput, maxChars: number = CHAT_MAX_CHARS): string {
  const c = cleanIntro(input);
  const bullet = input.language === 'zh-CN' ? '· ' : '- ';
  let lines: string[] = [];
  for (const fit of CHAT_FITS) {
    lines = chatLines(tightened(c, fit));
    const whole = chatText(lines.join('\n'), { maxChars: Number.MAX_SAFE_INTEGER, bullet });
    if (chatLength(whole) <= maxChars) return whole;
  }
  return chatText(lines.join('\n'), { maxChars, bullet });
}

