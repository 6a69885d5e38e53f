import { detectDeal } from '../crm/deal-detect';

// Injected by the background into a tab showing a deal, when the panel asks for it
// (platform/background/deals.ts): it reads the deal's account and amount from the
// page and returns them. Apart from the content script, which every CRM page loads.
export default defineUnlistedScript(() => detectDeal(location.href, document));
