import type { IsoDate } from '../../shared/dates/local-date';
import { dayIndex } from '../../shared/dates/week';
import type { Band } from '../../data/model/common';
import type { PromiseRecord, ReportLanguage, ServiceVisit } from '../../data/model/records';
import { monthOf } from '../../shared/dates/calendar';

/**
 * The monthly service report a CSM sends to the customer's boss. It is
 * written in the account's language (not the UI language), so the wording of
 * both languages lives here. The same content comes out twice: as plain text
 * (for e-mail bodies) and as Markdown (for pasting into documents and chats).
 */

export interface ReportInput {
  language: ReportLanguage;
  /** The month reported on, YYYY-MM. */
  month: string;
  account: { name: string; csm?: string; contractEnd: IsoDate };
  /** The customer's boss, for the greeting. */
  bossName?: string;
  /** All of the account's visits: the report uses those dated in `month`. */
  visits: readonly ServiceVisit[];
  /** previousScore: the score a month earlier, for the trend. */
  health?: { score: number; band: Band; previousScore?: number };
  renewal: { daysLeft: number; nextTouchpoint?: { offset: number; due: IsoDate } };
  /** All of the account's promises. */
  promises: readonly PromiseRecord[];
  /** Open follow-ups and calls to action. */
  openRequests: readonly { title: string; dueDate: IsoDate }[];
  nextServiceDay?: IsoDate;
  /**
   * Checklist items worded in the report's language, by item id: the topics
   * the boss reads about when absent. Items without a label here (e.g. the
   * CSM's own preparation) are not listed.
   */
  checklistLabels?: Readonly<Record<string, string>>;
  today: IsoDate;
}

export interface MonthlyReportText {
  subject: string;
  text: string;
  markdown: string;
  /** Visits took place this month and the boss joined none of them. */
  bossAbsent: boolean;
}

/** Visit notes longer than this are shortened: the report is a summary, not the minutes. */
export const NOTES_MAX_CHARS = 280;
/** Longest mailto: link produced; longer links are cut by some mail clients and browsers. */
export const MAILTO_MAX_CHARS = 1900;
/** Appended to a body cut to fit a mailto: link: the full report goes by the clipboard. */
export const TRUNCATION_MARK = '…\n[…]';
/** Subjects are short; an absurdly long one is cut so the body keeps most of the link. */
const SUBJECT_MAX_ENCODED = 600;
const ADDRESS_MAX_ENCODED = 600;

// ---------------------------------------------------------------------------
// Wording

