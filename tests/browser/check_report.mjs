// Opens a cbec report in headless Chromium (Debian's chromium, driven by playwright-core) and
// fails unless the page loads without console errors, every figure is drawn as SVG, and the
// tables are present. Saves a full-page screenshot as a test artifact.
// Usage: node check_report.mjs <index.html> <screenshot.png>
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [page_path, screenshot] = process.argv.slice(2);
const require = createRequire(process.env.CBEC_WEB_DIR + '/package.json');
const { chromium } = require('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CBEC_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const problems = [];
page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`); });
await page.goto(pathToFileURL(page_path).href);
const figures = await page.locator('div.cbec-vega').count();
if (figures === 0) problems.push('no figures in the page');
try {
  await page.waitForFunction(() => [...document.querySelectorAll('div.cbec-vega')].every((d) => d.getAttribute('data-rendered') === '1'), null, { timeout: 30000 });
} catch {
  problems.push('not every figure was drawn within 30 s');
}
const svgs = await page.locator('div.cbec-vega svg').count();
if (svgs !== figures) problems.push(`${figures} figures but ${svgs} SVG drawings`);
const tables = await page.locator('table.cbec-table').count();
if (tables < 5) problems.push(`only ${tables} tables`);
await page.screenshot({ path: screenshot, fullPage: true });
await browser.close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`report OK: ${figures} figures drawn, ${tables} tables; screenshot ${screenshot}`);
