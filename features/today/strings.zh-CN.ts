import type { todayEn } from './strings.en';

/** 今日工作清单的中文文案。 */
export const todayZhCN: Record<keyof typeof todayEn, string> = {
  'today.title': '今日',
  'today.intro': '你负责的客户今天和本周要做的事，最紧急的在前。',
  'today.whose': '查看谁的工作',
  'today.mine': '我（{name}）',
  'today.team': '整个团队',
  'today.myName': '你在客户上作为负责人或 CSM 的名字',
  'today.saveName': '显示我的工作',
  'today.noName': '设置你的名字即可只看自己的客户；在此之前显示整个团队的工作。',
  'today.counts': '逾期 {overdue} 项 · 今天到期 {today} 项 · 本周 {week} 项',
  'today.none': '本周没有到期事项。正适合做一次客户没要求的拜访。',
  'today.when.overdue': '逾期 {days} 天',
  'today.when.today': '今天到期',
  'today.when.week': '{date} 到期',
  'today.openRecord': '在 CRM 中打开 {name}',
  'today.done': '完成',
  'today.doneLabel': '将“{title}”标记为完成',
  'today.snooze': '推迟一周',
  'today.snoozeLabel': '将“{title}”推迟一周',
  'today.source.promise': '承诺',
  'today.risk.not_deliverable': '承诺无法兑现：请与客户重新约定',
  'today.risk.overdue': '承诺已逾期',
  'today.risk.due_soon': '承诺即将到期',
  'today.otherTeam': '需要其他团队',
  'today.loading': '正在加载今日工作…',
};
