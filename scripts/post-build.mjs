// Trunk's post-build hook. Trunk runs the hooks of one stage at the same
// time, so the steps that depend on each other are this one hook:
// 1. (release builds) minify the JavaScript a reader downloads: the
//    wasm-bindgen glue, which Trunk's own minifier gives up on, and the
//    loaders copied from embed/ (esbuild, from npm). Comments and long names
//    cost every reader ~2 KiB of brotli; the sources in embed/ keep them.
// 2. write the one-file version for the built-in data (the standalone
//    tool), which inlines the minified glue.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');

if (process.env.TRUNK_PROFILE === 'release') {
  // Only release builds need esbuild (a debug `trunk serve` does not).
  const { buildSync } = await import('esbuild');
  for (const name of ['tier-breakdown.js', 'embed.js', 'start.js', 'frame-parent.js']) {
    const file = join(dir, name);
    if (!existsSync(file)) continue;
    buildSync({
      entryPoints: [file],
      outfile: file,
      allowOverwrite: true,
      minify: true,
      // The oldest browsers the README supports; frame-parent.js is a classic script.
      target: ['chrome96', 'firefox89', 'safari15'],
      format: name === 'frame-parent.js' ? undefined : 'esm',
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}
execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'standalone', '--', 'data/phu-tho-2022.json'], { stdio: 'inherit' });
