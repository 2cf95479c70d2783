#!/usr/bin/env node
// Pre-flight for `npm run test:e2e`: make sure there is a Chromium for Playwright to drive.
// Looks where playwright.config.ts looks (scripts/chromium-path.mjs); installs one only if none is found:
// Debian's `chromium` via apt-get when root, else Playwright's own build. Prints the chosen path.
// `--no-install` only checks (exit 1 when none is found).
import { spawnSync } from 'node:child_process';
import { CHROMIUM_ENV_VARS, chromiumCandidates, isExecutable, locateChromium } from './chromium-path.mjs';

const noInstall = process.argv.includes('--no-install');

function run(cmd, args, env = process.env) {
  console.log(`ensure-chromium: $ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.error) console.error(`ensure-chromium: could not run ${cmd}: ${r.error.message}`);
  return r.status === 0;
}

function report(found) {
  console.log(`ensure-chromium: using ${found.path} (${found.source})`);
  process.exit(0);
}

for (const name of CHROMIUM_ENV_VARS) {
  const value = process.env[name];
  if (value && !isExecutable(value)) {
    console.warn(`ensure-chromium: $${name}=${value} is not an executable file; ignoring it`);
  }
}

let found = locateChromium();
if (found) report(found);

const looked = chromiumCandidates()
  .map((c) => `  ${c.path} (${c.source})`)
  .join('\n');
console.log(`ensure-chromium: no Chromium found. Looked in:\n${looked}`);

if (!noInstall) {
  const isRoot = process.getuid?.() === 0;
  const aptGet = ['/usr/bin/apt-get', '/bin/apt-get'].find(isExecutable);
  if (isRoot && aptGet) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run(aptGet, ['update'], env) && run(aptGet, ['install', '-y', 'chromium'], env)) {
      found = locateChromium();
      if (found) report(found);
    }
    console.warn('ensure-chromium: apt-get did not provide a Chromium; trying Playwright’s own build');
  }
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  if (run(npx, ['playwright', 'install', 'chromium'])) {
    found = locateChromium();
    if (found) report(found);
  }
}

console.error(
  [
    'ensure-chromium: no Chromium to run the end-to-end tests with. Install one of:',
    '  - Debian/Ubuntu:  sudo apt-get install chromium   (Ubuntu may name it chromium-browser)',
    '  - Playwright’s:   npx playwright install chromium',
    '  - or point CHROMIUM_PATH at an existing Chromium/Chrome executable, e.g.',
    '      CHROMIUM_PATH=/opt/google/chrome/chrome npm run test:e2e',
  ].join('\n'),
);
process.exit(1);
