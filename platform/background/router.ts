import type { z } from 'zod';
import {
  ContentMessageSchema,
  PageMessageSchema,
  type ContentMessage,
  type PageMessage,
} from '../messaging/protocol';
import { framedGate } from '../messaging/frames';
import { isCrmContentScript, isExtensionPage, isOptionsPage, type SenderLike } from '../messaging/senders';

/** Messages only the options page may send (import, export, the demo book, rows kept aside, signing in and out): see isOptionsPage. */
export const OPTIONS_ONLY: ReadonlySet<string> = new Set([
  'transfer/preview', 'transfer/apply', 'transfer/export', 'demo/load', 'kept/export', 'kept/discard', 'sso/signin', 'sso/signout',
]);

type Handler<M> = (msg: M, sender: SenderLike & { tab?: { id?: number } }) => unknown;
export type HandlerMap<M extends { type: string }> = { [K in M['type']]: Handler<Extract<M, { type: K }>> };

export interface RouterDeps {
  runtimeId: string;
  /** Match patterns of the built-in CRM hosts. */
  crmMatches: () => readonly string[];
  /** Match patterns of the hosts of the user's own CRM rules (read from storage). */
  customMatches?: () => Promise<readonly string[]>;
  content: HandlerMap<ContentMessage>;
  page: HandlerMap<PageMessage>;
  onRejected?: (reason: string) => void;
  /**
   * Whether a framed extension page is a panel frame our content script made
   * (synchronous when the worker already holds the answer, so a click's
   * gesture survives). Without it, framed pages are refused.
   */
  verifiedFrame?: (sender: SenderLike) => boolean | Promise<boolean>;
}

/**
 * The background's onMessage listener. A message is acted on only when its
 * sender is allowed to send it and it parses against the protocol; anything
 * else gets no answer and changes nothing. Handlers run synchronously up to
 * their first await, so sidePanel.open keeps the user's gesture.
 */
export function createRouter(deps: RouterDeps) {
  const route = <M extends { type: string }>(
    schema: z.ZodType<M>,
    handlers: HandlerMap<M>,
    raw: unknown,
    sender: SenderLike,
    respond: (r: unknown) => void,
  ): boolean => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      deps.onRejected?.('malformed message');
      return false;
    }
    const handler = handlers[parsed.data.type as M['type']] as Handler<M>;
    let result: unknown;
    try {
      result = handler(parsed.data, sender);
    } catch (err) {
      respond({ error: errorText(err) });
      return false;
    }
    if (result instanceof Promise) {
      result.then(respond, (err: unknown) => respond({ error: errorText(err) }));
      return true; // keep the channel open for the async answer
    }
    respond(result ?? null);
    return false;
  };

  return (raw: unknown, sender: SenderLike, respond: (r: unknown) => void): boolean => {
    if (isExtensionPage(sender, deps.runtimeId)) {
      if (OPTIONS_ONLY.has(String((raw as { type?: unknown } | null)?.type)) && !isOptionsPage(sender, deps.runtimeId)) {
        deps.onRejected?.('options page only');
        respond(null);
        return false;
      }
      // Any page on a CRM host can frame the panel page: such a frame is acted on only once verified.
      const gate = framedGate((raw as { type?: unknown } | null)?.type, raw, sender);
      if (gate === 'pass') return route(PageMessageSchema, deps.page, raw, sender, respond);
      const refuse = () => {
        deps.onRejected?.('unverified frame');
        respond(null);
      };
      const verified = gate === 'check' && deps.verifiedFrame ? deps.verifiedFrame(sender) : false;
      if (verified === true) return route(PageMessageSchema, deps.page, raw, sender, respond);
      if (verified === false) {
        refuse();
        return false;
      }
      void verified.then(
        (ok) => (ok ? route(PageMessageSchema, deps.page, raw, sender, respond) : refuse()),
        refuse,
      );
      return true;
    }
    if (isCrmContentScript(sender, deps.runtimeId, deps.crmMatches()))
      return route(ContentMessageSchema, deps.content, raw, sender, respond);
    if (deps.customMatches && sender.id === deps.runtimeId && sender.frameId === 0) {
      // Possibly a content script on a custom CRM host: check against the user's rules.
      void deps.customMatches().then((patterns) => {
        if (isCrmContentScript(sender, deps.runtimeId, patterns)) route(ContentMessageSchema, deps.content, raw, sender, respond);
        else {
          deps.onRejected?.('unknown sender');
          respond(null);
        }
      });
      return true;
    }
    deps.onRejected?.('unknown sender');
    return false;
  };
}

/** A readable reason for the page that sent the message (zod issues joined, else the message). */
function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'issues' in err && Array.isArray(err.issues))
    return err.issues.map((i: { path?: unknown[]; message?: string }) => `${(i.path ?? []).join('.')}: ${i.message}`).join('; ');
  return err instanceof Error ? err.message : String(err);
}
