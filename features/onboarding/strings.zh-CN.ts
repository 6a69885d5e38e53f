import type { onboardingEn } from './strings.en';

/** 简体中文: the onboarding feature: milestones and their call to action; the same keys as strings.en.ts. */
export const onboardingZhCN: Record<keyof typeof onboardingEn, string> = {
  'onboarding.title': '上线期（前 90 天）',
  'onboarding.daysLeft': '90 天中还剩 {n} 天',
  'onboarding.closed': '90 天窗口已结束。',
  'onboarding.start': '启动上线计划',
  'onboarding.none': '尚无上线里程碑。',
  'onboarding.overdue': '已逾期',
  'onboarding.doneOn': '{date} 完成',
  'onboarding.markDone': '完成',
  'onboarding.markDoneLabel': '将里程碑“{title}”标记为完成',
  'onboarding.colour.green': '进展正常',
  'onboarding.colour.yellow': '有待办行动',
  'onboarding.colour.red': '需要其他团队',
  'cta.milestone': '上线里程碑已逾期：{milestone}',
  'cta.closed.milestone_done': '已关闭：里程碑已完成',
  'cta.closed.milestone_removed': '已关闭：里程碑已移除',
  'play.onboarding_milestone.name': '上线里程碑逾期',
  'play.onboarding_milestone.1': '今天就问里程碑负责人卡在哪里',
  'play.onboarding_milestone.2': '如需其他团队（交付、产品、支持），标记出来并指定由谁行动',
  'play.onboarding_milestone.3': '与客户约定新日期，坦诚说明所需的投入',
  'play.onboarding_milestone.4': '完成之前，每周在上线风险例会上跟进',
  'onboarding.kick_off': '启动会',
  'onboarding.workshop_60pct': '实施达到 60% 的工作坊',
  'onboarding.health_model_setup': '健康度模型已建立',
  'onboarding.first_value': '首次获得价值',
};
