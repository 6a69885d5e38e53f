import type { nextStepsEn } from './strings.en';

/** 简体中文: next steps (calls to action) on the overview; the same keys as strings.en.ts. */
export const nextStepsZhCN: Record<keyof typeof nextStepsEn, string> = {
  'steps.closeNote': '关闭备注（可选）',
  'steps.confirmDone': '关闭',
  'steps.source.health': '健康度',
  'steps.source.renewal': '续约',
  'steps.source.onboarding': '上线',
  'steps.source.service': '服务',
  'steps.source.expectations': '预期管理',
  'steps.source.manual': '手动添加',
  'steps.snooze': '推迟一周',
  'steps.flagOtherTeam': '需要其他团队',
  'steps.otherTeamLabel': '将“{title}”标记为需要其他团队',
  'steps.ownTeam': '本团队可完成',
  'steps.ownTeamLabel': '将“{title}”标记为本团队工作',
  'steps.snoozeLabel': '将“{title}”推迟一周',
  'steps.snoozed': '已推迟至 {date}',
  'steps.otherTeam': '需要其他团队',
  'steps.title': '下一步行动',
  'steps.none': '没有待办的下一步行动。',
  'steps.new': '新的下一步行动',
  'steps.due': '截止日期',
  'steps.add': '添加下一步行动',
  'steps.done': '完成',
  'steps.doneLabel': '将“{title}”标记为完成',
  'steps.invalid': '请填写下一步行动并选择截止日期。',
};
