// `npm install` on the Node 20 the README asks for prints no warning (issue #10 §6, decision 012): every locked
// package's engines accept this Node. docx 9.15 asks for nanoid 6 (Node ≥ 22) but bundles the part it uses into its
// own files, so package.json overrides docx's nanoid with the 3.x that postcss already installs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'qianqi-install-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('installing the locked dependencies', () => {
  it('prints no warning: no package needs a newer Node than 20', () => {
    copyFileSync('package.json', join(dir, 'package.json'));
    copyFileSync('package-lock.json', join(dir, 'package-lock.json'));
    // A dry run from the lockfile alone: no network, an empty cache, nothing written outside the temp directory.
    const r = spawnSync(
      'npm',
      ['install', '--dry-run', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, npm_config_cache: join(dir, 'cache'), npm_config_update_notifier: 'false' },
        timeout: 60_000,
      },
    );
    expect(r.error).toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    const warnings = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^npm (warn|error)/i.test(l));
    expect(warnings).toEqual([]);
  });

  it('docx does not load nanoid at run time (it bundles it), so overriding its version is safe', () => {
    for (const file of ['index.mjs', 'index.cjs']) {
      const code = readFileSync(join('node_modules/docx/dist', file), 'utf8');
      expect(code, file).not.toMatch(/(from\s*|require\(\s*|import\(\s*)["']nanoid/);
    }
  });
});
