import { isIsoDate, type IsoDate } from '../../shared/dates/local-date';
import { nextServiceDay, ruleOf } from '../../shared/dates/calendar';
import type { Account } from '../../data/model/account';
import type { Handover, Milestone, ReportLanguage, ServicePlan } from '../../data/model/records';

/**
 * The CSM's first message to a newly signed customer, from the CSM directly
 * rather than through sales, in the account's language. Right after signing
 * it lowers expectations without moving the goal: the goal agreed at
 * handover, what reaching it takes from both sides, the first milestones and
 * service day, and how it went for a customer like them. It promises no result.
 */
export interface IntroInput {
  language: ReportLanguage;
  /** The customer company. */
  customerName: string;
  /** Who the message greets; a generic greeting without it. */
  contactName?: string;
  csmName: string;
  /** E-mail or phone, shown in the sign-off. */
  csmContact?: string;
  /** The salesperson the customer met during the purchase. */
  salesName?: string;
  /** What the customer bought. */
  products?: string;
  /** The outcomes agreed at handover, in the customer's words. */
  goals: readonly string[];
  /** Who runs the project on the customer's side (their champion), when known. */
  customerLead?: string;
  /** How long sales expects implementation to take. */
  implementationWeeks?: number;
  /** The first onboarding milestones, earliest first. */
  milestones: readonly { text: string; date?: IsoDate }[];
  /** The first monthly service day, by the account's service plan. */
  firstServiceDay?: IsoDate;
  /** What the CSM tells of a similar customer's road: lays the ground for the renewal. */
  successStory?: string;
}

export interface IntroMessage {
  subject: string;
  text: string;
}

/** Milestones the introduction names: the first few are a start, the whole plan comes at the kick-off. */
export const INTRO_MILESTONES = 3;
/** Longest success story kept on the handover (data/model/handover.ts). */
export const SUCCESS_STORY_MAX = 1000;

/**
 * A user- or CRM-supplied value on one line: control characters and line
 * breaks become spaces, direction overrides are dropped, runs of whitespace
 * collapse to one space, and the ends are trimmed.
 */
export function singleLine(value: string | undefined): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * A calendar date as the reader writes it: "23 Nov 2026" or "2026年11月23日",
 * without the year when `short` ("23 Nov", "11月23日": the next weeks in a chat);
 * '' for anything that is not a date.
 */
export function formatIntroDate(date: string | undefined, language: ReportLanguage, short = false): string {
  if (typeof date !== 'string' || !isIsoDate(date)) return '';
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (language === 'zh-CN') return short ? `${m}月${d}日` : `${y}年${m}月${d}日`;
  return short ? `${d} ${MONTHS_EN[m - 1] ?? ''}` : `${d} ${MONTHS_EN[m - 1] ?? ''} ${y}`;
}

/** The introduction's inputs from the account's records; `today` dates the first service day. */
export function introInputOf(records: {
  account: Account; handover: Handover; milestones: readonly Milestone[]; plan: ServicePlan | undefined;
  language: ReportLanguage; today: IsoDate; csmFallback: string; successStory?: string;
}): IntroInput {
  const { account, handover, plan } = records;
  const person = (role: 'boss' | 'champion') => handover.keyPeople?.find((p) => p.role === role && !p.leftAt)?.name;
  const boss = person('boss');
  const champion = person('champion');
  const open = records.milestones.filter((m) => !m.doneAt && !m.deleted).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const story = records.successStory ?? handover.successStory;
  return {
    language: records.language,
    customerName: account.name,
    ...(boss ? { contactName: boss } : {}),
    csmName: account.csm ?? records.csmFallback,
    ...(account.owner ? { salesName: account.owner } : {}),
    ...(handover.bought?.products ? { products: handover.bought.products } : {}),
    goals: handover.outcomes ?? [],
    ...(champion && champion !== boss ? { customerLead: champion } : {}),
    ...(handover.implementationWeeks ? { implementationWeeks: handover.implementationWeeks } : {}),
    milestones: open.slice(0, INTRO_MILESTONES).map((m) => ({ text: m.title, date: m.dueDate })),
    firstServiceDay: nextServiceDay(ruleOf(plan), records.today),
    ...(story ? { successStory: story } : {}),
  };
}

