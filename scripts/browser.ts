import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Host patterns the demo CRM server answers for, mapped to this machine. */
export const CRM_HOST_PATTERNS = ['*.lightning.force.com', 'app.hubspot.com', '*.dynamics.com', 'www.fxiaoke.com'];

export interface LensBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, CRM host names resolved to
 * the local demo server: the extension under test is exactly the one users
 * install (its manifest never matches localhost).
 */
/**
 * A copy of the built extension whose manifest asks for `grant` up front:
 * Chrome grants a loaded extension its manifest's permissions without a
 * prompt, while the prompt for optional ones cannot be answered headless.
 * Everything else is the extension as built.
 */
export function extensionGranting(grant: { permissions?: string[]; origins?: string[] }): string {
  const dir = mkdtempSync(join(tmpdir(), 'account-lens-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { permissions: string[]; host_permissions: string[] };
  manifest.permissions.push(...(grant.permissions ?? []));
  manifest.host_permissions.push(...(grant.origins ?? []));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

export async function launchWithExtension(opts: { crmPort: number; headless?: boolean; userDataDir?: string; locale?: string; extensionDir?: string }): Promise<LensBrowser> {
  const extension = opts.extensionDir ?? EXTENSION_DIR;
  const dir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'account-lens-profile-'));
  const rules = CRM_HOST_PATTERNS.map((h) => `MAP ${h}:443 127.0.0.1:${opts.crmPort}`).join(', ');
  const context = await chromium.launchPersistentContext(dir, {
    headless: opts.headless ?? true,
    executablePath: CHROMIUM,
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
    locale: opts.locale ?? 'en-US',
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${opts.locale ?? 'en-US'}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, close: () => context.close() };
}
