import type { Translator } from '../../shared/i18n';
import { formatDate, formatMoney } from '../../shared/ui/format';
import type { Money, ReviewCounts, ReviewGroup, ReviewItem, WeeklyReview } from './review';

/** ARR per currency, never added across currencies: "$80,000 · ¥300,000". */
export const moneyList = (atRisk: readonly Money[], tr: Translator): string =>
  atRisk.length === 0 ? tr.t('review.noArr') : atRisk.map((m) => formatMoney(m.amount, m.currency ?? undefined, tr.locale)).join(' · ');

export const atRiskLine = (c: ReviewCounts, tr: Translator): string =>
  tr.t('review.atRisk', { amounts: moneyList(c.atRisk, tr), accounts: tr.plural('review.accounts', c.accounts) });

export const ownerName = (g: Pick<ReviewGroup, 'owner'>, tr: Translator): string => g.owner ?? tr.t('review.unassigned');

export const groupSummary = (g: ReviewGroup, tr: Translator): string =>
  `${tr.t('review.groupCounts', { count: g.count, flagged: g.flagged, fresh: g.fresh })} · ${atRiskLine(g, tr)}`;

/** What is said of an item after its title: when it is due, and its flags. */
export function itemFacts(i: ReviewItem, tr: Translator): string[] {
  const when = i.late > 0 ? tr.t('today.when.overdue', { days: i.late }) : i.late === 0 ? tr.t('today.when.today') : tr.t('today.when.week', { date: formatDate(i.due, tr.locale) });
  return [when, ...(i.needsOtherTeam ? [tr.t('today.otherTeam')] : []), ...(i.snoozed ? [tr.t('review.snoozed')] : []), ...(i.isNew ? [tr.t('review.new')] : [])];
}

/**
 * The review as plain text for the meeting (a chat message or an e-mail), in
 * the user's language: the week, the totals, then each owner with their CTAs,
 * flagged ones marked "!".
 */
export function reviewText(r: WeeklyReview, tr: Translator): string {
  const lines = [
    `${tr.t('review.title')} · ${tr.t('review.week', { week: r.week, from: formatDate(r.from, tr.locale), to: formatDate(r.to, tr.locale) })}`,
    tr.t('review.summary', { count: r.totals.count, flagged: r.totals.flagged, fresh: r.totals.fresh, closed: r.totals.closed }),
    atRiskLine(r.totals, tr),
  ];
  if (r.groups.length === 0) lines.push('', tr.t('review.none'));
  for (const g of r.groups) {
    lines.push('', tr.t('review.line.group', { owner: ownerName(g, tr), summary: groupSummary(g, tr) }));
    for (const i of g.items) lines.push(`  ${i.flagged ? '!' : '-'} ${tr.t('review.line.item', { account: i.account.name, title: i.title })} · ${itemFacts(i, tr).join(' · ')}`);
  }
  return lines.join('\n');
}
