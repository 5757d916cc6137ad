// Renders every Vega-Lite specification (*.vl.json) in a folder to SVG with Vega's headless
// renderer, and to PNG through headless Chromium when it is installed (CBEC_CHROMIUM or
// /usr/bin/chromium). Called by `cbec run` after it writes a report; works offline.
// Usage: node render_figures.mjs <folder>
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node render_figures.mjs <folder with *.vl.json>');
  process.exit(2);
}
const svgs = [];
for (const file of readdirSync(folder).filter((f) => f.endsWith('.vl.json')).sort()) {
  const spec = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const out = join(folder, file.replace(/\.vl\.json$/, '.svg'));
  writeFileSync(out, svg);
  svgs.push(out);
}

const chromium = process.env.CBEC_CHROMIUM || '/usr/bin/chromium';
if (svgs.length && existsSync(chromium)) {
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  const page = await browser.newPage({ deviceScaleFactor: 2 });
  for (const svg of svgs) {
    await page.setContent(`<html><body style="margin:0;background:#fff">${readFileSync(svg, 'utf8')}</body></html>`);
    await page.locator('svg').first().screenshot({ path: svg.replace(/\.svg$/, '.png') });
  }
  await browser.close();
} else if (svgs.length) {
  console.error(`PNG figures skipped: no Chromium at ${chromium} (SVG files written)`);
}
console.log(`${svgs.length} figure(s) rendered in ${folder}`);
