// The sites the full page and the iframe may read `?data=` files from,
// besides their own: TIER_BREAKDOWN_DATA_ORIGINS="https://data.example
// https://cdn.example" at build time, written into index.html's policy
// (connect-src) by scripts/post-build.mjs. Each must be a bare origin, so
// nothing else can enter the policy.

/** `html` (index.html) with `origins` (space-separated) added to its connect-src. */
export function allowDataOrigins(html, origins = '') {
  const list = origins.split(/\s+/).filter(Boolean);
  for (const o of list) {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o)) {
      throw new Error(`TIER_BREAKDOWN_DATA_ORIGINS: "${o}" is not an origin like https://data.example`);
    }
  }
  if (!list.length) return html;
  if (!html.includes("connect-src 'self';")) throw new Error("index.html has no connect-src 'self' to extend");
  return html.replace("connect-src 'self';", `connect-src 'self' ${list.join(' ')};`);
}
