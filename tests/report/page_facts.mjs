// Opens an HTML report in Debian's chromium (headless, driven by puppeteer-core)
// and writes what a reader would see as JSON, for the pytest checks beside it.
//
//   node tests/report/page_facts.mjs PAGE.html OUT.json [SCREENSHOT.png]
//
// The page's contract (src/io/html_report.cpp follows it; fixture.html shows it):
//   - it sets document.body.dataset.ready = "1" once every chart is drawn;
//   - each chart is a <figure class="chart" id="chart-KEY"> holding the ECharts
//     instance's element (class "canvas"), a <figcaption>, a <button class="toggle">
//     and the chart's numbers as <table class="data">, hidden until toggled;
//   - tables outside figures are <table class="data" id="table-KEY">;
//   - a cell's number, where the text is formatted, is in its data-value attribute.
//
// OUT.json: {
//   console_errors: [text], page_errors: [text], external_requests: [url] (blocked),
//   render_ms: navigation start to ready (ms),
//   charts: {KEY: {caption, instance, rendered, width, height,
//                  series: [{type, name, data_length, links_length, drawn_length}],
//                  table}},
//   tables: {KEY: {header: [text], rows: [[text]], values: [[data-value or null]]}},
//   toggles: {KEY: true when one click shows the table and a second hides it},
//   toggle_states: {KEY: [visible before, after one click, after two]}
// }
// Exits 0 when the page became ready (whatever it contains), 2 when it never did
// within 10 s (OUT.json is still written, with render_ms null), 1 when the
// browser could not start. Every request that is not file:, data:, blob: or
// about: is blocked and listed: the report must open with no network.
// Environment: SIXLINK_CHROMIUM (default /usr/bin/chromium),
// SIXLINK_READY_TIMEOUT_MS (default 10000).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

import puppeteer from 'puppeteer-core';

const kChromium = process.env.SIXLINK_CHROMIUM || '/usr/bin/chromium';
// The wait for ready; SIXLINK_READY_TIMEOUT_MS shortens it for a page meant to fail.
const kReadyTimeoutMs = Number(process.env.SIXLINK_READY_TIMEOUT_MS) || 10000;
const kViewport = {width: 1440, height: 900};

// Checked with Debian 12's chromium 156 (puppeteer adds --headless): running as
// root needs --no-sandbox; the rest keep a headless run off the network and quiet.
const kArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--hide-scrollbars', '--font-render-hinting=none',
];

// Runs before any script of the page: notes when the page declares itself ready,
// so render_ms does not depend on how often the harness polls.
function watchReady() {
  const note = () => {
    if (window.__sixlinkReadyAt === undefined && document.body &&
        document.body.dataset.ready === '1') {
      window.__sixlinkReadyAt = performance.now();
    }
  };
  new MutationObserver(note).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'],
  });
}

// Runs in the page: charts, their tables and the tables outside figures.
function collectFacts() {
  const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
  const tableFacts = (table) => {
    if (!table) return null;
    const headRows = table.tHead ? [...table.tHead.rows] : [];
    const bodyRows = [...table.querySelectorAll(':scope > tbody > tr, :scope > tr')];
    const last = headRows.length ? headRows[headRows.length - 1] : null;
    return {
      header: last ? [...last.cells].map(text) : [],
      rows: bodyRows.map((tr) => [...tr.cells].map(text)),
      values: bodyRows.map((tr) => [...tr.cells].map((c) => c.getAttribute('data-value'))),
    };
  };
  // data_length and links_length count the option's arrays (nodes/edges are
  // ECharts' other names for a sankey's data/links); drawn_length is the number
  // of items in the series' data as ECharts holds it after setOption (so a
  // series fed from a dataset counts too).
  const seriesFacts = (chart) => (s, index) => {
    const data = s.data ?? s.nodes ?? [];
    const links = s.links ?? s.edges;
    let drawn = null;
    try {
      drawn = chart.getModel().getSeriesByIndex(index).getData().count();
    } catch {
      // Not every ECharts build exposes the model: leave drawn_length null.
    }
    return {
      type: s.type ?? null,
      name: s.name ?? null,
      data_length: Array.isArray(data) ? data.length : 0,
      links_length: Array.isArray(links) ? links.length : null,
      drawn_length: drawn,
    };
  };
  const charts = {};
  document.querySelectorAll('figure.chart').forEach((figure, i) => {
    const key = figure.id.startsWith('chart-') ? figure.id.slice(6) : `#${i}`;
    const canvas = figure.querySelector('.canvas');
    const chart = canvas && window.echarts ? window.echarts.getInstanceByDom(canvas) : null;
    const option = chart ? chart.getOption() : null;
    const drawn = canvas ? canvas.querySelector('svg, canvas') : null;
    const box = drawn ? drawn.getBoundingClientRect() : null;
    charts[key] = {
      caption: text(figure.querySelector('figcaption')),
      instance: Boolean(chart),
      rendered: Boolean(box && box.width > 0 && box.height > 0),
      width: chart ? chart.getWidth() : 0,
      height: chart ? chart.getHeight() : 0,
      series: option ? (option.series || []).map(seriesFacts(chart)) : [],
      table: tableFacts(figure.querySelector('table.data')),
    };
  });
  const tables = {};
  document.querySelectorAll('table.data').forEach((table, i) => {
    if (table.closest('figure.chart')) return;
    const key = table.id.startsWith('table-') ? table.id.slice(6) : `#${i}`;
    tables[key] = tableFacts(table);
  });
  return {charts, tables};
}

