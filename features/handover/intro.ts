import { isIsoDate, type IsoDate } from '../../shared/dates/local-date';
import type { ReportLanguage } from '../../data/model/records';

/**
 * The CSM's first message to a newly signed customer. The CSM introduces
 * themselves directly rather than through sales, in the account's language.
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
  /** What happens next, e.g. the kick-off call or the first monthly service day. */
  nextSteps: readonly { text: string; date?: IsoDate }[];
}

export interface IntroMessage {
  subject: string;
  text: string;
}

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

/** A calendar date as the reader writes it: "23 Nov 2026" or "2026年11月23日"; '' for anything that is not a date. */
export function formatIntroDate(date: string | undefined, language: ReportLanguage): string {
  if (typeof date !== 'string' || !isIsoDate(date)) return '';
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return language === 'zh-CN' ? `${y}年${m}月${d}日` : `${d} ${MONTHS_EN[m - 1] ?? ''} ${y}`;
}

interface Clean {
  customer: string;
  contact: string;
  csm: string;
  csmContact: string;
  sales: string;
  products: string;
  steps: { text: string; date: string }[];
}

function clean(input: IntroInput): Clean {
  const steps = (Array.isArray(input.nextSteps) ? input.nextSteps : [])
    .map((s) => ({ text: singleLine(s?.text), date: formatIntroDate(s?.date, input.language) }))
    .filter((s) => s.text !== '');
  return {
    customer: singleLine(input.customerName),
    contact: singleLine(input.contactName),
    csm: singleLine(input.csmName),
    csmContact: singleLine(input.csmContact),
    sales: singleLine(input.salesName),
    products: singleLine(input.products),
    steps,
  };
}

function english(c: Clean): IntroMessage {
  const subject = c.customer
    ? `${c.customer}: meet ${c.csm || 'your new contact'}, your Customer Success Manager`
    : `Meet ${c.csm || 'your new contact'}, your Customer Success Manager`;

  const greeting = c.contact ? `Dear ${c.contact},` : c.customer ? `Dear ${c.customer} team,` : 'Hello,';
  const who = c.csm ? `My name is ${c.csm}, and I am` : 'I am';
  const role = c.customer ? `the Customer Success Manager for ${c.customer}` : 'your Customer Success Manager';
  const what = c.products ? `from ${c.products}` : 'from what you have bought';
  const paragraphs: string[] = [
    greeting,
    `Thank you for choosing us, and welcome aboard! ${who} ${role}. From today I am your main point of contact, and my job is to make sure your team gets the results you expect ${what}.`,
  ];
  if (c.sales) {
    paragraphs.push(
      `You met ${c.sales} during the purchase. ${c.sales} has shared with me what you discussed, so we can pick up right where you left off.`,
    );
  }
  if (c.steps.length > 0) {
    const list = c.steps.map((s, i) => `${i + 1}. ${s.text}${s.date ? ` (${s.date})` : ''}`);
    paragraphs.push(['Here is what comes next:', ...list].join('\n'));
  } else {
    paragraphs.push(
      'As a first step, I would like to propose a short kick-off call to agree on your goals and the plan for the first weeks. Please let me know a time that suits you.',
    );
  }
  const reach = c.csmContact ? `reply to this message or reach me at ${c.csmContact}` : 'reply to this message';
  paragraphs.push(`If you have any questions, simply ${reach}. I look forward to working with you.`);
  paragraphs.push(['Best regards,', c.csm, 'Customer Success Manager', c.csmContact].filter((l) => l !== '').join('\n'));
  return { subject, text: paragraphs.join('\n\n') };
}

function chinese(c: Clean): IntroMessage {
  const subject = c.customer
    ? `${c.customer}：您的客户成功经理${c.csm}向您问好`
    : `您的客户成功经理${c.csm}向您问好`;

  const greeting = c.contact ? `${c.contact}，您好！` : '您好！';
  const thanks = c.customer ? `首先感谢${c.customer}的信任与选择！` : '首先感谢贵司的信任与选择！';
  const what = c.products ? `用好${c.products}` : '用好所购买的产品和服务';
  const paragraphs: string[] = [
    greeting,
    `我是贵司的客户成功经理${c.csm}，${thanks}今后我将作为您的主要对接人，协助贵司${what}，确保达成预期的业务成效。`,
  ];
  if (c.sales) {
    paragraphs.push(`在采购过程中，您已经与${c.sales}有过沟通。${c.sales}已经和我同步了前期的沟通情况，我们会在此基础上继续推进，您无需重复说明。`);
  }
  if (c.steps.length > 0) {
    const list = c.steps.map((s, i) => `${i + 1}. ${s.text}${s.date ? `（${s.date}）` : ''}`);
    paragraphs.push(['接下来的安排如下：', ...list].join('\n'));
  } else {
    paragraphs.push('作为第一步，我想和您约一次简短的启动会，一起确认目标和前几周的工作安排。请告诉我您方便的时间。');
  }
  const reach = c.csmContact ? `欢迎随时回复本邮件，或通过 ${c.csmContact} 与我联系` : '欢迎随时回复本邮件与我联系';
  paragraphs.push(`如有任何问题，${reach}。期待与您的合作！`);
  paragraphs.push(
    ['祝商祺！', c.csm, '客户成功经理', c.csmContact ? `联系方式：${c.csmContact}` : ''].filter((l) => l !== '').join('\n'),
  );
  return { subject, text: paragraphs.join('\n\n') };
}

/** The introduction message, subject and plain-text body, in the account's language. */
export function csmIntroMessage(input: IntroInput): IntroMessage {
  const c = clean(input);
  return input.language === 'zh-CN' ? chinese(c) : english(c);
}
