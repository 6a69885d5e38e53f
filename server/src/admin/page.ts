import { readFileSync } from 'node:fs';
import type { Context, Hono } from 'hono';
import type { Env } from '../http';
import { en } from './strings.en';
import { zhCN } from './strings.zh-CN';

/**
 * The admin page: one HTML page, its script and its style, served without a
 * token (the page asks for one and keeps it in the tab's sessionStorage;
 * every call it makes sends it). Everything comes from this server and
 * nothing runs inline, so the policy allows only this origin's script and
 * style and calls back to this origin: text that reached the database
 * from anyone cannot run as script here.
 */
export const ADMIN_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
const HTML = asset('index.html');
const CSS = asset('app.css');
/** The extension's own logo, as the tab's icon. */
const ICON = readFileSync(new URL('../../../assets/logo.svg', import.meta.url), 'utf8');
const SCRIPT = `const STRINGS = ${JSON.stringify({ en, 'zh-CN': zhCN })};\n${asset('app.js')}`;

function send(c: Context<Env>, body: string, type: string) {
  return c.body(body, 200, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Security-Policy': ADMIN_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
}

export function adminPage(app: Hono<Env>): void {
  app.get('/admin', (c) => send(c, HTML, 'text/html'));
  app.get('/admin/', (c) => c.redirect('/admin', 301));
  app.get('/admin/app.js', (c) => send(c, SCRIPT, 'text/javascript'));
  app.get('/admin/app.css', (c) => send(c, CSS, 'text/css'));
  app.get('/admin/icon.svg', (c) => send(c, ICON, 'image/svg+xml'));
}
