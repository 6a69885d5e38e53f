import { defineConfig } from 'wxt';
import { CRM_MATCHES } from './crm/registry';

// Permissions are the fewest that work; README.md explains each one.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'sidePanel', 'scripting', 'alarms', 'notifications'],
    host_permissions: [...CRM_MATCHES],
    // Asked at the click on "Sign in with your company account (SSO)", for chrome.identity.launchWebAuthFlow only.
    optional_permissions: ['identity'],
    // Asked for one origin at a time: a custom CRM rule's host, or the team server's.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: 'Account Lens' },
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_togglePanel__',
      },
    },
    // The panel page is framed into CRM pages; only CRM hosts may frame it, and only through the
    // per-session dynamic URL our content script gets from runtime.getURL: a page cannot guess it to
    // frame the panel or to learn the extension is installed. (A framed panel also shows data only in
    // a frame our content script made: platform/messaging/frames.ts.)
    web_accessible_resources: [{ resources: ['sidepanel.html'], matches: [...CRM_MATCHES], use_dynamic_url: true }],
  },
});