// Visible: rendered with a box (no hidden attribute or display:none on it or above).
function tableVisible(figureId) {
  const table = document.getElementById(figureId)?.querySelector('table.data');
  return Boolean(table && !table.closest('[hidden]') && table.offsetParent !== null &&
                 table.getClientRects().length > 0);
}

async function nextFrame(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
}

async function clickToggles(page, keys) {
  const toggles = {};
  const states = {};
  for (const key of keys) {
    const id = key.startsWith('#') ? null : `chart-${key}`;
    const button = id ? await page.$(`[id="${id}"] button.toggle`) : null;
    if (!button) {
      toggles[key] = false;
      states[key] = null;
      continue;
    }
    const seen = [await page.evaluate(tableVisible, id)];
    for (let click = 0; click < 2; ++click) {
      await button.click();
      await nextFrame(page);
      seen.push(await page.evaluate(tableVisible, id));
    }
    toggles[key] = seen[0] === false && seen[1] === true && seen[2] === false;
    states[key] = seen;
  }
  return {toggles, states};
}

async function main() {
  const [pageArg, outArg, shotArg] = process.argv.slice(2);
  if (!pageArg || !outArg) {
    console.error('usage: node page_facts.mjs PAGE.html OUT.json [SCREENSHOT.png]');
    return 1;
  }
  const pagePath = path.resolve(pageArg);
  if (!fs.existsSync(pagePath)) {
    console.error(`page_facts: no such page: ${pagePath}`);
    return 1;
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sixlink-chromium-'));
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: kChromium, headless: true, userDataDir: profile, args: kArgs,
      defaultViewport: kViewport, timeout: 60000,
    });
  } catch (error) {
    console.error(`page_facts: chromium (${kChromium}) did not start: ${error.message}`);
    fs.rmSync(profile, {recursive: true, force: true});
    return 1;
  }
  const facts = {console_errors: [], page_errors: [], external_requests: [], render_ms: null};
  let status = 0;
  try {
    const page = await browser.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') facts.console_errors.push(msg.text());
    });
    page.on('pageerror', (error) => facts.page_errors.push(String(error.message ?? error)));
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (/^(file|data|blob|about):/.test(url)) {
        request.continue();
      } else {
        facts.external_requests.push(url);
        request.abort();
      }
    });
    await page.evaluateOnNewDocument(watchReady);
    await page.goto(pathToFileURL(pagePath).href, {waitUntil: 'load', timeout: 60000});
    try {
      await page.waitForFunction(() => document.body && document.body.dataset.ready === '1',
                                 {timeout: kReadyTimeoutMs, polling: 50});
    } catch {
      const why = facts.page_errors.concat(facts.console_errors).join(' | ') || 'no error seen';
      console.error(`page_facts: ${pagePath} did not set document.body.dataset.ready = "1" ` +
                    `within ${kReadyTimeoutMs / 1000} s (${why})`);
      status = 2;
    }
    if (status === 0) {
      facts.render_ms = await page.evaluate(() => window.__sixlinkReadyAt ?? performance.now());
      Object.assign(facts, await page.evaluate(collectFacts));
      if (shotArg) await page.screenshot({path: path.resolve(shotArg), fullPage: true});
      const {toggles, states} = await clickToggles(page, Object.keys(facts.charts));
      facts.toggles = toggles;
      facts.toggle_states = states;
    }
  } finally {
    await browser.close();
    fs.rmSync(profile, {recursive: true, force: true});
  }
  fs.writeFileSync(path.resolve(outArg), JSON.stringify(facts, null, 1) + '\n');
  return status;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`page_facts: ${error.stack ?? error}`);
  process.exit(1);
});
