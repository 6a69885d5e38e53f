import type { Band } from '../../../data/model/common';
import type { ReportLanguage } from '../../../data/model/records';

/**
 * The report is written in the account's language (not the UI language), so
 * the wording of both languages lives here.
 */

export interface Wording {
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

export const EN: Wording = {
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


export const WORDING: Record<ReportLanguage, Wording> = { en: EN, 'zh-CN': ZH };
