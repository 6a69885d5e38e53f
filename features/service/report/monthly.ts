import type { IsoDate } from '../../../shared/dates/local-date';
import type { PromiseRecord, ServiceVisit } from '../../../data/model/records';
import { monthOf } from '../../../shared/dates/calendar';
import type { MonthlyReportText, ReportInput } from './input';
import { inline, shorten } from './text';
import { MARKDOWN, PLAIN, render, showDate, showMonth, type Format, type ListItem, type Section } from './format';
import { EN, WORDING, type Wording } from './wording';

/**
 * The monthly service report a CSM sends to the customer's boss, in the
 * account's language (wording.ts). The same content comes out twice: as plain
 * text (for e-mail bodies) and as Markdown (for pasting into documents and chats).
 */

/** Visit notes longer than this are shortened: the report is a summary, not the minutes. */
export const NOTES_MAX_CHARS = 280;

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
