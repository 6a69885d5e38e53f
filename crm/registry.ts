import { dynamics } from './dynamics';
import { freshsales } from './freshsales';
import { fxiaoke } from './fxiaoke';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { CrmAdapter } from './types';
import { xiaoshouyi } from './xiaoshouyi';
import { zoho } from './zoho';

/**
 * Every built-in adapter. Order does not matter: URL tables guarantee no
 * cross-matches. User-defined rules (custom.ts) are user data and are passed
 * to matchUrl at run time instead.
 */
export const ADAPTERS: readonly CrmAdapter[] = [salesforce, hubspot, dynamics, zoho, pipedrive, freshsales, fxiaoke, xiaoshouyi];

/** Host match patterns of every built-in CRM (manifest host permissions and content-script matches). */
export const CRM_MATCHES: readonly string[] = ADAPTERS.flatMap((a) => a.matches);
