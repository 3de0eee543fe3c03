// Subresource Integrity for what a host page runs (scripts/post-build.mjs,
// every build): the loader is written with the sha384 of the glue and the
// wasm it was built with, and `integrity.json` holds the hashes of the
// files an embed code names (the loader, frame-parent.js), for the
// editor's codes, the demo article and the release notes.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `sha384-…` of a file, as an `integrity` attribute or `fetch` option takes it. */
export function sri(path) {
  return `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
}

const SLOT = "const INTEGRITY = { glue: '', wasm: '' };";

/** Writes the glue's and the wasm's hashes into `dir/embed.js` (before it is minified). */
export function pinLoader(dir) {
  const file = join(dir, 'embed.js');
  const src = readFileSync(file, 'utf8');
  if (src.split(SLOT).length !== 2) throw new Error(`${file}: the line ${SLOT} must occur once`);
  const pinned = `const INTEGRITY = { glue: '${sri(join(dir, 'tier-breakdown.js'))}', wasm: '${sri(join(dir, 'tier-breakdown_bg.wasm'))}' };`;
  writeFileSync(file, src.replace(SLOT, () => pinned));
}

/**
 * Writes `dir/integrity.json` ({version, files: {name: sha384}}) for the
 * final files, and pins the demo article's loader and frame script.
 */
export function writeManifest(dir, version) {
  const names = ['embed.js', 'frame-parent.js', 'tier-breakdown.js', 'tier-breakdown_bg.wasm'];
  const files = Object.fromEntries(names.map((n) => [n, sri(join(dir, n))]));
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify({ version, files }, null, 2)}\n`);
  const demo = join(dir, 'demo', 'article.html');
  let html = readFileSync(demo, 'utf8');
  for (const name of ['embed.js', 'frame-parent.js']) {
    const tag = `src="../${name}"`;
    if (html.split(tag).length !== 2) throw new Error(`${demo}: ${tag} must occur once`);
    html = html.replace(tag, () => `${tag} integrity="${files[name]}" crossorigin="anonymous"`);
  }
  writeFileSync(demo, html);
  return files;
}
