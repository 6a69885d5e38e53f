import { browser } from 'wxt/browser';
import type { PageMessage } from '../../platform/panel/data-client';
import type { Answer, ApplyAnswer, DemoAnswer, PreviewAnswer, TextAnswer } from './answers';

export { useAccountCount, useKeptRows } from '../../platform/panel/data-client';

type Command = Extract<PageMessage, { type: 'transfer/preview' | 'transfer/apply' | 'transfer/export' | 'demo/load' | 'kept/export' | 'kept/discard' }>;

/**
 * The one way the options page asks the background, which owns the
 * database, to import, export or load the demo book. A refusal comes back as
 * a code; no answer at all (the router refused it, the worker is gone) is 'failed'.
 */
async function send<A extends Answer<object>>(message: Command): Promise<A> {
  const answer = (await browser.runtime.sendMessage(message)) as A | { error?: string } | null | undefined;
  if (answer && 'ok' in answer) return answer;
  return { ok: false, code: 'failed', reason: answer?.error ?? 'no answer from the extension' } as A;
}

/** What importing the file would do (accounts or terms), and the fingerprint that confirms exactly that. */
export const previewFile = (fileName: string, text: string) => send<PreviewAnswer>({ type: 'transfer/preview', fileName, text });

/** Imports the previewed file, unless the data changed since the preview (code 'conflict'). */
export const applyFile = (fileName: string, text: string, fingerprint: string) => send<ApplyAnswer>({ type: 'transfer/apply', fileName, text, fingerprint });

export const exportText = (kind: 'json' | 'csv' | 'terms') => send<TextAnswer>({ type: 'transfer/export', kind });

export const loadDemoBook = () => send<DemoAnswer>({ type: 'demo/load' });

export const exportKeptAside = () => send<TextAnswer>({ type: 'kept/export' });

export const discardKeptRow = (seq: number) => send<Answer<object>>({ type: 'kept/discard', seq });
