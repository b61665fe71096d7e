/**
 * Allure's awesome template always embeds Google Analytics (gtag.js from googletagmanager.com,
 * `analyticsEnable: true` in @allurereport/plugin-awesome). The report must open offline and
 * tell nobody that it was opened, so the analytics scripts are cut out, and anything left that
 * would still load from the network is refused rather than shipped.
 */
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>\s*/gi;
const REMOTE_SRC = /\bsrc\s*=\s*["']?(?:https?:)?\/\//i;
const ANALYTICS = /googletagmanager|google-analytics|\bgtag\s*\(|\bdataLayer\b/;

/** Tags that would make the browser fetch from another host when the page loads. */
const REMOTE_LOAD = /<(?:script|link|img|iframe|source|embed)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]*/gi;

export function stripAnalytics(html: string): string {
  const stripped = html.replace(SCRIPT, (tag: string, attrs: string, body: string) =>
    REMOTE_SRC.test(attrs) || ANALYTICS.test(body) ? '' : tag,
  );
  const left = [...stripped.matchAll(REMOTE_LOAD)].map((m) => m[0]);
  if (left.length > 0 || ANALYTICS.test(stripped.replace(/data:[a-z/+-]+;base64,[A-Za-z0-9+/=]+/g, ''))) {
    throw new Error(
      `Cannot make the Allure report offline: it still loads ${left.length ? left.join(', ') : 'analytics code'}. ` +
        'The Allure template changed; extend harness/evidence/offline-html.ts to remove it before shipping the report.',
    );
  }
  return stripped;
}
