// The widget's wasm-opt run (release builds, from scripts/post-build.mjs;
// Trunk's own run is off in index.html, data-wasm-opt="0"): size passes,
// then every import, export and module name cut to one or two letters,
// with the wasm-bindgen glue rewritten to the same names. The long names
// (`__wbg_getBoundingClientRect_8c1f…`) were ~2.2 KiB of brotli in the
// wasm alone, paid by every reader; one run, because re-serialising an
// optimised module in a second run grows it by ~0.5 KiB.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** The wasm features the build targets (Rust's defaults for wasm32); the editor's run uses them too. */
export const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-reference-types', '--enable-multivalue', '--enable-mutable-globals'];

const PASSES = ['--flatten', '--rereloop', '-Oz', '-Oz', '--strip-producers', '--strip-target-features'];

/**
 * Optimises `wasmPath` in place and rewrites `gluePath` (wasm-bindgen's
 * `--target web` output, not yet minified) to its new names. Throws when
 * the glue does not have exactly the shape this relies on, so a new
 * wasm-bindgen can never ship a module whose imports do not link.
 */
export function shrinkWidget(wasmPath, gluePath, loaders = []) {
  const out = execFileSync('wasm-opt', [wasmPath, '-o', wasmPath, ...PASSES, ...FEATURES,
    '--minify-imports-and-exports-and-modules'], { encoding: 'utf8' });
  // wasm-opt prints the renaming as JSON: {"imports": [[module, old, new]…], "exports": [[old, new]…]}.
  const map = JSON.parse(out.slice(out.indexOf('{')));
  const module = new WebAssembly.Module(readFileSync(wasmPath));
  const modules = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
  if (modules.size !== 1) throw new Error(`expected one import module, found ${[...modules]}`);
  const [newModule] = modules;
  let glue = readFileSync(gluePath, 'utf8');
  const once = (pattern, replacement, what) => {
    let n = 0;
    glue = glue.replace(pattern, (...m) => (n++, replacement(...m)));
    if (n !== 1) throw new Error(`${gluePath}: ${what} found ${n} times, expected once`);
  };
  const oldModules = new Set(map.imports.map(([m]) => m));
  for (const m of oldModules) {
    once(new RegExp(`"${m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}": import0`, 'g'), () => `"${newModule}": import0`, `module ${m}`);
  }
  // Import keys are object properties of the imports object, `name: function`.
  for (const [, oldName, newName] of map.imports) {
    once(new RegExp(`(\\n\\s+)${oldName}(: function)`, 'g'), (_, a, b) => `${a}${newName}${b}`, `import ${oldName}`);
  }
  // Exports are read as `wasm.name`.
  const exports = new Map(map.exports);
  glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, name) => {
    const renamed = exports.get(name);
    if (!renamed) throw new Error(`${gluePath}: wasm.${name} is not an export of the module`);
    return `wasm.${renamed}`;
  });
  // What no caller of this glue uses, paid by every reader (~190 bytes of
  // brotli): `initSync` (start.js, embed.js and the standalone file call
  // the default export, with an object; the minifier drops the unexported
  // function), the warning for the call shape they never use, the
  // `encodeInto` stand-in for browsers older than the README supports
  // (Chrome 74, Firefox 66, Safari 14.1 have it), and the long warning for
  // a wasm served with the wrong type, said shorter.
  once(/export \{ initSync, __wbg_init as default \};/g, () => 'export { __wbg_init as default };', 'the initSync export');
  once(/console\.warn\('using deprecated parameters for the initialization function; pass a single object instead'\)/g, () => '0',
    'the deprecated-parameters warning');
  once(/\nif \(!\('encodeInto' in cachedTextEncoder\)\) \{\n[\s\S]*?\n\}\n/g, () => '\n', 'the encodeInto stand-in');
  once(/"`WebAssembly\.instantiateStreaming` failed because [^"]*"/g, () => '"wasm not served as application/wasm, compiled the slower way:"',
    'the MIME type warning');
  writeFileSync(gluePath, glue);
  // Code outside the glue that reads the module's exports by name would
  // break silently: the loaders must not (start.js finds the memory by type).
  for (const file of loaders) {
    for (const [, name] of readFileSync(file, 'utf8').matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)) {
      if (exports.has(name)) throw new Error(`${file}: wasm.${name} reads an export by a name the build shortens`);
    }
  }
}