interface Wording {
  monthName(year: number, month: number): string;
  date(year: number, month: number, day: number): string;
  subject(account: string, month: string): string;
  greeting(name: string | undefined): string;
  intro(account: string, month: string): string;
  /** Between a label and its value. */
  colon: string;
  /** Between items of an inline list, and between longer items. */
  comma: string;
  semicolon: string;
  /** Between two sentences. */
  sentenceGap: string;
  headings: { service: string; summary: string; health: string; renewal: string; promises: string; followUps: string };
  noVisit: string;
  visitTotals(visits: number, minutes: number): string;
  minutes(n: number): string;
  attendees: string;
  bossJoined: string;
  bossNotJoined: string;
  checklist(n: number): string;
  notes: string;
  summaryIntro: string;
  topics: string;
  discussedOn(date: string): string;
  nextSteps: string;
  noNextSteps: string;
  summaryOutro: string;
  healthScore: string;
  healthValue(score: number, band: string): string;
  bands: Record<Band, string>;
  trendUp(points: number, previous: number): string;
  trendDown(points: number, previous: number): string;
  trendSteady(previous: number): string;
  contractEnds(date: string, daysLeft: number): string;
  contractEndsOn(date: string): string;
  nextTouchpoint: string;
  touchpoint(date: string, offset: number): string;
  openPromises: string;
  keptPromises: string;
  noOpenPromises: string;
  /** An item and its due date; undefined: no due date set. */
  withDue(item: string, date: string | undefined): string;
  /** Follows an item already rendered, with the risk marker and its reasons. */
  atRisk(marker: string, reasons: string[]): string;
  riskMarker: string;
  overdue: string;
  notDeliverable: string;
  noFollowUps: string;
  nextServiceDay: string;
  signOff: string;
  team: string;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const EN: Wording = {
  monthName: (y, m) => `${EN_MONTHS[m - 1]} ${y}`,
  date: (y, m, d) => `${d} ${EN_MONTHS[m - 1]!.slice(0, 3)} ${y}`,
  subject: (account, month) => `${account} · Monthly service report, ${month}`,
  greeting: (name) => (name ? `Dear ${name},` : 'Hello,'),
  intro: (account, month) => `Please find below our service report for ${account} for ${month}.`,
  colon: ': ',
  comma: ', ',
  semicolon: '; ',
  sentenceGap: ' ',
  headings: {
    service: "This month's service",
    summary: 'Summary for you',
    health: 'Account health',
    renewal: 'Renewal',
    promises: 'Commitments',
    followUps: 'Open follow-ups',
  },
  noVisit: 'No service visit took place this month.',
  visitTotals: (n, min) => `We held ${plural(n, 'service visit', 'service visits')} this month, ${min} minutes in total.`,
  minutes: (n) => `${n} min`,
  attendees: 'Attendees',
  bossJoined: 'you joined',
  bossNotJoined: 'without you',
  checklist: (n) => (n === 0 ? 'no checklist items completed' : `${plural(n, 'checklist item', 'checklist items')} completed`),
  notes: 'Notes',
  summaryIntro: "As you could not join this month's visits, here is a short written summary of what we reviewed with your team.",
  topics: 'Topics reviewed',
  discussedOn: (date) => `Discussed on ${date}`,
  nextSteps: 'Agreed next steps',
  noNextSteps: 'No new follow-ups were agreed.',
  summaryOutro: 'I would be glad to walk you through any of this in a short call.',
  healthScore: 'Health score',
  healthValue: (score, band) => `${score} (${band}).`,
  bands: { green: 'healthy', yellow: 'needs attention', red: 'at risk' },
  trendUp: (p, prev) => `Up ${plural(p, 'point', 'points')} from last month (${prev}).`,
  trendDown: (p, prev) => `Down ${plural(p, 'point', 'points')} from last month (${prev}).`,
  trendSteady: (prev) => `Unchanged from last month (${prev}).`,
  contractEnds: (date, n) =>
    n > 0
      ? `The current contract ends on ${date}, in ${plural(n, 'day', 'days')}.`
      : n === 0
        ? `The current contract ends today, ${date}.`
        : `The contract ended on ${date}, ${plural(-n, 'day', 'days')} ago.`,
  contractEndsOn: (date) => `The current contract ends on ${date}.`,
  nextTouchpoint: 'Next renewal conversation',
  touchpoint: (date, offset) => `${date} (${plural(offset, 'day', 'days')} before the contract ends)`,
  openPromises: 'Open',
  keptPromises: 'Kept this month',
  noOpenPromises: 'There are no open commitments.',
  withDue: (item, date) => (date ? `${item} (due ${date})` : `${item} (no due date set)`),
  atRisk: (marker, reasons) => ` — ${marker}: ${reasons.join('; ')}`,
  riskMarker: 'at risk',
  overdue: 'overdue',
  notDeliverable: 'cannot be delivered as originally promised',
  noFollowUps: 'There are no open follow-ups.',
  nextServiceDay: 'Next service day',
  signOff: 'Best regards,',
  team: 'Your customer success team',
};

const ZH: Wording = {
  monthName: (y, m) => `${y}年${m}月`,
  date: (y, m, d) => `${y}年${m}月${d}日`,
  subject: (account, month) => `${account} · ${month}服务报告`,
  greeting: (name) => (name ? `${name}，您好！` : '您好！'),
  intro: (account, month) => `现将${month}为${account}提供的服务情况汇报如下，请您审阅。`,
  colon: '：',
  comma: '、',
  semicolon: '；',
  sentenceGap: '',
  headings: {
    service: '本月服务',
    summary: '写给您的摘要',
    health: '健康度',
    renewal: '续约',
    promises: '承诺事项',
    followUps: '待跟进事项',
  },
  noVisit: '本月未进行服务拜访。',
  visitTotals: (n, min) => `本月共进行${n}次服务拜访，累计${min}分钟。`,
  minutes: (n) => `${n}分钟`,
  attendees: '参会人',
  bossJoined: '您参加了本次拜访',
  bossNotJoined: '您未参加',
  checklist: (n) => `完成服务清单${n}项`,
  notes: '纪要',
  summaryIntro: '由于您未能参加本月的服务拜访，现将与贵方团队回顾的要点以书面形式简要汇报如下。',
  topics: '回顾内容',
  discussedOn: (date) => `${date}讨论要点`,
  nextSteps: '商定的后续事项',
  noNextSteps: '本月未新增待跟进事项。',
  summaryOutro: '如您需要，我很乐意另约时间向您当面汇报。',
  healthScore: '健康度评分',
  healthValue: (score, band) => `${score}分（${band}）。`,
  bands: { green: '健康', yellow: '需关注', red: '有风险' },
  trendUp: (p, prev) => `较上月（${prev}分）上升${p}分。`,
  trendDown: (p, prev) => `较上月（${prev}分）下降${p}分。`,
  trendSteady: (prev) => `与上月（${prev}分）持平。`,
  contractEnds: (date, n) =>
    n > 0
      ? `当前合同将于${date}到期，距今还有${n}天。`
      : n === 0
        ? `当前合同于今天（${date}）到期。`
        : `合同已于${date}到期，距今已过去${-n}天。`,
  contractEndsOn: (date) => `当前合同将于${date}到期。`,
  nextTouchpoint: '下次续约沟通',
  touchpoint: (date, offset) => `${date}（合同到期前${offset}天）`,
  openPromises: '进行中',
  keptPromises: '本月已兑现',
  noOpenPromises: '目前没有进行中的承诺事项。',
  withDue: (item, date) => (date ? `${item}（截止日期：${date}）` : `${item}（未设定截止日期）`),
  atRisk: (marker, reasons) => `——${marker}：${reasons.join('；')}`,
  riskMarker: '有风险',
  overdue: '已逾期',
  notDeliverable: '无法按原承诺交付',
  noFollowUps: '目前没有待跟进事项。',
  nextServiceDay: '下次服务日',
  signOff: '顺祝商祺！',
  team: '客户成功团队',
};

const WORDING: Record<ReportLanguage, Wording> = { en: EN, 'zh-CN': ZH };

// ---------------------------------------------------------------------------
// Cleaning and escaping of what users typed

/**
 * Control characters, plus the bidirectional overrides and isolates: those
 * render invisibly and can reorder what the reader sees.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /[\r\n\t\u2028\u2029]+/g;

/** A user value as one clean line: breaks become spaces, invisible characters go, runs of spaces collapse. */
export function inline(value: string): string {
  return String(value ?? '')
    .replace(LINE_BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut to `max` characters (whole code points, so an emoji is never split), ending with an ellipsis. */
function shorten(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Markdown punctuation, backslash-escaped wherever it appears in a user value:
 * emphasis, links, images, headings, lists, tables, code, raw HTML and
 * entities. The colon and the dot are included so bare URLs and "www." are not
 * turned into links by renderers that auto-link.
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:$=]/g;

export function escapeMarkdown(value: string): string {
  return value.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

// ---------------------------------------------------------------------------
// The two outputs

interface ListItem {
  line: string;
  sub?: string[];
}

/** How content is written out: plain text or Markdown. */
interface Format {
  /** A user value, cleaned (and escaped for Markdown). */
  user(value: string): string;
  /** A label in our own wording. */
  label(text: string): string;
  heading(text: string): string;
  /** Between a heading and the section's content. */
  headingGap: string;
  /** Lines of one paragraph that must stay on separate lines (a sign-off). */
  lines(lines: string[]): string;
  list(items: ListItem[]): string;
}

const bulleted = (items: ListItem[]) =>
  items.flatMap((i) => [`- ${i.line}`, ...(i.sub ?? []).map((s) => `  - ${s}`)]).join('\n');

const PLAIN: Format = {
  user: inline,
  label: (t) => t,
  heading: (t) => t,
  headingGap: '\n',
  lines: (lines) => lines.join('\n'),
  list: bulleted,
};

const MARKDOWN: Format = {
  user: (v) => escapeMarkdown(inline(v)),
  // The colon stays outside the asterisks: "**纪要**：" is bold in CommonMark, "**纪要：**" followed by a CJK letter is not.
  label: (t) => `**${t}**`,
  heading: (t) => `## ${t}`,
  headingGap: '\n\n',
  // Two trailing spaces: a hard line break.
  lines: (lines) => lines.join('  \n'),
  list: bulleted,
};

interface Section {
  heading?: string;
  parts: string[];
}

function render(sections: Section[], f: Format): string {
  return sections
    .filter((s) => s.parts.length > 0)
    .map((s) => (s.heading ? `${f.heading(s.heading)}${f.headingGap}${s.parts.join('\n\n')}` : s.parts.join('\n\n')))
    .join('\n\n');
}

// ---------------------------------------------------------------------------
// Dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function isCalendarDate(date: string): boolean {
  try {
    dayIndex(date);
    return true;
  } catch {
    return false;
  }
}

/** A date in the report's wording; something that is not a calendar date is shown as typed. */
function showDate(date: string, w: Wording, f: Format): string {
  const m = ISO_DATE.exec(date);
  if (!m || !isCalendarDate(date)) return f.user(date);
  return w.date(Number(m[1]), Number(m[2]), Number(m[3]));
}

function showMonth(month: string, w: Wording, f: Format): string {
  const m = YEAR_MONTH.exec(month);
  return m ? w.monthName(Number(m[1]), Number(m[2])) : f.user(month);
}

// ---------------------------------------------------------------------------
// What the report says

interface FollowUp {
  text: string;
  dueDate: IsoDate;
}

interface Facts {
  visits: ServiceVisit[];
  bossAbsent: boolean;
  open: PromiseRecord[];
  kept: PromiseRecord[];
  hasPromises: boolean;
  visitFollowUps: FollowUp[];
  followUps: FollowUp[];
  checklistLabels: Readonly<Record<string, string>>;
}

const byDate = <T>(key: (t: T) => string | undefined) => (a: T, b: T) => {
  // Undated items go last; Array.prototype.sort is stable, so equal dates keep their order.
  const ka = key(a) ?? '\uffff';
  const kb = key(b) ?? '\uffff';
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function gather(input: ReportInput): Facts {
  const visits = input.visits.filter((v) => !v.deleted && monthOf(v.date) === input.month).sort(byDate((v) => v.date));
  const promises = input.promises.filter((p) => !p.deleted);
  const visitFollowUps = visits.flatMap((v) => v.followUps.map((f) => ({ text: f.text, dueDate: f.dueDate })));

  // The month's follow-ups and the open requests, each once: the same text due the same day is one item.
  const seen = new Set<string>();
  const followUps: FollowUp[] = [];
  for (const f of [...visitFollowUps, ...input.openRequests.map((r) => ({ text: r.title, dueDate: r.dueDate }))]) {
    const key = `${inline(f.text)}\u0000${f.dueDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    followUps.push(f);
  }
  followUps.sort(byDate((f) => f.dueDate));

  return {
    visits,
    bossAbsent: visits.length > 0 && visits.every((v) => !v.bossMet),
    open: promises.filter((p) => p.status === 'open').sort(byDate((p) => p.dueDate)),
    // Kept this month: marked kept in the month (the record's last change, as stored).
    kept: promises.filter((p) => p.status === 'kept' && p.updatedAt.slice(0, 7) === input.month),
    hasPromises: promises.length > 0,
    visitFollowUps,
    followUps,
    checklistLabels: input.checklistLabels ?? {},
  };
}

function serviceSection(input: ReportInput, facts: Facts, w: Wording, f: Format): Section {
  if (facts.visits.length === 0) return { heading: w.headings.service, parts: [w.noVisit] };
  const minutes = facts.visits.reduce((sum, v) => sum + (Number.isFinite(v.durationMin) ? v.durationMin : 0), 0);
  const items = facts.visits.map((v): ListItem => {
    const bits = [f.label(showDate(v.date, w, f))];
    if (Number.isFinite(v.durationMin)) bits.push(w.minutes(Math.round(v.durationMin)));
    const people = v.attendees.map(inline).filter(Boolean);
    if (people.length > 0) bits.push(`${w.attendees}${w.colon}${people.map(f.user).join(w.comma)}`);
    bits.push(v.bossMet ? w.bossJoined : w.bossNotJoined);
    bits.push(w.checklist(v.checklistDone.length));
    const notes = inline(v.notes ?? '');
    return { line: bits.join(' · '), sub: notes ? [`${f.label(w.notes)}${w.colon}${f.user(shorten(notes, NOTES_MAX_CHARS))}`] : [] };
  });
  return { heading: w.headings.service, parts: [w.visitTotals(facts.visits.length, minutes), f.list(items)] };
}

/** For a boss who joined none of the month's visits: the review, in writing. */
function summarySection(facts: Facts, w: Wording, f: Format): Section {
  if (!facts.bossAbsent) return { parts: [] };
  const items: ListItem[] = [];
  const labels = facts.checklistLabels;
  const topics = [...new Set(facts.visits.flatMap((v) => v.checklistDone.map((id) => inline(labels[id] ?? ''))).filter(Boolean))];
  if (topics.length > 0) items.push({ line: `${f.label(w.topics)}${w.colon}${topics.map(f.user).join(w.comma)}` });
  for (const v of facts.visits) {
    const notes = inline(v.notes ?? '');
    if (notes) items.push({ line: `${f.label(w.discussedOn(showDate(v.date, w, f)))}${w.colon}${f.user(shorten(notes, NOTES_MAX_CHARS))}` });
  }
  const steps = facts.visitFollowUps.map((s) => w.withDue(f.user(s.text), showDate(s.dueDate, w, f)));
  items.push({ line: steps.length > 0 ? `${f.label(w.nextSteps)}${w.colon}${steps.join(w.semicolon)}` : w.noNextSteps });
  return { heading: w.headings.summary, parts: [w.summaryIntro, f.list(items), w.summaryOutro] };
}

function healthSection(input: ReportInput, w: Wording, f: Format): Section {
  const h = input.health;
  if (!h || !Number.isFinite(h.score)) return { parts: [] };
  const score = Math.round(h.score);
  let line = `${f.label(w.healthScore)}${w.colon}${w.healthValue(score, w.bands[h.band] ?? f.user(String(h.band)))}`;
  if (h.previousScore !== undefined && Number.isFinite(h.previousScore)) {
    // Compared as shown: both rounded, so the trend never contradicts the numbers in the report.
    const previous = Math.round(h.previousScore);
    const diff = score - previous;
    line += `${w.sentenceGap}${diff >= 1 ? w.trendUp(diff, previous) : diff <= -1 ? w.trendDown(-diff, previous) : w.trendSteady(previous)}`;
  }
  return { heading: w.headings.health, parts: [line] };
}

function renewalSection(input: ReportInput, w: Wording, f: Format): Section {
  const end = showDate(input.account.contractEnd, w, f);
  const days = input.renewal.daysLeft;
  const parts = [Number.isFinite(days) ? w.contractEnds(end, Math.round(days)) : w.contractEndsOn(end)];
  const next = input.renewal.nextTouchpoint;
  if (next) parts.push(`${f.label(w.nextTouchpoint)}${w.colon}${w.touchpoint(showDate(next.due, w, f), next.offset)}`);
  return { heading: w.headings.renewal, parts };
}

function promisesSection(input: ReportInput, facts: Facts, w: Wording, f: Format): Section {
  if (!facts.hasPromises) return { parts: [] };
  const parts: string[] = [];
  if (facts.open.length === 0) parts.push(w.noOpenPromises);
  else {
    const items = facts.open.map((p): ListItem => {
      let line = w.withDue(f.user(p.text), p.dueDate ? showDate(p.dueDate, w, f) : undefined);
      // At risk: sales promised what the product cannot deliver, or the due date has passed.
      const reasons: string[] = [];
      if (p.dueDate && p.dueDate < input.today) reasons.push(w.overdue);
      if (p.deliverable === 'no') reasons.push(w.notDeliverable);
      if (reasons.length > 0) line += w.atRisk(f.label(w.riskMarker), reasons);
      return { line };
    });
    parts.push(`${f.label(w.openPromises)}${w.colon.trimEnd()}\n${f.list(items)}`);
  }
  if (facts.kept.length > 0) {
    parts.push(`${f.label(w.keptPromises)}${w.colon.trimEnd()}\n${f.list(facts.kept.map((p) => ({ line: f.user(p.text) })))}`);
  }
  return { heading: w.headings.promises, parts };
}

function followUpSection(facts: Facts, w: Wording, f: Format): Section {
  const items = facts.followUps.map((x) => ({ line: w.withDue(f.user(x.text), showDate(x.dueDate, w, f)) }));
  return { heading: w.headings.followUps, parts: [items.length > 0 ? f.list(items) : w.noFollowUps] };
}

function closingSection(input: ReportInput, w: Wording, f: Format): Section {
  const parts: string[] = [];
  if (input.nextServiceDay) parts.push(`${f.label(w.nextServiceDay)}${w.colon}${showDate(input.nextServiceDay, w, f)}`);
  const csm = inline(input.account.csm ?? '');
  parts.push(f.lines([w.signOff, csm ? f.user(csm) : w.team]));
  return { parts };
}

function body(input: ReportInput, facts: Facts, w: Wording, f: Format): string {
  const boss = inline(input.bossName ?? '');
  const opening: Section = {
    parts: [w.greeting(boss ? f.user(boss) : undefined), w.intro(f.user(input.account.name), showMonth(input.month, w, f))],
  };
  return render(
    [
      opening,
      serviceSection(input, facts, w, f),
      summarySection(facts, w, f),
      healthSection(input, w, f),
      renewalSection(input, w, f),
      promisesSection(input, facts, w, f),
      followUpSection(facts, w, f),
      closingSection(input, w, f),
    ],
    f,
  );
}

/** The month's report, in the account's language, as plain text and as Markdown. */
export function monthlyReport(input: ReportInput): MonthlyReportText {
  const w = WORDING[input.language] ?? EN;
  const facts = gather(input);
  return {
    subject: w.subject(inline(input.account.name), showMonth(input.month, w, PLAIN)),
    text: body(input, facts, w, PLAIN),
    markdown: body(input, facts, w, MARKDOWN),
    bossAbsent: facts.bossAbsent,
  };
}

// ---------------------------------------------------------------------------
// mailto: links

/** Lone surrogate halves (from a cut string) would make encodeURIComponent throw: they become U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Characters that would break out of the address part of the link, or add recipients. */
const NOT_IN_ADDRESS = /[\s\u0000-\u001f\u007f?&#%,;:<>"'()[\]\\/]/;

/** The address as it goes in the link, or '' when it is not plausibly one e-mail address. */
function mailAddress(to: string | undefined): string {
  if (typeof to !== 'string') return '';
  const address = wellFormed(to.trim());
  if (address.length > 254 || NOT_IN_ADDRESS.test(address)) return '';
  const parts = address.split('@');
  if (parts.length !== 2) return '';
  const [local, domain] = parts as [string, string];
  if (!local || !/^[^.]+(\.[^.]+)+$/.test(domain)) return '';
  const encoded = `${encodeURIComponent(local)}@${encodeURIComponent(domain)}`;
  // Far longer than any real address once encoded: leave the room to the report.
  return encoded.length > ADDRESS_MAX_ENCODED ? '' : encoded;
}

/** The longest start of `s`, in whole code points, whose encoded form fits in `budget` characters (stops reading there). */
function fitEncoded(s: string, budget: number): string {
  let used = 0;
  let end = 0;
  for (const ch of s) {
    const cost = encodeURIComponent(ch).length;
    if (used + cost > budget) break;
    used += cost;
    end += ch.length;
  }
  return s.slice(0, end);
}

/** The body cut at a line boundary so its encoded form fits in `budget`, ending with the truncation mark. */
function cutBody(body: string, budget: number): string {
  const markCost = encodeURIComponent(`\n${TRUNCATION_MARK}`).length;
  const room = budget - markCost;
  let used = 0;
  let end = -1; // end of the kept lines in `body`; -1: none kept yet
  let pos = 0;
  while (pos <= body.length) {
    const nl = body.indexOf('\n', pos);
    const stop = nl < 0 ? body.length : nl;
    const sep = end < 0 ? 0 : 3; // %0A
    // A line longer than the room left cannot fit, whatever it encodes to: skip encoding it.
    if (stop - pos > room - used) break;
    const cost = sep + encodeURIComponent(body.slice(pos, stop)).length;
    if (used + cost > room) break;
    used += cost;
    end = stop;
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (end >= 0) return `${body.slice(0, end)}\n${TRUNCATION_MARK}`;
  // Not even the first line fits: keep what does of it.
  const start = fitEncoded(body, room);
  return start ? `${start}\n${TRUNCATION_MARK}` : TRUNCATION_MARK;
}

/**
 * A mailto: link opening the user's mail client with the report. The body is
 * cut at a line boundary when the link would be too long; the full report is
 * then pasted from the clipboard.
 */
export function mailtoHref(to: string | undefined, subject: string, body: string): string {
  try {
    const address = mailAddress(to);
    const s = wellFormed(String(subject ?? ''));
    let encodedSubject = encodeURIComponent(s);
    if (encodedSubject.length > SUBJECT_MAX_ENCODED) {
      encodedSubject = encodeURIComponent(`${fitEncoded(s, SUBJECT_MAX_ENCODED - 3)}…`);
    }
    const head = `mailto:${address}?subject=${encodedSubject}&body=`;
    const b = wellFormed(String(body ?? ''));
    const budget = MAILTO_MAX_CHARS - head.length;
    // Encoding never shortens text, so a body longer than the budget needs no trial encoding.
    if (b.length <= budget) {
      const encoded = encodeURIComponent(b);
      if (encoded.length <= budget) return head + encoded;
    }
    return head + encodeURIComponent(cutBody(b, budget));
  } catch {
    return 'mailto:';
  }
}
