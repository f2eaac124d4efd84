// Opens every marker's tooltip and popup on the map page and the static report; prints what they hold as JSON.
//
//   node check_tooltips.mjs MAP_URL REPORT_FILE
//
// Driven by test_security_browser.py. No network beyond the local server.
import { chromium } from "playwright-core";

const [mapUrl, reportFile] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
});
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
const origin = new URL(mapUrl).origin;
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(origin) || url.startsWith("file:") || url.startsWith("data:")) return route.continue();
  return route.abort();
});
const out = {};
for (const [name, url] of [["map", mapUrl], ["report", `file://${reportFile}`]]) {
  const page = await context.newPage();
  const dialogs = [];
  page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(300);
  out[name] = await page.evaluate(async () => {
    const pause = () => new Promise((r) => setTimeout(r, 30));
    const markers = Array.from(document.querySelectorAll("#map path.leaflet-interactive"));
    const seen = { markers: markers.length, tooltips: [], tooltipElements: [], popupElements: [], popups: [] };
    for (const m of markers) {
      m.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      await pause();
      document.querySelectorAll(".leaflet-tooltip").forEach((t) => {
        seen.tooltips.push(t.textContent);
        t.querySelectorAll("*").forEach((e) => seen.tooltipElements.push(e.tagName.toLowerCase()));
      });
      m.dispatchEvent(new MouseEvent("mouseout", { bubbles: true }));
      m.dispatchEvent(new MouseEvent("click", { bubbles: true }));
      await pause();
      document.querySelectorAll(".leaflet-popup-content").forEach((p) => {
        seen.popups.push(p.textContent);
        p.querySelectorAll("img, svg, script, b, i, iframe, a[id], [onerror], [onload], [onmouseover]").forEach((e) => seen.popupElements.push(e.outerHTML));
      });
    }
    seen.injected = document.querySelectorAll("#injected-place, #map img[src='x']").length;
    seen.pwned = typeof window.__pwned === "undefined" ? null : String(window.__pwned);
    return seen;
  });
  out[name].dialogs = dialogs;
  await page.close();
}
await browser.close();
process.stdout.write(JSON.stringify(out) + "\n");
