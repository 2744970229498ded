// The front ends' JavaScript type-checked against the JS API's d.ts
// (wasm/js/estimator-api.d.ts): tsc -p web (web/tsconfig.json) over the
// shared layer, the journey, the page and the mini-program. A call that does
// not match the engine's types, or a name that does not exist, fails here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { repo } from './lib/env.mjs';

const require = createRequire(import.meta.url);
const TSC = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');

function tsc(project) {
  return spawnSync(process.execPath, [TSC, '-p', project, '--pretty', 'false'], { cwd: repo, encoding: 'utf8' });
}

test('web/ and the mini-program type-check against the d.ts', () => {
  // The mini-program requires its package's copies of web/shared/ (build/build.js).
  require('../miniprogram/helpers/package.js').ensurePackage();
  const r = tsc(join(repo, 'web'));
  assert.equal(r.stdout + r.stderr, '', 'tsc reports nothing');
  assert.equal(r.status, 0);
});

test('the check fails on a call the d.ts does not allow', () => {
  // A file that calls the engine with a wrong option: tsc must refuse it, or the check above proves nothing.
  const dir = mkdtempSync(join(tmpdir(), 'uie-tsc-'));
  try {
    writeFileSync(join(dir, 'bad.js'), "UieEngine.estimate({ region: '140000' }, { lang: 'fr', colour: 1 });\n");
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      extends: join(repo, 'web', 'tsconfig.json'),
      files: [join(repo, 'web', 'types', 'globals.d.ts'), join(dir, 'bad.js')],
    }));
    const r = tsc(dir);
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /bad\.js\(1,\d+\): error TS\d+/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
