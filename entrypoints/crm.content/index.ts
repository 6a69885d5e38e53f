import { CRM_MATCHES } from '../../lib/crm/registry';
import { detectAccount } from '../../lib/crm';
export default defineContentScript({ matches: [...CRM_MATCHES], main() { console.log(detectAccount(location.href, document)); } });
