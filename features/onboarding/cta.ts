import type { Account } from '../../data/model/account';
import { CTA_ACT_DAYS, draftCta, type CtaDraft, type CtaRule } from '../../data/model/cta-draft';
import type { Milestone } from '../../data/model/records';
import type { IsoDate } from '../../shared/dates/local-date';
import { plusDays } from '../../shared/dates/week';
import type { MessageKey } from '../../shared/i18n';
import { KNOWN_MILESTONES, ONBOARDING_TEMPLATE, type MilestoneTemplate } from './template';

export interface OnboardingCtaInput {
  account: Pick<Account, 'id' | 'csm' | 'owner'>;
  milestones: readonly Milestone[];
  onboardingTemplate?: readonly MilestoneTemplate[];
  today: IsoDate;
}

/**
 * onboarding:<milestoneId>: a milestone past its due date and not done, owned
 * by the milestone's owner. Closed when the milestone is done or removed.
 */
export const onboardingCtaRule: CtaRule<OnboardingCtaInput> = {
  evaluate({ account, milestones, onboardingTemplate, today }) {
    const template = onboardingTemplate ?? ONBOARDING_TEMPLATE;
    const create: CtaDraft[] = [];
    for (const m of milestones) {
      if (m.accountId !== account.id || m.deleted || m.doneAt || m.dueDate >= today) continue;
      let needsOtherTeam = false;
      for (const t of template) if (t.key === m.key) { needsOtherTeam = t.needsOtherTeam; break; }
      const title = { code: 'onboarding_milestone', params: { key: m.key, title: m.title, due: m.dueDate } };
      create.push(draftCta(account, 'onboarding', `onboarding:${m.id}`, title, plusDays(m.dueDate, CTA_ACT_DAYS), m.owner ? { owner: m.owner, needsOtherTeam } : { needsOtherTeam }));
    }
    // Built when an open onboarding CTA asks: most accounts have none.
    let byId: Map<string, Milestone> | undefined;
    return {
      create,
      resolve(c: { cause: string }) {
        if (!c.cause.startsWith('onboarding:')) return undefined;
        byId ??= new Map(milestones.map((m) => [m.id, m]));
        const m = byId.get(c.cause.slice('onboarding:'.length));
        return m?.deleted ? 'milestone_removed' : m?.doneAt ? 'milestone_done' : undefined;
      },
    };
  },
  titles: {
    onboarding_milestone: (p, tr) => {
      const key = String(p.key);
      const known = (KNOWN_MILESTONES as readonly string[]).includes(key);
      return tr.t('cta.milestone', { milestone: known ? tr.t(`onboarding.${key}` as MessageKey) : String(p.title ?? key) });
    },
  },
  closedNotes: { milestone_done: 'cta.closed.milestone_done', milestone_removed: 'cta.closed.milestone_removed' },
  plays: {
    onboarding_milestone: {
      causePrefix: 'onboarding:',
      name: 'play.onboarding_milestone.name',
      steps: ['play.onboarding_milestone.1', 'play.onboarding_milestone.2', 'play.onboarding_milestone.3', 'play.onboarding_milestone.4'],
    },
  },
};
