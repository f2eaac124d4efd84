// Loads the desk's pages in headless Chromium and prints what it saw as one JSON object.
//
//   node check_pages.mjs BASE_URL HOSTILE_ARTICLE_ID [SCREENSHOT_DIR] [REPORT_FILE] [SIDED_ARTICLE_ID] [PLACE]
//
// Driven by test_browser.py, which asserts on the JSON. Each page records:
// console errors, dialogs (alert/confirm), whether window.__pwned got set by a
// hostile payload, and counts of the elements that show the page worked.
import { chromium } from "playwright-core";

const [base, hostileId, shots, reportFile, sidedId, place] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
});
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
// No internet here: refuse anything that is not our own server (OSM tile probe included).
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(base) || url.startsWith("file:") || url.startsWith("data:")) return route.continue();
  return route.abort();
});
const out = { pages: {} };

async function visit(name, url, measure) {
  const page = await context.newPage();
  // errors: uncaught exceptions; console: other console errors (e.g. the refused tile probe); csp: CSP reports
  const seen = { errors: [], console: [], dialogs: [], csp: [] };
  page.on("pageerror", (e) => seen.errors.push(String(e.message || e)));
  page.on("console", (m) => {
    if (m.type() === "error") {
      const text = m.text();
      (text.includes("Content Security Policy") ? seen.csp : seen.console).push(text);
    }
  });
  page.on("dialog", async (d) => { seen.dialogs.push(d.message()); await d.dismiss(); });
  const resp = await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(400);
  const result = { status: resp ? resp.status() : null, ...seen };
  result.pwned = await page.evaluate(() => (typeof window.__pwned === "undefined" ? null : String(window.__pwned)));
  result.deskReady = await page.evaluate(() => document.documentElement.getAttribute("data-desk-ready"));
  Object.assign(result, await page.evaluate(measure));
  if (name === "timeline") Object.assign(result, await pageTimeline(page));
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: name !== "map" });
  // Click around: open a marker popup and hover a highlight, to run the event handlers too.
  if (name === "map" || name === "desk" || name === "report") {
    const marker = await page.$("path.leaflet-interactive.event-marker, path.leaflet-interactive");
    if (marker) {
      await marker.click({ force: true }).catch(() => {});
      await page.waitForTimeout(200);
      result.popupText = await page.evaluate(() => {
        const p = document.querySelector(".leaflet-popup-content");
        return p ? p.textContent : null;
      });
      result.pwned = result.pwned || (await page.evaluate(() => (typeof window.__pwned === "undefined" ? null : String(window.__pwned))));
      if (shots && name === "map") await page.screenshot({ path: `${shots}/map-popup.png` });
    }
  }
  out.pages[name] = result;
  await page.close();
}

const mapMeasure = () => ({
  markers: document.querySelectorAll("#map .leaflet-marker-icon, #map path.leaflet-interactive").length,
  eventMarkers: document.querySelectorAll("#map path.event-marker").length,
  outlinePaths: document.querySelectorAll("#map .leaflet-overlay-pane path:not(.leaflet-interactive)").length,
});
const timelineMeasure = () => ({
  svgElements: document.querySelectorAll("#timeline svg *").length,
  bars: document.querySelectorAll("#timeline svg rect.bar").length,
});
const ledgerMeasure = () => ({
  rows: document.querySelectorAll("tr.ledger-row").length,
  contradicts: document.querySelectorAll("tr.ledger-row[data-status='contradicts']").length,
  statuses: Array.from(document.querySelectorAll("tr.ledger-row")).map((r) => r.dataset.status),
  claimsInContradiction: Array.from(document.querySelectorAll("tr.ledger-row[data-status='contradicts'] .claim .value")).map((v) => v.textContent.trim()),
  disputes: Array.from(document.querySelectorAll("tr.dispute-row")).map((r) => ({
    status: r.dataset.status, articles: r.dataset.articles.split(" "), statements: r.querySelectorAll(".claim.statement").length })),
  unverified: document.querySelectorAll(".badge.unverified").length,
  disputed: document.querySelectorAll(".badge.disputed").length,
  relationNotes: document.querySelectorAll("ul.rels .rel-note").length,
});

