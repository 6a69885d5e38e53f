/**
 * Corporate security proxies that serve a SaaS app under their own host by
 * appending a suffix: Microsoft Defender for Cloud Apps (Conditional Access
 * App Control) turns contoso.my.salesforce.com into
 * contoso.my.salesforce.com.mcas.ms, and uses mcas-gov.us / mcas-gov.ms in
 * the US government clouds. Source: Microsoft Learn, "Troubleshooting - What
 * is *.mcas.ms, *.mcas-gov.us, or *.mcas-gov.ms?"
 * (learn.microsoft.com/defender-cloud-apps/troubleshooting-proxy-url).
 */
export const PROXY_SUFFIXES = ['.mcas.ms', '.mcas-gov.us', '.mcas-gov.ms'] as const;

// What remains must still be a host of two labels or more: "x.mcas.ms" proxies nothing we know.
const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** The app's own URL behind a proxy host; the URL itself when it is not proxied. Never throws. */
export function unproxied(url: URL): URL {
  const host = url.hostname.toLowerCase();
  const suffix = PROXY_SUFFIXES.find((s) => host.endsWith(s));
  if (!suffix) return url;
  const inner = host.slice(0, -suffix.length);
  if (!HOST.test(inner)) return url;
  const out = new URL(url.href);
  out.hostname = inner;
  return out;
}

/** The adapter's own match patterns plus the same hosts as each proxy serves them. */
export function withProxies(patterns: readonly string[]): string[] {
  const proxied = PROXY_SUFFIXES.flatMap((suffix) => patterns.map((p) => p.replace(/^(https:\/\/[^/]+)\//, `$1${suffix}/`)));
  return [...patterns, ...proxied];
}
