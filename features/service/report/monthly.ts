import type { IsoDate } from '../../../shared/dates/local-date';
import type { PromiseRecord, ServiceVisit } from '../../../data/model/records';
import { addMonths, monthOf } from '../../../shared/dates/calendar';
import type { MonthlyReportText, ReportInput } from './input';
import { shorten } from './text';
import { renderMarkdown, renderPlain, showDate, showMonth, user, type Block, type ListItem } from './format';
import { EN, WORDING, type Wording } from './wording';
import { healthBlocks, renewalBlocks, riskBlocks } from './internal';
import { outcomeBlocks, usageBlocks } from './progress';
import { sectionsOn, type ReportSection } from './sections';

/**
 * The monthly service report a CSM sends to the customer's boss, in the
 * account's language. It is about the customer: what we did together, their
 * outcomes and usage, their requests, next month. Our internal signals appear
 * only in the sections the CSM switched on (sections.ts, internal.ts).
 */

/** Visit notes longer than this are shortened: the report is a summary, not the minutes. */
export const NOTES_MAX_CHARS = 280;

interface FollowUp {
  text: string;
  dueDate: IsoDate;
}

const byDate = <T>(key: (t: T) => string | undefined) => (a: T, b: T) => {
  // Undated items go last; Array.prototype.sort is stable, so equal dates keep their order.
  const ka = key(a) ?? '\uffff';
  const kb = key(b) ?? '\uffff';
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Each follow-up once: the same text due the same day is one item. */
function distinct(items: readonly FollowUp[]): FollowUp[] {
  const seen = new Set<string>();
  return items.filter((f) => {
    const key = `${user(f.text)}\u0000${f.dueDate}`;
    if (!user(f.text) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const live = <T extends { deleted?: boolean }>(rows: readonly T[]) => rows.filter((r) => !r.deleted);
const changedIn = (p: PromiseRecord, month: string) => p.updatedAt.slice(0, 7) === month;

function facts(input: ReportInput) {
  const visits = live(input.visits).filter((v) => monthOf(v.date) === input.month).sort(byDate((v: ServiceVisit) => v.date));
  const promises = live(input.promises);
  return {
    visits,
    bossAbsent: visits.length > 0 && visits.every((v) => !v.bossMet),
    followUps: distinct(visits.flatMap((v) => v.followUps)).sort(byDate((f) => f.dueDate)),
    requests: distinct(input.openRequests.map((r) => ({ text: r.title, dueDate: r.dueDate }))).sort(byDate((f) => f.dueDate)),
    open: promises.filter((p) => p.status === 'open').sort(byDate((p) => p.dueDate)),
    promises,
  };
}
type Facts = ReturnType<typeof facts>;

const label = (text: string, w: Wording): Block => ({ kind: 'para', lines: [`${text}${w.colon.trimEnd()}`] });
const due = (f: FollowUp, w: Wording) => w.withDue(user(f.text), showDate(f.dueDate, w));

function togetherBlocks(input: ReportInput, f: Facts, w: Wording): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: w.headings.together }];
  if (f.visits.length === 0) blocks.push({ kind: 'para', lines: [w.noVisit] });
  else {
    const minutes = f.visits.reduce((sum, v) => sum + (Number.isFinite(v.durationMin) ? v.durationMin : 0), 0);
    const labels = input.checklistLabels ?? {};
    const items = f.visits.map((v): ListItem => {
      const bits = [showDate(v.date, w)];
      if (Number.isFinite(v.durationMin) && v.durationMin > 0) bits.push(w.minutes(Math.round(v.durationMin)));
      const people = v.attendees.map(user).filter(Boolean);
      if (people.length > 0) bits.push(`${w.attendees} ${people.join(w.comma)}`);
      bits.push(v.bossMet ? w.bossJoined : w.bossNotJoined);
      const topics = [...new Set(v.checklistDone.map((id) => user(labels[id] ?? '')).filter(Boolean))];
      const notes = user(v.notes ?? '');
      const sub = [
        ...(topics.length ? [`${w.topics}${w.colon}${topics.join(w.comma)}`] : []),
        ...(notes ? [`${w.notes}${w.colon}${shorten(notes, NOTES_MAX_CHARS)}`] : []),
      ];
      return { text: bits.join(' · '), ...(sub.length ? { sub } : {}) };
    });
    blocks.push({ kind: 'para', lines: [w.visitTotals(f.visits.length, minutes)] }, { kind: 'list', items });
  }
  if (f.followUps.length > 0) blocks.push(label(w.yourFollowUps, w), { kind: 'list', items: f.followUps.map((x) => ({ text: due(x, w) })) });
  if (f.bossAbsent) blocks.push(...summaryBlocks(f, w));
  return blocks;
}

/** For a boss who joined none of the month's visits: the review, in writing. */
function summaryBlocks(f: Facts, w: Wording): Block[] {
  const items: ListItem[] = [];
  for (const v of f.visits) {
    const notes = user(v.notes ?? '');
    if (notes) items.push({ text: `${w.discussedOn(showDate(v.date, w))}${w.colon}${shorten(notes, NOTES_MAX_CHARS)}` });
  }
  const steps = f.followUps.map((s) => due(s, w));
  items.push({ text: steps.length > 0 ? `${w.nextSteps}${w.colon}${steps.join(w.semicolon)}` : w.noNextSteps });
  return [
    { kind: 'heading', text: w.headings.summary },
    { kind: 'para', lines: [w.summaryIntro] },
    { kind: 'list', items },
    { kind: 'para', lines: [w.summaryOutro] },
  ];
}

/** The customer's requests in neutral words: in progress, delivered, adjusted with them, not delivered as planned. */
function requestBlocks(input: ReportInput, f: Facts, w: Wording): Block[] {
  const status = (text: string, s: string) => ({ text: `${user(text)}${w.colon}${s}` });
  const dateOf = (p: PromiseRecord) => showDate(p.updatedAt.slice(0, 10), w);
  const items: ListItem[] = [
    ...f.open.map((p) =>
      status(p.text, p.dueDate && p.dueDate >= input.today ? `${w.inProgress}${w.clause}${w.plannedFor(showDate(p.dueDate, w))}` : w.inProgress),
    ),
    ...f.requests.map((r) => status(r.text, r.dueDate >= input.today ? `${w.inProgress}${w.clause}${w.plannedFor(showDate(r.dueDate, w))}` : w.inProgress)),
    ...f.promises.filter((p) => p.status === 'kept' && changedIn(p, input.month)).map((p) => status(p.text, w.delivered)),
    ...f.promises.filter((p) => p.status === 'reset' && changedIn(p, input.month)).map((p) => status(p.text, w.adjustedOn(dateOf(p)))),
    ...f.promises.filter((p) => p.status === 'broken' && changedIn(p, input.month)).map((p) => status(p.text, w.notDeliveredAsPlanned)),
  ].filter((i) => !i.text.startsWith(w.colon));
  return [
    { kind: 'heading', text: w.headings.requests },
    items.length > 0 ? { kind: 'list', items } : { kind: 'para', lines: [w.noRequests] },
  ];
}

function nextMonthBlocks(input: ReportInput, f: Facts, w: Wording): Block[] {
  const next = addMonths(input.month, 1);
  const promised = f.open.flatMap((p) => (p.dueDate ? [{ text: p.text, dueDate: p.dueDate }] : []));
  const planned = distinct([...f.followUps, ...f.requests, ...promised]).filter((x) => monthOf(x.dueDate) === next).sort(byDate((x) => x.dueDate));
  const blocks: Block[] = [{ kind: 'heading', text: w.headings.nextMonth }];
  if (planned.length > 0) blocks.push(label(w.nextMonthIntro(showMonth(next, w)), w), { kind: 'list', items: planned.map((x) => ({ text: due(x, w) })) });
  else blocks.push({ kind: 'para', lines: [w.nextMonthNothing] });
  if (input.nextServiceDay) blocks.push({ kind: 'para', lines: [`${w.nextServiceDay}${w.colon}${showDate(input.nextServiceDay, w)}`] });
  return blocks;
}

function document(input: ReportInput, f: Facts, w: Wording): Block[] {
  const on = sectionsOn(input.sections);
  const boss = user(input.bossName ?? '');
  const csm = user(input.account.csm ?? '');
  const sections: Record<ReportSection, () => Block[]> = {
    together: () => togetherBlocks(input, f, w),
    outcomes: () => outcomeBlocks(input, w),
    usage: () => usageBlocks(input, w),
    requests: () => requestBlocks(input, f, w),
    health: () => healthBlocks(input, w),
    renewal: () => renewalBlocks(input, w),
    risks: () => riskBlocks(f.open, input.today, w),
    nextMonth: () => nextMonthBlocks(input, f, w),
  };
  return [
    { kind: 'para', lines: [w.greeting(boss || undefined)] },
    { kind: 'para', lines: [w.intro(user(input.account.name), showMonth(input.month, w))] },
    ...(Object.keys(sections) as ReportSection[]).flatMap((s) => (on.has(s) ? sections[s]() : [])),
    { kind: 'para', lines: [w.signOff, csm || w.team] },
  ];
}

/** The month's report, in the account's language, as blocks, plain text and Markdown. */
export function monthlyReport(input: ReportInput): MonthlyReportText {
  const w = WORDING[input.language] ?? EN;
  const f = facts(input);
  const blocks = document(input, f, w);
  return {
    subject: w.subject(user(input.account.name), showMonth(input.month, w)),
    blocks,
    text: renderPlain(blocks),
    markdown: renderMarkdown(blocks),
    bossAbsent: f.bossAbsent,
  };
}
