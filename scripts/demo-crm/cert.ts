import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A self-signed certificate for the demo CRM hosts, made once with openssl
 * and kept under .demo/ (ignored by git). Chromium is started with
 * --ignore-certificate-errors for these local runs only.
 */
export function demoCertificate(): { key: Buffer; cert: Buffer } {
  const dir = resolve(import.meta.dirname, '../../.demo/cert');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '365',
      '-keyout', key, '-out', cert, '-subj', '/CN=Account Lens demo CRM',
      '-addext', 'subjectAltName=DNS:*.lightning.force.com,DNS:app.hubspot.com,DNS:*.crm4.dynamics.com,DNS:www.fxiaoke.com',
    ], { stdio: 'ignore' });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}
