import { browser } from 'wxt/browser';
import type { AutomationApi, AutomationRuleView, AutomationView } from '../../features/channels/automation';
import { ChannelsError, type ChannelsErrorKind } from '../../features/channels/client';
import type { PageMessage } from '../messaging/protocol';

type Answer<T> = { ok?: boolean; error?: string; kind?: ChannelsErrorKind; status?: number; value?: T } | null;

/** Asks the background, which holds the token; a refusal comes back as the ChannelsError the server's answer made. */
async function ask<T>(message: Extract<PageMessage, { type: 'automation/rules' | 'automation/set' }>): Promise<T> {
  const answer = (await browser.runtime.sendMessage(message)) as Answer<T>;
  if (answer?.ok) return answer.value as T;
  const text = answer?.error ?? 'no answer from the extension';
  throw answer?.kind ? new ChannelsError(answer.kind, text, answer.status) : new Error(text);
}

/** The team server's automation rules (the options page), through the background: platform/background/channels.ts. */
export const teamAutomationVia: AutomationApi = {
  automation: () => ask<AutomationView>({ type: 'automation/rules' }),
  setRule: (rule, settings) => ask<AutomationRuleView>({ type: 'automation/set', rule, settings: { ...settings } }),
};
