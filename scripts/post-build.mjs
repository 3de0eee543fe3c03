// Trunk's post-build hook. Trunk runs the hooks of one stage at the same
// time, so the steps that depend on each other are this one hook:
// 1. (release builds) optimise the widget's wasm and cut its import and
//    export names (scripts/shrink-wasm.mjs; Trunk's wasm-opt run is off),
//    then minify the JavaScript a reader downloads: the
//    wasm-bindgen glue, which Trunk's own minifier gives up on, and the
//    loaders copied from embed/ (esbuild, from npm). Comments and long names
//    cost every reader ~2 KiB of brotli; the sources in embed/ keep them.
//    Every build: the loader is pinned to the glue's and the wasm's sha384
//    and integrity.json lists the final hashes (scripts/integrity.mjs).
// 2. write the one-file version for the built-in data (the standalone
//    tool), which inlines the minified glue, and put the chart of the
//    built-in data into the HTML of the full page and the demo article
//    (`--static-into`, core::prerender).
// 3. build the editor (editor.html): its own wasm bundle (cargo,
//    wasm-bindgen, and on release wasm-opt), next to the widget's files,
//    whose glue and wasm it reads to build standalone files in the browser.
//    Readers never download it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
const release = process.env.TRUNK_PROFILE === 'release';
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');

const minify = async (name) => {
  // Only release builds need esbuild (a debug `trunk serve` does not).
  const { buildSync } = await import('esbuild');
  const file = join(dir, name);
  buildSync({
    entryPoints: [file],
    outfile: file,
    allowOverwrite: true,
    minify: true,
    // The oldest browsers the README supports; frame-parent.js is a classic script.
    target: ['chrome96', 'firefox89', 'safari15'],
    format: name === 'frame-parent.js' ? undefined : 'esm',
    legalComments: 'none',
    // Drops what no export reaches (the glue's initSync, see shrink-wasm.mjs).
    treeShaking: true,
    logLevel: 'warning',
  });
};
if (release) {
  const { shrinkWidget } = await import('./shrink-wasm.mjs');
  shrinkWidget(join(dir, 'tier-breakdown_bg.wasm'), join(dir, 'tier-breakdown.js'),
    ['start.js', 'embed.js', 'frame-parent.js'].map((n) => join(dir, n)));
  await minify('tier-breakdown.js');
}
// The loader pins the final glue and wasm; then the loaders are final and
// integrity.json names their hashes (scripts/integrity.mjs).
const { pinLoader, writeManifest } = await import('./integrity.mjs');
pinLoader(dir);
if (release) for (const name of ['embed.js', 'start.js', 'frame-parent.js']) await minify(name);
const { version } = await import('./version.mjs');
writeManifest(dir, version());
// The standalone file, and the chart in the HTML of the full page and of
// the demo article's built-in embed, before any script runs.
execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'standalone', '--', 'data/phu-tho-2022.json',
  '-o', join(dir, 'tier-breakdown.html')], { stdio: 'inherit' });
execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'standalone', '--',
  '--static-into', join(dir, 'index.html'), '--static-into', join(dir, 'demo', 'article.html')], { stdio: 'inherit' });

// The sites the page may read `?data=` files from (scripts/data-origins.mjs).
if (process.env.TIER_BREAKDOWN_DATA_ORIGINS) {
  const { allowDataOrigins } = await import('./data-origins.mjs');
  const page = join(dir, 'index.html');
  writeFileSync(page, allowDataOrigins(readFileSync(page, 'utf8'), process.env.TIER_BREAKDOWN_DATA_ORIGINS));
}

// The editor. The same feature flags as the widget's wasm-opt run.
const target = process.env.CARGO_TARGET_DIR ?? 'target';
execFileSync('cargo', ['build', '--quiet', '--offline', '--locked', '--target', 'wasm32-unknown-unknown',
  '-p', 'tier-breakdown-editor', ...(release ? ['--release'] : [])], { stdio: 'inherit' });
const built = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'tier-breakdown-editor.wasm');
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dir, '--out-name', 'editor', built], { stdio: 'inherit' });
if (release) {
  const wasm = join(dir, 'editor_bg.wasm');
  const { FEATURES } = await import('./shrink-wasm.mjs');
  execFileSync('wasm-opt', [wasm, '-o', wasm, '-Oz', '--strip-producers', '--strip-debug', ...FEATURES], { stdio: 'inherit' });
  const { buildSync } = await import('esbuild');
  buildSync({ entryPoints: [join(dir, 'editor.js')], outfile: join(dir, 'editor.js'), allowOverwrite: true,
    minify: true, target: ['chrome96', 'firefox89', 'safari15'], format: 'esm', legalComments: 'none', logLevel: 'warning' });
}
for (const name of ['editor.html', 'editor.css', 'editor-start.js']) copyFileSync(join('editor', name), join(dir, name));
copyFileSync(join('docs', 'results.schema.json'), join(dir, 'results.schema.json'));