// Zoom the timeline to 30 days and page earlier: the window and the bars change.
async function pageTimeline(page) {
  const before = await page.textContent(".tl-window").catch(() => null);
  await page.click("button.tl-zoom-30");
  const zoomed = await page.textContent(".tl-window");
  await page.click("button.tl-earlier");
  const earlier = await page.textContent(".tl-window");
  if (shots) await page.screenshot({ path: `${shots}/timeline-30-days.png`, fullPage: true });
  await page.click("button.tl-all");
  return { windowAll: before, windowZoomed: zoomed, windowEarlier: earlier,
           barsAfterAll: await page.evaluate(() => document.querySelectorAll("#timeline svg rect.bar").length),
           colours: await page.evaluate(() => Array.from(document.querySelectorAll(".timeline-legend .swatch")).map((s) => s.style.background)) };
}

await visit("desk", `${base}/`, () => ({
  markers: document.querySelectorAll("#map path.leaflet-interactive").length,
  svgElements: document.querySelectorAll("#timeline svg *").length,
  rows: document.querySelectorAll("tr.ledger-row").length,
  latest: Array.from(document.querySelectorAll(".article-list li .muted")).map((d) => d.textContent.trim()),
  unverified: document.querySelectorAll(".badge.unverified").length,
  disputed: document.querySelectorAll(".badge.disputed").length,
}));
await visit("map", `${base}/map`, mapMeasure);
if (place) {
  await visit("map-place", `${base}/map?place=${encodeURIComponent(place)}`, () => ({
    stacks: Array.from(document.querySelectorAll("#map .event-stack")).map((m) => Number(m.textContent)),
    singles: document.querySelectorAll("#map path.event-marker").length,
    note: document.getElementById("map-note").textContent,
  }));
}
await visit("docs", `${base}/docs`, () => ({
  operations: document.querySelectorAll(".swagger-ui .opblock").length,
  title: document.querySelector(".swagger-ui .title") ? document.querySelector(".swagger-ui .title").textContent : null,
}));
await visit("feeds", `${base}/feeds`, () => ({ text: document.querySelector("main").textContent }));
await visit("timeline", `${base}/timeline`, timelineMeasure);
await visit("ledger", `${base}/ledger`, ledgerMeasure);
await visit("articles", `${base}/articles`, () => ({
  links: document.querySelectorAll("table.records a").length,
  published: Array.from(document.querySelectorAll("table.records tbody tr td:first-child")).map((td) => td.textContent.trim()),
  unverified: document.querySelectorAll(".badge.unverified").length,
  injectedImgs: document.querySelectorAll("main img").length,
  injectedScripts: Array.from(document.scripts).filter((s) => !s.src && s.type !== "application/json").length,
}));
if (hostileId) {
  await visit("hostile", `${base}/articles/${hostileId}`, () => ({
    title: document.querySelector(".article-title") ? document.querySelector(".article-title").textContent : null,
    highlights: document.querySelectorAll(".article-text a.hl").length,
    injectedImgs: document.querySelectorAll("main img, main svg").length,
    injectedScripts: Array.from(document.scripts).filter((s) => !s.src && s.type !== "application/json").length,
    javascriptLinks: Array.from(document.querySelectorAll("a[href]")).filter((a) => a.getAttribute("href").trim().toLowerCase().startsWith("javascript")).length,
  }));
}
if (sidedId) {
  await visit("article", `${base}/articles/${sidedId}`, () => ({
    sideChips: Array.from(document.querySelectorAll(".legend .side-chip")).map((c) => [c.textContent, getComputedStyle(c).backgroundColor]),
    sidedHighlights: Array.from(document.querySelectorAll(".article-text a.hl.sided")).map((a) => getComputedStyle(a).boxShadow),
    unverified: document.querySelectorAll(".badge.unverified").length,
    relationNotes: Array.from(document.querySelectorAll("ul.rels li")).map((li) => li.textContent.replace(/\s+/g, " ").trim()),
    warnings: Array.from(document.querySelectorAll("ul.warnings li")).map((li) => li.textContent),
    warningCommands: Array.from(document.querySelectorAll("ul.warnings li code")).map((c) => c.textContent),
  }));
}
if (reportFile) {
  await visit("report", `file://${reportFile}`, () => ({
    markers: document.querySelectorAll("#map path.leaflet-interactive").length,
    svgElements: document.querySelectorAll("#timeline svg *").length,
    rows: document.querySelectorAll("tr.ledger-row").length,
    contradicts: document.querySelectorAll("tr.ledger-row[data-status='contradicts']").length,
    disputes: document.querySelectorAll("tr.dispute-row").length,
    unverified: document.querySelectorAll(".badge.unverified").length,
  }));
}

await browser.close();
process.stdout.write(JSON.stringify(out) + "\n");
