import { useEffect, useState, type ReactNode } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import { checkSuccessStory, csmIntroChat, csmIntroMessage, handoverId, introInputOf, SUCCESS_STORY_MAX } from '..';
import type { Account } from '../../../data/model/account';
import type { Handover, Milestone, ServicePlan } from '../../../data/model/records';
import { putRecordVia } from '../../../platform/panel/data-client';
import { CHAT_MAX_CHARS, chatLength } from '../../../shared/text/chat';
import { copyText } from '../../../shared/ui/copy';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed, FormMessage, type FormNote } from '../../../shared/ui/FormMessage';

/**
 * The CSM's introduction to the customer: the success story to tell (kept
 * on the account's handover), then the same introduction twice, as an
 * e-mail (subject and body) and as a shorter chat text for the channels the
 * customer actually reads.
 */
export function IntroCard({ account, handover, milestones, plan, now, uiLanguage, children }: {
  account: Account; handover: Handover; milestones: Milestone[]; plan: ServicePlan | undefined; now: Date; uiLanguage: 'en' | 'zh-CN';
  /** Shown under the hint: the team server's automatic welcome, when it scheduled one (WelcomeSchedule). */
  children?: ReactNode;
}) {
  const { t } = useTr();
  const language = plan && !plan.deleted ? plan.language : uiLanguage;
  const [story, setStory] = useState(handover.successStory ?? '');
  const [storyNote, setStoryNote] = useState<FormNote>(null);
  const [copyNote, setCopyNote] = useState<FormNote>(null);
  // Another device changed the story: show the stored one.
  useEffect(() => setStory(handover.successStory ?? ''), [handover.successStory]);

  const input = introInputOf({
    account, handover, milestones, plan, language, today: localDate(now), csmFallback: t('handover.yourCsm'), successStory: story,
  });
  const email = csmIntroMessage(input);
  const emailText = `${email.subject}\n\n${email.text}`;
  const chat = csmIntroChat(input);

  const copy = async (text: string) => {
    const ok = await copyText(text);
    setCopyNote({ ok, text: t(ok ? 'intro.copied' : 'intro.copyFailed') });
  };
  const save = async () => {
    const checked = checkSuccessStory(story);
    if (!checked.ok) {
      const key = checked.error === 'tooLong' ? 'intro.storyTooLong' : checked.error === 'nul' ? 'intro.storyNul' : 'intro.storyBroken';
      return setStoryNote({ ok: false, text: t(key, { count: checked.count, max: SUCCESS_STORY_MAX }) });
    }
    const at = { id: handoverId(account.id), accountId: account.id, ...(handover.version !== undefined ? { version: handover.version } : {}) };
    try {
      if (checked.value === undefined) await putRecordVia('handovers', at, {}, { unset: ['successStory'] });
      else await putRecordVia('handovers', at, { successStory: checked.value });
      setStoryNote({ ok: true, text: t(checked.value === undefined ? 'intro.storyRemoved' : 'intro.storySaved') });
    } catch (err) {
      setStoryNote({ ok: false, text: saveFailed(t, err) });
    }
  };

  return (
    <section className="card" aria-labelledby="intro-title">
      <h2 id="intro-title">{t('intro.title')}</h2>
      <p className="muted small">{t('intro.hint')}</p>
      {children}
      <label>
        {t('intro.story')}
        <textarea rows={3} value={story} onChange={(e) => setStory(e.target.value)} aria-describedby="intro-story-hint" />
      </label>
      <p id="intro-story-hint" className="muted small">{t('intro.storyHint')}</p>
      <div className="row">
        <button type="button" onClick={() => void save()}>{t('intro.saveStory')}</button>
      </div>
      <FormMessage message={storyNote} />

      <h3>{t('intro.emailTitle')}</h3>
      <textarea className="report" readOnly rows={10} aria-label={t('intro.preview')} value={emailText} />
      <h3>{t('intro.chatTitle')}</h3>
      <p className="muted small">{t('intro.chatHint', { max: CHAT_MAX_CHARS })}</p>
      <textarea className="report" readOnly rows={6} aria-label={t('intro.chatPreview')} value={chat} />
      <p className="muted small" data-testid="intro-chat-length">{t('intro.chatLength', { count: chatLength(chat), max: CHAT_MAX_CHARS })}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => void copy(emailText)}>{t('intro.copy')}</button>
        <button type="button" onClick={() => void copy(chat)}>{t('intro.copyChat')}</button>
      </div>
      <FormMessage message={copyNote} />
    </section>
  );
}
