import { browser } from 'wxt/browser';
import { matchRecord, matchUrl, refFrom } from '../../crm';
import { compileCustomRule } from '../../crm/custom';
import { DEFAULT_FIELD_LABELS, type FieldLabels } from '../../crm/fields';
import { ADAPTERS, CRM_MATCHES } from '../../crm/registry';
import { waitForRecord, watchName } from '../../platform/content/wait-for-record';
import { createUi, type FrameSource, type LensUi } from '../../platform/content/ui';
import type { AccountRef, CrmAdapter } from '../../crm/types';
import type { ContentMessage, CrmConfig, LauncherView, ToContentMessage } from '../../platform/messaging/protocol';

// Runs on every CRM page (and, once granted, on the hosts of the user's own
// CRM rules): detects the record, reports it, mounts the launcher. No React,
// no database: it stays small and holds no account data (the launcher names only what the page shows).
export default defineContentScript({
  matches: [...CRM_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    // Injected a second time (a rule granted while the page was open): the first copy serves.
    const scope = globalThis as { __accountLens?: boolean };
    if (scope.__accountLens) return;
    scope.__accountLens = true;
    ctx.onInvalidated(() => (scope.__accountLens = false));

    const send = (msg: ContentMessage) => browser.runtime.sendMessage(msg) as Promise<unknown>;
    let ui: LensUi | undefined;
    let record: AbortController | undefined;
    let lastName: string | undefined;
    let lastRecordId: string | undefined;
    let adapters: readonly CrmAdapter[] = ADAPTERS;
    let labels: FieldLabels = DEFAULT_FIELD_LABELS;
    const useConfig = (config: CrmConfig) => {
      adapters = [...ADAPTERS, ...config.rules.map(compileCustomRule)];
      labels = config.fieldLabels;
    };

    // Each panel frame carries a one-time nonce from the background: only a frame made here shows data.
    const frames: FrameSource = {
      url: async () => {
        const got = (await send({ type: 'panel/nonce' })) as { nonce?: unknown } | null;
        if (typeof got?.nonce !== 'string') return null;
        return { url: `${browser.runtime.getURL('/sidepanel.html')}?host=frame&n=${got.nonce}`, nonce: got.nonce };
      },
      claimed: async (nonce) => ((await send({ type: 'panel/loaded', nonce })) as { claimed?: unknown } | null)?.claimed === true,
    };
    const getUi = () =>
      (ui ??= createUi(
        document,
        frames,
        (patch) => send({ type: 'ui/set', patch }),
        (reason) => void send({ type: 'panel/cover', reason }).catch(() => undefined),
      ));

    const report = async (ref: AccountRef) => {
      lastName = ref.name;
      lastRecordId = ref.recordId;
      const view = (await send({ type: 'crm/detected', ref }).catch(() => null)) as LauncherView | null;
      if (ctx.isInvalid || ref.recordId !== lastRecordId) return; // a later detection took over
      if (view && typeof view.label === 'string') getUi().show(view);
      else {
        // Refused: never leave the previous account's launcher and panel on this record.
        ui?.remove();
        void send({ type: 'crm/left' }).catch(() => undefined);
      }
    };

    const onUrl = async (url: string) => {
      record?.abort();
      // Accounts and deals alike: a deal page reports the deal (kind 'deal'); the panel reads its account.
      const hit = matchRecord(url, adapters);
      if (!hit) {
        ui?.remove();
        lastName = lastRecordId = undefined;
        void send({ type: 'crm/left' });
        return;
      }
      const controller = new AbortController();
      record = controller;
      // A header still naming the previous record is stale; the same record may keep its name.
      const stale = hit.match.recordId === lastRecordId ? undefined : lastName;
      const ref = await waitForRecord(hit, document, controller.signal, stale, labels);
      if (!ref || controller.signal.aborted) return;
      await report(ref);
      watchName(hit, document, controller.signal, ref.name, labels, (renamed) => void report(renamed));
    };

    browser.runtime.onMessage.addListener((msg: ToContentMessage, _sender, respond) => {
      if (msg?.type === 'launcher/update') ui?.show(msg.view);
      else if (msg?.type === 'panel/toggle') ui?.toggle();
      else if (msg?.type === 'panel/set') ui?.setPanel(msg.panel);
      else if (msg?.type === 'config/changed') {
        useConfig(msg);
        void onUrl(location.href);
      } else if (msg?.type === 'rule/test') {
        // Try a rule the user is editing on this page, without saving it.
        const hit = matchUrl(location.href, [compileCustomRule(msg.rule)]);
        respond(hit ? refFrom(hit, document, labels) : { none: true });
      }
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => void onUrl(newUrl.href));
    ctx.onInvalidated(() => {
      record?.abort();
      ui?.remove();
    });
    void (send({ type: 'crm/config' }) as Promise<CrmConfig | null>)
      .then((config) => config && Array.isArray(config.rules) && useConfig(config), () => undefined)
      .finally(() => void onUrl(location.href));
  },
});
