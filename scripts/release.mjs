// `make release` (after the release build): what a newsroom hosts, without
// a Rust toolchain. Writes
//   release/tier-breakdown-X.Y.Z/      every file a site serves (the built
//                                      dist/, a format page, the changelog,
//                                      the licence) and a package.json, so
//                                      the folder is an npm package;
//   release/tier-breakdown-X.Y.Z.tgz   that package, packed by `npm pack`;
//   release/SHA256SUMS                 the tarball's and every file's
//                                      sha256 (`cd release && sha256sum -c SHA256SUMS`).
// The version is the workspace's (scripts/version.mjs). Nothing is built
// here: it packs dist/ as `trunk build --release` left it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { marked } from 'marked';
import { ROOT, version } from './version.mjs';

/** Every file under `dir`, as sorted paths relative to it. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The format page: docs/FORMAT.md as one self-contained HTML file (no script, no request). */
function formatPage(v) {
  // Headings get GitHub's ids, so the document's own `#…` links work.
  const slug = (html) => html.replace(/<[^>]+>/g, '').replace(/&[a-z]+;|&#\d+;/g, '').trim().toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
  const body = marked.parse(readFileSync(join(ROOT, 'docs', 'FORMAT.md'), 'utf8'))
    .replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_, n, inner) => `<h${n} id="${slug(inner)}">${inner}</h${n}>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>tier-breakdown ${v}: the results file format</title>
<style>
body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
pre,code{font:14px ui-monospace,monospace;background:#f3f3f3}pre{padding:.75rem;overflow:auto}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
a{color:#0b5cad}
@media (prefers-color-scheme:dark){body{color:#eee;background:#121212}pre,code{background:#262626}td,th{border-color:#555}a{color:#8ab8ff}}
</style>
</head>
<body>
<p>tier-breakdown ${v} · <a href="results.schema.json">JSON Schema</a> · <a href="editor.html">editor</a></p>
${body}
</body>
</html>
`;
}

/** The npm manifest of the folder: the loader and the schema as its exports. */
function manifest(v, files) {
  return {
    name: 'tier-breakdown',
    version: v,
    description: 'Interactive breakdowns of organisations, cells and members by tier, for news articles: a WebAssembly widget that runs in the reader\'s browser (script embed, iframe or one standalone file).',
    license: 'MIT',
    type: 'module',
    // Files to host, not modules to bundle: the loader finds its glue and
    // wasm next to itself (import.meta.url), so there is no '.' entry.
    exports: {
      './embed.js': './embed.js',
      './frame-parent.js': './frame-parent.js',
      './results.schema.json': './results.schema.json',
      './integrity.json': './integrity.json',
      './package.json': './package.json',
    },
    files: files.filter((f) => f !== 'package.json'),
    keywords: ['chart', 'news', 'embed', 'webassembly', 'accessibility', 'vietnamese'],
  };
}

export function release({ out = join(ROOT, 'release') } = {}) {
  const v = version();
  const dist = join(ROOT, 'dist');
  for (const f of ['index.html', 'embed.js', 'tier-breakdown_bg.wasm', 'integrity.json']) {
    if (!existsSync(join(dist, f))) throw new Error(`dist/${f} is missing: run \`make release\` (it builds first)`);
  }
  const pinned = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8'));
  if (pinned.version !== v) throw new Error(`dist/ was built as ${pinned.version}, Cargo.toml says ${v}: build again`);
  const name = `tier-breakdown-${v}`;
  const folder = join(out, name);
  rmSync(folder, { recursive: true, force: true });
  rmSync(join(out, `${name}.tgz`), { force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(dist, folder, { recursive: true });
  writeFileSync(join(folder, 'format.html'), formatPage(v));
  for (const f of ['CHANGELOG.md', 'LICENSE']) cpSync(join(ROOT, f), join(folder, f));
  writeFileSync(join(folder, 'README.md'), readFileSync(join(ROOT, 'docs', 'PACKAGE.md'), 'utf8')
    .replaceAll('{{version}}', v)
    .replaceAll('{{embed.js}}', pinned.files['embed.js'])
    .replaceAll('{{frame-parent.js}}', pinned.files['frame-parent.js']));
  const files = [...listFiles(folder), 'package.json'].sort();
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest(v, files), null, 2)}\n`);
  execFileSync('npm', ['pack', '--pack-destination', out, '--loglevel=error'], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
  const sha = (p) => createHash('sha256').update(readFileSync(p)).digest('hex');
  const lines = [`${name}.tgz`, ...listFiles(folder).map((f) => `${name}/${f}`)].map((p) => `${sha(join(out, p))}  ${p}`);
  writeFileSync(join(out, 'SHA256SUMS'), `${lines.join('\n')}\n`);
  return { version: v, folder, tgz: join(out, `${name}.tgz`), sums: join(out, 'SHA256SUMS') };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = release();
  console.log(`${relative(ROOT, r.folder)}/\n${relative(ROOT, r.tgz)}\n${relative(ROOT, r.sums)}`);
}
