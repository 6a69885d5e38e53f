import type { AccountRef } from '../../crm/types';
import type { Translator } from '../../shared/i18n';
import type { LauncherView } from '../messaging/protocol';
import type { PanelUi } from '../../shared/settings';

/**
 * What the launcher on a CRM page shows: the same words for every record,
 * stored or not. The launcher lives in the page's DOM, which the page's own
 * scripts share, so it carries nothing the page does not already show: the
 * name the page itself displays (never the stored one), no health, band,
 * score, renewal timing or whether the account is in the user's book. All of
 * that renders only inside the extension's own panel frame.
 */
export function launcherView(ref: AccountRef, tr: Translator, panel: PanelUi): LauncherView {
  return {
    label: tr.t('launcher.label', { name: ref.name ?? ref.recordId }),
    resizeLabel: tr.t('launcher.resize'),
    panel,
  };
}