/** The input on single lines, the lists without empty items: what both wordings are written from. */
export interface IntroParts {
  language: ReportLanguage;
  customer: string;
  contact: string;
  csm: string;
  csmContact: string;
  sales: string;
  products: string;
  goals: string[];
  lead: string;
  weeks: number;
  /** Dates as given (checked later by formatIntroDate): each wording writes them its own way. */
  steps: { text: string; date: string }[];
  serviceDay: string;
  story: string;
}

export function cleanIntro(input: IntroInput): IntroParts {
  const list = <T>(v: readonly T[] | undefined): readonly T[] => (Array.isArray(v) ? v : []);
  const weeks = Number(input.implementationWeeks);
  return {
    language: input.language,
    customer: singleLine(input.customerName),
    contact: singleLine(input.contactName),
    csm: singleLine(input.csmName),
    csmContact: singleLine(input.csmContact),
    sales: singleLine(input.salesName),
    products: singleLine(input.products),
    goals: list(input.goals).map((g) => singleLine(g)).filter((g) => g !== ''),
    lead: singleLine(input.customerLead),
    weeks: Number.isInteger(weeks) && weeks > 0 && weeks <= 520 ? weeks : 0,
    steps: list(input.milestones)
      .map((s) => ({ text: singleLine(s?.text), date: typeof s?.date === 'string' ? s.date : '' }))
      .filter((s) => s.text !== ''),
    serviceDay: typeof input.firstServiceDay === 'string' ? input.firstServiceDay : '',
    story: singleLine(input.successStory),
  };
}

function english(c: IntroParts): IntroMessage {
  const subject = c.customer
    ? `${c.customer}: meet ${c.csm || 'your new contact'}, your Customer Success Manager`
    : `Meet ${c.csm || 'your new contact'}, your Customer Success Manager`;
  const greeting = c.contact ? `Dear ${c.contact},` : c.customer ? `Dear ${c.customer} team,` : 'Hello,';
  const who = c.csm ? `My name is ${c.csm}, and I am` : 'I am';
  const role = c.customer ? `the Customer Success Manager for ${c.customer}` : 'your Customer Success Manager';
  const paragraphs: string[] = [
    greeting,
    `Thank you for choosing us, and welcome aboard! ${who} ${role}. From today I am your main point of contact${c.products ? ` for ${c.products}` : ''}.`,
  ];
  if (c.sales) {
    paragraphs.push(`You met ${c.sales} during the purchase. ${c.sales} has shared with me what you discussed, so we can pick up right where you left off.`);
  }
  paragraphs.push(
    c.goals.length > 0
      ? ['The goal we agreed on:', ...c.goals.map((g) => `- ${g}`)].join('\n')
      : 'At the kick-off we will write down the goal together, in your words, so that we both know what success looks like.',
  );
  const lead = c.lead ? `${c.lead} as the project lead` : 'a project lead';
  const weeks = c.weeks ? ` Implementation usually takes about ${c.weeks} ${c.weeks === 1 ? 'week' : 'weeks'}.` : '';
  paragraphs.push(
    `Reaching it takes work on both sides, and the first weeks ask the most of your team. From your side: ${lead}, your key users' time for the kick-off and the training, and an hour each month to review progress with you. From ours: I plan the onboarding with you, help your users get started, and follow up on every request you raise.${weeks}`,
  );
  const date = (d: string) => formatIntroDate(d, 'en');
  const serviceDay = date(c.serviceDay) ? `After that we meet every month on a service day; the first one is ${date(c.serviceDay)}.` : '';
  if (c.steps.length > 0) {
    const list = c.steps.map((s, i) => `${i + 1}. ${s.text}${date(s.date) ? ` (${date(s.date)})` : ''}`);
    paragraphs.push(['The first milestones:', ...list, ...(serviceDay ? [serviceDay] : [])].join('\n'));
  } else {
    paragraphs.push(
      `As a first step, I would like to propose a short kick-off call to agree on the plan for the first weeks. Please let me know a time that suits you.${serviceDay ? ` ${serviceDay}` : ''}`,
    );
  }
  if (c.story) paragraphs.push(`To give you an idea of the road ahead, here is how it went for a customer in a similar situation: ${c.story}`);
  const reach = c.csmContact ? `reply to this message or reach me at ${c.csmContact}` : 'reply to this message';
  paragraphs.push(`If you have any questions, simply ${reach}. I look forward to working with you.`);
  paragraphs.push(['Best regards,', c.csm, 'Customer Success Manager', c.csmContact].filter((l) => l !== '').join('\n'));
  return { subject, text: paragraphs.join('\n\n') };
}

