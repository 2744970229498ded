// The peers are devDependencies of bench/ alone (bench/package.json, pinned by its
// package-lock.json), never of the project. Installed on first use with `npm ci`,
// and only when a pinned version is not already in bench/node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH } from './common.mjs';

const wanted = () => JSON.parse(readFileSync(join(BENCH, 'package.json'), 'utf8')).devDependencies;

export function installedVersion(name) {
  const p = join(BENCH, 'node_modules', name, 'package.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')).version : null;
}

// The pinned packages that are missing or at another version; [] when all are in place.
export function missingDeps() {
  return Object.entries(wanted())
    .filter(([name, version]) => installedVersion(name) !== version)
    .map(([name, version]) => `${name}@${version}`);
}

export function ensureDeps(log) {
  const missing = missingDeps();
  if (!missing.length) return;
  log(`installing the peer engines into bench/node_modules (${missing.join(', ')}): npm ci --prefix bench`);
  const r = spawnSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 2] });
  if (r.status !== 0 || missingDeps().length) throw new Error(`npm ci --prefix bench failed (exit ${r.status})`);
}
