// The HTML report's browser test (test/report/html-browser.test.ts) drives Debian's Chromium
// through playwright-core; playwright's own browser download cannot be used where only the npm
// registry and Debian's packages are reachable. `npm test` runs this first: it installs Debian's
// chromium package when it is missing and this user may, and otherwise says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.SUPPORTLINT_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!root || !hasApt) {
    console.error(
      `supportlint tests: ${CHROMIUM} is missing, and the HTML report's browser test needs it.\n` +
        'Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`), or point SUPPORTLINT_CHROMIUM at a Chromium binary.',
    );
    process.exit(1);
  }
  console.log('supportlint tests: installing Debian chromium for the HTML report browser test…');
  const apt = (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  } catch {
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', 'chromium']);
  }
}
