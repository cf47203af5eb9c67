import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/formats/html.js';
import { sampleConversationReport, sampleReport } from './sample-report.js';

/**
 * The HTML report opened in a real browser: the charts must draw, the numbers must read, and the
 * page must not reach for the network. Screenshots are left in /tmp for a person to look at.
 */

// The same binary scripts/ensure-chromium.mjs installs before `npm test`.
const CHROMIUM = process.env.SUPPORTLINT_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOT = '/tmp/report-screenshot.png';
const PRINT_SCREENSHOT = '/tmp/report-print.png';
const PRINT_PDF = '/tmp/report-print.pdf';
const CONVERSATIONS_SCREENSHOT = '/tmp/report-conversations-screenshot.png';

let launched: Promise<Browser> | undefined;
const folder = mkdtempSync(path.join(os.tmpdir(), 'supportlint-report-'));

/**
 * The browser, launched on first use. Without Chromium every test here fails with the fix in its
 * message; skipping would let a machine without a browser pass without ever opening the report.
 */
function browser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}, and the browser test of the HTML report needs it. Install it with: apt-get install -y chromium`);
  }
  launched ??= chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return launched;
}

afterAll(async () => {
  // A launch that failed has been reported by the test that started it.
  const running = await launched?.catch(() => undefined);
  await running?.close();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * Opens a report with every request that is not the file itself refused, and records what was
 * tried. Both the router and the request log are checked, so a request that the router never saw
 * would still show up.
 */
async function openReport(html: string, name: string, viewport = { width: 1366, height: 900 }) {
  const file = path.join(folder, `${name}.html`);
  writeFileSync(file, html);
  const page = await (await browser()).newPage({ viewport });
  const blocked: string[] = [];
  const requested: string[] = [];
  await page.route('**', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, blocked, requested };
}

async function boxOf(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return box;
}

describe('html report in a browser', () => {
  it('draws every chart, shows the key numbers and fetches nothing', async () => {
    const { page, blocked, requested } = await openReport(renderHtml(sampleReport()), 'weekly');
    try {
      const charts = page.locator('figure.chart svg');
      await expect.poll(() => charts.count()).toBe(5);
      for (let index = 0; index < 5; index++) {
        const box = await charts.nth(index).boundingBox();
        expect(box, `chart ${index}`).not.toBeNull();
        expect(box!.width).toBeGreaterThan(300);
        expect(box!.height).toBeGreaterThan(100);
      }

      // Data labels drawn inside the charts, visible and with a size.
      for (const [chart, label] of [
        ['trend', '83.6'],
        ['ranking', '72.4（38 会话）'],
        ['rules', '90 分 · 9 次'],
        ['categories', '84.8'],
        ['first-response', '6分50秒'],
      ]) {
        const text = page.locator(`#chart-${chart} svg text`).filter({ hasText: label }).first();
        await expect.poll(() => text.isVisible(), { message: `${label} in ${chart}` }).toBe(true);
        const box = await text.boundingBox();
        expect(box!.width).toBeGreaterThan(0);
        expect(box!.height).toBeGreaterThan(0);
      }

      const body = await page.locator('body').innerText();
      expect(body).toContain('客服质检报告');
      expect(body).toContain('83.6');
      expect(body).toContain('小林');
      expect(body).toContain('1分35秒');
      expect(body).toContain('▼ 5.7');
      // The customer's markup is shown as text, and nothing ran.
      expect(body).toContain('<script>alert("xss")</script>');
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.evaluate(() => document.title)).toBe('客服质检报告 · 2026-W46');

      // A laptop screen shows the page without sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      const worse = await page.locator('#groups .delta.worse').first().evaluate((element) => getComputedStyle(element).color);
      const better = await page.locator('#groups .delta.better').first().evaluate((element) => getComputedStyle(element).color);
      expect(worse).not.toBe(better);

      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // Printed: the colours stay, the charts still draw, and a PDF comes out.
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).printColorAdjust)).toBe('exact');
      expect((await boxOf(page, '#chart-trend svg')).height).toBeGreaterThan(100);
      await page.screenshot({ path: PRINT_SCREENSHOT, fullPage: true });
      const pdf = await page.pdf({ path: PRINT_PDF, printBackground: true, preferCSSPageSize: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      expect(blocked).toEqual([]);
      expect(requested.filter((url) => !url.startsWith('file:'))).toEqual([]);
      // The router was live: it saw the report itself.
      expect(requested.some((url) => url.startsWith('file:'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('shows a coaching card per agent with the category to coach, and never the bot-only group', async () => {
    const data = sampleReport();
    data.groups.find((g) => g.key === '小林')!.metrics.mostFailed = 'ownership';
    data.bots = { key: '(未分配)', metrics: { ...data.groups[0]!.metrics, conversations: 4 }, trend: [] };
    const { page } = await openReport(renderHtml(data), 'coaching');
    try {
      const cards = page.locator('#coaching article.coach');
      await expect.poll(() => cards.count()).toBe(data.groups.length);
      const first = cards.first();
      expect(await first.locator('h3').innerText()).toContain('小林');
      expect(await first.locator('.focus').innerText()).toContain('担当');
      expect(await first.isVisible()).toBe(true);
      expect(await page.locator('#coaching article.coach h3', { hasText: '(未分配)' }).count()).toBe(0);
      expect(await page.locator('#coaching .bots').innerText()).toContain('4 个会话没有人工回复');
    } finally {
      await page.close();
    }
  });

  it('shows the per-conversation table with --by conversation', async () => {
    const { page, blocked, requested } = await openReport(renderHtml(sampleConversationReport()), 'conversations');
    try {
      const rows = page.locator('#conversations tbody tr');
      await expect.poll(() => rows.count()).toBe(4);
      expect(await rows.first().innerText()).toContain('qy-20261114-0005');
      expect(await rows.first().innerText()).toContain('一票否决');
      const label = page.locator('#chart-score-distribution svg text').filter({ hasText: '<60' }).first();
      await expect.poll(() => label.isVisible()).toBe(true);
      await page.screenshot({ path: CONVERSATIONS_SCREENSHOT, fullPage: true });
      expect(blocked).toEqual([]);
      expect(requested.filter((url) => !url.startsWith('file:'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
