// The version of tier-breakdown: one place, the workspace's Cargo.toml
// ([workspace.package] version). The release folder, the npm package,
// integrity.json and the README's versioned URLs all say this.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `0.5.0`, from `[workspace.package]` in Cargo.toml. */
export function version() {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const section = toml.split(/^\[/m).find((s) => s.startsWith('workspace.package]'));
  const v = section?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!v) throw new Error('Cargo.toml: no version in [workspace.package]');
  return v;
}