function chinese(c: IntroParts): IntroMessage {
  const subject = c.customer ? `${c.customer}：您的客户成功经理${c.csm}向您问好` : `您的客户成功经理${c.csm}向您问好`;
  const thanks = c.customer ? `首先感谢${c.customer}的信任与选择！` : '首先感谢贵司的信任与选择！';
  const what = c.products ? `用好${c.products}` : '用好所购买的产品和服务';
  const paragraphs: string[] = [
    c.contact ? `${c.contact}，您好！` : '您好！',
    `我是贵司的客户成功经理${c.csm}，${thanks}今后我将作为您的主要对接人，协助贵司${what}。`,
  ];
  if (c.sales) {
    paragraphs.push(`在采购过程中，您已经与${c.sales}有过沟通。${c.sales}已经和我同步了前期的沟通情况，我们会在此基础上继续推进，您无需重复说明。`);
  }
  paragraphs.push(
    c.goals.length > 0
      ? ['我们共同确定的目标：', ...c.goals.map((g) => `- ${g}`)].join('\n')
      : '在启动会上，我们会一起用贵司自己的话把目标写下来，让双方对“成功”有一致的理解。',
  );
  const lead = c.lead ? `由${c.lead}担任项目负责人` : '指定一位项目负责人';
  paragraphs.push(
    `达成目标需要双方共同投入，前几周对贵司团队的要求最高。贵司需要${lead}，关键用户抽出时间参加启动会和培训，每月再安排约一小时与您一起复盘进展。我们这边，我会和您一起制定上线计划，帮助用户上手，并跟进您提出的每一项需求。${c.weeks ? `按目前的规划，实施大约需要${c.weeks}周。` : ''}`,
  );
  const date = (d: string) => formatIntroDate(d, 'zh-CN');
  const serviceDay = date(c.serviceDay) ? `之后我们每月会有一次服务日，第一次是${date(c.serviceDay)}。` : '';
  if (c.steps.length > 0) {
    const list = c.steps.map((s, i) => `${i + 1}. ${s.text}${date(s.date) ? `（${date(s.date)}）` : ''}`);
    paragraphs.push(['首批里程碑：', ...list, ...(serviceDay ? [serviceDay] : [])].join('\n'));
  } else {
    paragraphs.push(`作为第一步，我想和您约一次简短的启动会，一起确认前几周的工作安排。请告诉我您方便的时间。${serviceDay}`);
  }
  if (c.story) paragraphs.push(`供您参考，一家情况相近的客户是这样走过来的：${c.story}`);
  const reach = c.csmContact ? `欢迎随时回复本邮件，或通过 ${c.csmContact} 与我联系` : '欢迎随时回复本邮件与我联系';
  paragraphs.push(`如有任何问题，${reach}。期待与您的合作！`);
  paragraphs.push(['祝商祺！', c.csm, '客户成功经理', c.csmContact ? `联系方式：${c.csmContact}` : ''].filter((l) => l !== '').join('\n'));
  return { subject, text: paragraphs.join('\n\n') };
}

/** The introduction for e-mail: subject and plain-text body, in the account's language. */
export function csmIntroMessage(input: IntroInput): IntroMessage {
  const c = cleanIntro(input);
  return input.language === 'zh-CN' ? chinese(c) : english(c);
}

export type SuccessStoryCheck =
  | { ok: true; value: string | undefined }
  | { ok: false; error: 'tooLong' | 'nul' | 'broken'; count: number };

/** The story as typed, ready to keep on the handover (undefined: none), or why it cannot be kept. */
export function checkSuccessStory(raw: string): SuccessStoryCheck {
  const value = typeof raw === 'string' ? raw.trim() : '';
  const count = value.length;
  if (value.includes('\u0000')) return { ok: false, error: 'nul', count };
  if (!value.isWellFormed()) return { ok: false, error: 'broken', count };
  // The schema's bound counts UTF-16 units, as zod does.
  if (count > SUCCESS_STORY_MAX) return { ok: false, error: 'tooLong', count };
  return { ok: true, value: value === '' ? undefined : value };
}
