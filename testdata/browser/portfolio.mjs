// The portfolio page in a real browser: the system's Chromium, headless, driven by
// puppeteer-core (no browser download).
//
//   node portfolio.mjs CHROMIUM INDEX.HTML SCREENSHOT-DIR
//
// Opens INDEX.HTML, then prints one line of JSON for the Go test to judge
// (cmd/dgcheck/portfolio_browser_test.go):
//   consoleErrors  console errors and uncaught exceptions (a CSP violation is one);
//   requests       every request but the page's own file (the page must fetch nothing);
//   sort           the requirement table's dataset counts after one and two clicks on
//                  their heading;
//   filter         the dataset table's visible rows before and after typing a filter;
//   layout         per viewport width (1280, 390), the page's scroll width and the elements
//                  wider than the viewport, reaching past its edges, or holding what runs
//                  out of them.
// Screenshots of the whole page at each width go to SCREENSHOT-DIR.
import puppeteer from 'puppeteer-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [chromium, index, shots] = process.argv.slice(2);
if (!chromium || !index || !shots) {
  console.error('usage: node portfolio.mjs CHROMIUM INDEX.HTML SCREENSHOT-DIR');
  process.exit(2);
}
const pageURL = pathToFileURL(path.resolve(index)).href;
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--metrics-recording-only', '--no-default-browser-check'],
});
const result = { consoleErrors: [], requests: [], sort: {}, filter: {}, layout: {} };
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') result.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => result.consoleErrors.push(String(e)));
  page.on('request', (r) => { if (r.url() !== pageURL) result.requests.push(r.url()); });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(pageURL, { waitUntil: 'load' });

  // Sort the requirements by the datasets failing each: ascending, then descending.
  const counts = () => page.$$eval('#requirement-table tbody tr', (rows) =>
    rows.map((r) => Number(r.cells[4].getAttribute('data-sort'))));
  result.sort.before = await counts();
  await page.click('#requirement-table thead th:nth-child(5)');
  result.sort.ascending = await counts();
  await page.click('#requirement-table thead th:nth-child(5)');
  result.sort.descending = await counts();

  // Filter the datasets by a bureau's folder.
  const visible = () => page.$$eval('#portfolio tbody tr', (rows) => rows.filter((r) => !r.hidden).length);
  result.filter.before = await visible();
  result.filter.query = 'bureau-03/';
  await page.type('input[data-filter=portfolio]', result.filter.query);
  result.filter.after = await visible();
  result.filter.expected = await page.$$eval('#portfolio tbody tr', (rows, q) =>
    rows.filter((r) => r.textContent.toLowerCase().includes(q)).length, result.filter.query);
  await page.$eval('input[data-filter=portfolio]', (i) => { i.value = ''; i.dispatchEvent(new Event('input')); });

  for (const width of [1280, 390]) {
    await page.setViewport({ width, height: 900 });
    result.layout[width] = await page.evaluate(() => {
      const vw = document.documentElement.clientWidth;
      const wide = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not rendered (closed details, hidden rows)
        const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + el.className : ''}`;
        if (r.right > vw + 0.5 || r.left < -0.5) {
          wide.push(`${name}: ${Math.round(r.left)}-${Math.round(r.right)} of ${vw}`);
        } else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'visible') {
          // Its box fits, but what it holds runs out of it (a long word that does not wrap).
          wide.push(`${name}: holds ${el.scrollWidth} px in ${el.clientWidth}`);
        }
      }
      return { viewport: vw, scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 20) };
    });
    await page.screenshot({ path: path.join(shots, `portfolio-${width}.png`), fullPage: true });
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
