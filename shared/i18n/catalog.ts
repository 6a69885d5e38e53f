import { sharedEn } from './strings.en';
import { sharedZhCN } from './strings.zh-CN';
import { pagesEn } from '../../platform/pages/strings.en';
import { pagesZhCN } from '../../platform/pages/strings.zh-CN';
import { expectationsEn } from '../../features/expectations/strings.en';
import { expectationsZhCN } from '../../features/expectations/strings.zh-CN';
import { dealsEn } from '../../features/deals/strings.en';
import { dealsZhCN } from '../../features/deals/strings.zh-CN';
import { handoverEn } from '../../features/handover/strings.en';
import { handoverZhCN } from '../../features/handover/strings.zh-CN';
import { healthEn } from '../../features/health/strings.en';
import { healthZhCN } from '../../features/health/strings.zh-CN';
import { nextStepsEn } from '../../features/next-steps/strings.en';
import { nextStepsZhCN } from '../../features/next-steps/strings.zh-CN';
import { onboardingEn } from '../../features/onboarding/strings.en';
import { onboardingZhCN } from '../../features/onboarding/strings.zh-CN';
import { peopleEn } from '../../features/people/strings.en';
import { peopleZhCN } from '../../features/people/strings.zh-CN';
import { portfolioEn } from '../../features/portfolio/strings.en';
import { portfolioZhCN } from '../../features/portfolio/strings.zh-CN';
import { remindersEn } from '../../features/reminders/strings.en';
import { remindersZhCN } from '../../features/reminders/strings.zh-CN';
import { renewalEn } from '../../features/renewal/strings.en';
import { renewalZhCN } from '../../features/renewal/strings.zh-CN';
import { serviceEn } from '../../features/service/strings.en';
import { serviceZhCN } from '../../features/service/strings.zh-CN';
import { todayEn } from '../../features/today/strings.en';
import { todayZhCN } from '../../features/today/strings.zh-CN';
import { transferEn } from '../../features/transfer/strings.en';
import { transferZhCN } from '../../features/transfer/strings.zh-CN';

/**
 * The whole catalogue, gathered from the string files that sit beside each
 * feature and page shell (strings.en.ts + strings.zh-CN.ts). String files are
 * data only, so gathering them here adds no dependency on any feature's code.
 * `{name}` placeholders are filled by t().
 */
export const en = {
  ...sharedEn,
  ...pagesEn,
  ...healthEn,
  ...renewalEn,
  ...onboardingEn,
  ...nextStepsEn,
  ...todayEn,
  ...serviceEn,
  ...expectationsEn,
  ...handoverEn,
  ...dealsEn,
  ...peopleEn,
  ...portfolioEn,
  ...remindersEn,
  ...transferEn,
} as const;

export type MessageKey = keyof typeof en;

export const zhCN: Record<MessageKey, string> = {
  ...sharedZhCN,
  ...pagesZhCN,
  ...healthZhCN,
  ...renewalZhCN,
  ...onboardingZhCN,
  ...nextStepsZhCN,
  ...todayZhCN,
  ...serviceZhCN,
  ...expectationsZhCN,
  ...handoverZhCN,
  ...dealsZhCN,
  ...peopleZhCN,
  ...portfolioZhCN,
  ...remindersZhCN,
  ...transferZhCN,
};
