// Prints the release bundle's sizes (raw, gzip -9, brotli q11) for each
// file in dist/, the readers' total (the widget's wasm + js + css) and the
// editor's (editor*: journalists only). `--json` for JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

/** Sizes of every .wasm, .js and .css file in `dir`, and their sum. */
export function bundleSizes(dir = DIST) {
  const files = readdirSync(dir).filter((f) => ['.wasm', '.js', '.css'].includes(extname(f))).sort();
  const rows = files.map((f) => {
    const body = readFileSync(join(dir, f));
    return {
      file: f,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    };
  });
  const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const editor = (r) => r.file.startsWith('editor');
  return { rows, total: sum(rows.filter((r) => !editor(r))), editor: sum(rows.filter(editor)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = bundleSizes();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 2));
  } else {
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    for (const r of [...sizes.rows, { file: 'total for readers (all but editor*)', ...sizes.total }, { file: 'editor (editor*)', ...sizes.editor }]) {
      console.log(`${r.file.padEnd(44)} raw ${kib(r.raw).padStart(10)}  gzip ${kib(r.gzip).padStart(10)}  brotli ${kib(r.brotli).padStart(10)}`);
    }
  }
}
