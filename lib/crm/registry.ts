import { salesforce } from './salesforce';
import type { CrmAdapter } from './types';

/** Every built-in adapter. Order does not matter: URL tables guarantee no cross-matches. */
export const ADAPTERS: readonly CrmAdapter[] = [salesforce];

/** Host match patterns of every built-in CRM (manifest host permissions and content-script matches). */
export const CRM_MATCHES: readonly string[] = ADAPTERS.flatMap((a) => a.matches);
