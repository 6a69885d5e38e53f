import type { PromiseRecord } from '../../../data/model/records';
import type { Block } from './format';
import { showDate, user } from './format';
import type { ReportInput } from './input';
import type { Wording } from './wording';

/**
 * Our internal signals, written only when the CSM switches their section on
 * for the account: the health score and band, the renewal countdown and
 * conversation, and the requests we see at risk.
 */

export function healthBlocks(input: ReportInput, w: Wording): Block[] {
  const h = input.health;
  if (!h || !Number.isFinite(h.score)) return [];
  const score = Math.round(h.score);
  let line = `${w.healthScore}${w.colon}${w.healthValue(score, w.bands[h.band] ?? user(String(h.band)))}`;
  if (h.previousScore !== undefined && Number.isFinite(h.previousScore)) {
    // Compared as shown: both rounded, so the trend never contradicts the numbers in the report.
    const previous = Math.round(h.previousScore);
    const diff = score - previous;
    line += `${w.sentenceGap}${diff >= 1 ? w.trendUp(diff, previous) : diff <= -1 ? w.trendDown(-diff, previous) : w.trendSteady(previous)}`;
  }
  return [{ kind: 'heading', text: w.headings.health }, { kind: 'para', lines: [line] }];
}

export function renewalBlocks(input: ReportInput, w: Wording): Block[] {
  if (!input.renewal) return [];
  const end = showDate(input.account.contractEnd, w);
  const days = input.renewal.daysLeft;
  const blocks: Block[] = [
    { kind: 'heading', text: w.headings.renewal },
    { kind: 'para', lines: [Number.isFinite(days) ? w.contractEnds(end, Math.round(days)) : w.contractEndsOn(end)] },
  ];
  const next = input.renewal.nextTouchpoint;
  if (next) blocks.push({ kind: 'para', lines: [`${w.nextTouchpoint}${w.colon}${w.touchpoint(showDate(next.due, w), next.offset)}`] });
  return blocks;
}

/** Why an open promise is at risk: its due date has passed, or sales promised what cannot be delivered. */
export function riskReasons(p: PromiseRecord, today: string, w: Wording): string[] {
  const reasons: string[] = [];
  if (p.dueDate && p.dueDate < today) reasons.push(w.overdue);
  if (p.deliverable === 'no') reasons.push(w.notDeliverable);
  return reasons;
}

export function riskBlocks(open: readonly PromiseRecord[], today: string, w: Wording): Block[] {
  const items = open.flatMap((p) => {
    const reasons = riskReasons(p, today, w);
    return reasons.length ? [{ text: `${w.withDue(user(p.text), p.dueDate ? showDate(p.dueDate, w) : undefined)}${w.atRisk(reasons)}` }] : [];
  });
  return items.length ? [{ kind: 'heading', text: w.headings.risks }, { kind: 'list', items }] : [];
}
