/* unfog desk: draws the map and the timeline from the JSON block #desk-data.
 *
 * Shared by the served pages and the static report. Data is written into the
 * page only through textContent and DOM attributes, never innerHTML, so text
 * from articles cannot become markup. Leaflet renders a string given to
 * bindTooltip/bindPopup as HTML: they are always given DOM elements.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var ID_RE = /^[a-z]{2,8}_[0-9a-f]{8,40}$/;
  var EVENT_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Strategic developments": "#2471a3",
    "Protests": "#17a589",
    "Riots": "#b7950b"
  };
  // 20 colours far enough apart to tell the series of one chart apart (Tableau 20, reordered so that
  // the first ones are unlike the fixed event-type colours above).
  var PALETTE = ["#8c564b", "#e377c2", "#7f7f7f", "#393b79", "#9edae5", "#637939", "#843c39", "#aec7e8", "#ffbb78", "#98df8a",
                 "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#bcbd22", "#17becf", "#9467bd", "#2ca02c", "#1f77b4", "#ff7f0e"];

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }

  function readData() {
    var block = document.getElementById("desk-data");
    if (!block) return null;
    try { return JSON.parse(block.textContent); } catch (e) { return null; }
  }

  function colourFor(type, known, index) {
    return known[type] || PALETTE[index % PALETTE.length];
  }

  function articleLinks(ids, linksOn) {
    var box = el("div", "popup-links");
    (ids || []).forEach(function (id) {
      if (!ID_RE.test(String(id))) return;
      if (linksOn) {
        var a = el("a", null, "article " + id.slice(4, 10));
        a.setAttribute("href", "/articles/" + id);
        box.appendChild(a);
      } else {
        box.appendChild(el("span", "muted", "article " + id));
      }
      box.appendChild(document.createTextNode(" "));
    });
    return box;
  }

  function eventPopup(e, linksOn) {
    var box = el("div", "popup");
    box.appendChild(el("div", "popup-type", e.event_type || "event"));
    if (e.sub_event_type) box.appendChild(el("div", "muted", e.sub_event_type));
    var when = (e.date || "no date") + (e.date_end && e.date_end !== e.date ? " – " + e.date_end : "");
    box.appendChild(el("div", null, when + " · " + (e.place || "no place")));
    if (e.actor1 || e.actor2) box.appendChild(el("div", null, (e.actor1 || "?") + " → " + (e.actor2 || "?")));
    if (e.fatalities !== null && e.fatalities !== undefined) box.appendChild(el("div", null, e.fatalities + " reported killed"));
    if (e.text) box.appendChild(el("blockquote", null, e.text.length > 280 ? e.text.slice(0, 280) + "…" : e.text));
    box.appendChild(articleLinks(e.article_ids, linksOn));
    return box;
  }

  function placePopup(p, linksOn) {
    var box = el("div", "popup");
    box.appendChild(el("div", "popup-type", p.canonical || p.name));
    box.appendChild(el("div", "muted", (p.kind || p.feature_code || "place") + " · mentioned " + p.mentions + "×"));
    box.appendChild(articleLinks(p.article_ids, linksOn));
    return box;
  }

  function drawMap(node, data) {
    if (typeof L === "undefined") { node.textContent = "The map library did not load."; return; }
    var map = L.map(node, { zoomControl: true, attributionControl: true, preferCanvas: false, zoomSnap: 0.25 });
    var outline = L.geoJSON(data.outline, {
      style: function () { return { color: "#7f8c8d", weight: 1.2, fillColor: "#eef1f3", fillOpacity: 0.9 }; },
      interactive: false
    }).addTo(map);
    if (data.tiles) addTilesWhenReachable(map);

    var linksOn = data.links !== false;
    var types = {};
    var eventLayer = L.layerGroup();
    var placeLayer = L.layerGroup();
    var bounds = [];
    (data.map.places || []).forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], {
        radius: Math.min(4 + Math.sqrt(p.mentions || 1) * 2, 14), color: "#34495e", weight: 1,
        fillColor: "#95a5a6", fillOpacity: 0.55, className: "place-marker"
      });
      m.bindPopup(placePopup(p, linksOn));
      m.bindTooltip(el("span", null, p.canonical || p.name));  // a text node: a name is never markup
      placeLayer.addLayer(m);
      bounds.push([p.lat, p.lon]);
    });
    var i = 0;
    var byId = {};
    (data.map.events || []).forEach(function (e) {
      byId[e.id] = e;
      var t = e.event_type || "event";
      if (!(t in types)) types[t] = colourFor(t, EVENT_COLOURS, i++);
    });
    // Events sharing a point are one marker with their count (a popup lists them all).
    var stacks = data.map.stacks || (data.map.events || []).map(function (e) { return { lat: e.lat, lon: e.lon, count: 1, events: [e.id] }; });
    stacks.forEach(function (st) {
      var evs = st.events.map(function (id) { return byId[id]; }).filter(Boolean);
      if (!evs.length) return;
      var m;
      if (evs.length === 1) {
        var e = evs[0];
        var t = e.event_type || "event";
        m = L.circleMarker([e.lat, e.lon], {
          radius: 7 + Math.min(Math.sqrt(e.fatalities || 0), 10), color: "#1b2631", weight: 1,
          fillColor: types[t], fillOpacity: 0.85, className: "event-marker"
        });
        m.bindPopup(eventPopup(e, linksOn));
        m.bindTooltip(el("span", null, t + (e.date ? " · " + e.date : "")));
      } else {
        var label = el("span", null, String(evs.length));
        m = L.marker([st.lat, st.lon], {
          icon: L.divIcon({ html: label, className: "stack-icon event-marker event-stack", iconSize: [30, 30] }),
          title: evs.length + " events at " + (st.place || "this point")
        });
        var list = el("div", "popup-list");
        list.appendChild(el("div", "popup-type", evs.length + " events at " + (st.place || "this point")));
        evs.forEach(function (e) { list.appendChild(eventPopup(e, linksOn)); });
        m.bindPopup(list, { maxWidth: 320 });
      }
      eventLayer.addLayer(m);
      bounds.push([st.lat, st.lon]);
    });
    placeLayer.addTo(map);
    eventLayer.addTo(map);
    L.control.layers(null, { "Events": eventLayer, "Places mentioned": placeLayer, "Outline": outline }, { collapsed: true }).addTo(map);

    // Fit to the points near the outlined countries; a few far-off places (capitals
    // abroad quoted in the text) would otherwise zoom the map out to the world.
    var area = outline.getBounds().pad(0.25);
    var near = bounds.filter(function (b) { return area.contains(L.latLng(b[0], b[1])); });
    if (near.length) map.fitBounds(L.latLngBounds(near).pad(0.4), { maxZoom: 7 });
    else if (bounds.length) map.fitBounds(L.latLngBounds(bounds).pad(0.3), { maxZoom: 7 });
    else map.fitBounds(outline.getBounds());

    var legend = L.control({ position: "bottomleft" });
    legend.onAdd = function () {
      var box = el("div", "map-legend");
      Object.keys(types).forEach(function (t) {
        var row = el("div");
        var sw = el("span", "swatch");
        sw.style.background = types[t];
        row.appendChild(sw);
        row.appendChild(document.createTextNode(t));
        box.appendChild(row);
      });
      var prow = el("div");
      var psw = el("span", "swatch swatch-place");
      prow.appendChild(psw);
      prow.appendChild(document.createTextNode("place mentioned"));
      box.appendChild(prow);
      return box;
    };
    legend.addTo(map);

    var note = document.getElementById("map-note");
    if (note) {
      var shared = stacks.filter(function (st) { return st.count > 1; }).length;
      note.textContent = (data.map.events || []).length + " located events at " + stacks.length + " points" +
        (shared ? " (" + shared + " points with several events: the number on the marker counts them)" : "") + ", " +
        (data.map.places || []).length +
        " places mentioned. Base map: bundled coarse outline" + (data.tiles ? " (OpenStreetMap tiles when online)." : ".");
    }
  }

  // Online tiles only when a tile can actually be fetched; the outline works offline.
  function addTilesWhenReachable(map) {
    var probe = new Image();
    var done = false;
    probe.onload = function () {
      if (done) return;
      done = true;
      L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 18, attribution: "© OpenStreetMap contributors", opacity: 0.85
      }).addTo(map).bringToBack();
    };
    probe.onerror = function () { done = true; };
    probe.src = "https://tile.openstreetmap.org/5/18/11.png";
  }

  var DAY_MS = 86400000;

  function dayAdd(day, n) { return new Date(Date.parse(day + "T00:00:00Z") + n * DAY_MS).toISOString().slice(0, 10); }

  // The timeline shows a window of days: all of the focus stretch, or 90 / 30 / 7 days, paged earlier and later.
  function drawTimeline(node, tl) {
    node.textContent = "";
    if (!tl || !tl.days || !tl.days.length) {
      node.appendChild(el("p", "empty", "No dated events or figures match these filters."));
      return;
    }
    var first = tl.days[0], last = tl.days[tl.days.length - 1];
    var whole = tl.focus || { start: first, end: last, outside: 0 };
    var view = { start: whole.start, end: whole.end };
    var bar = el("div", "timeline-controls");
    var chart = el("div", "timeline-chart");
    function button(label, fn, cls) {
      var b = el("button", cls || null, label);
      b.setAttribute("type", "button");
      b.addEventListener("click", function () { fn(); redraw(); });
      bar.appendChild(b);
      return b;
    }
    function span() { return Math.round((Date.parse(view.end) - Date.parse(view.start)) / DAY_MS) + 1; }
    function zoom(days) {
      if (!days) { view.start = whole.start; view.end = whole.end; return; }
      view.end = view.end > last ? last : view.end;
      view.start = dayAdd(view.end, -(days - 1));
    }
    function page(dir) {
      var n = span();
      view.start = dayAdd(view.start, dir * n);
      view.end = dayAdd(view.end, dir * n);
    }
    button("← earlier", function () { page(-1); }, "tl-earlier");
    button("later →", function () { page(1); }, "tl-later");
    bar.appendChild(el("span", "muted", "zoom:"));
    button("all", function () { zoom(0); }, "tl-all");
    [90, 30, 7].forEach(function (d) { button(d + " days", function () { zoom(d); }, "tl-zoom-" + d); });
    var where = el("span", "muted tl-window");
    bar.appendChild(where);
    node.appendChild(bar);
    node.appendChild(chart);
    function redraw() {
      var outside = tl.days.filter(function (d) { return d < view.start || d > view.end; }).length;
      where.textContent = view.start + " – " + view.end;
      renderTimeline(chart, tl, { start: view.start, end: view.end, outside: outside }, view.start === whole.start && view.end === whole.end ? whole.outside : null);
    }
    redraw();
  }

  function renderTimeline(node, tl, focus, outsideRecords) {
    node.textContent = "";
    var DAY = DAY_MS;
    var shownDays = tl.days.filter(function (d) { return d >= focus.start && d <= focus.end; });
    var t0 = Date.parse(focus.start + "T00:00:00Z");
    var t1 = Date.parse(focus.end + "T00:00:00Z");
    var nDays = Math.round((t1 - t0) / DAY) + 1;
    var lanes = [["event", "Events per day (by type)"], ["figure", "Figures per day (by category)"]];
    var W = 900, laneH = 110, padL = 40, padR = 24, top = 18, gap = 42;
    var H = top + lanes.length * (laneH + gap);
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, "class": "timeline-svg", role: "img" });
    root.appendChild(svg("title")).textContent = "Counts per day";
    var plotW = W - padL - padR;
    var slot = plotW / nDays;
    var bw = Math.max(1, Math.min(slot - 1, 26));
    var x = function (day) { return padL + ((Date.parse(day + "T00:00:00Z") - t0) / DAY) * slot + (slot - bw) / 2; };
    var colours = {};
    var ci = 0;
    var legend = el("div", "timeline-legend");

    lanes.forEach(function (lane, li) {
      var kind = lane[0];
      var series = tl.series.filter(function (s) { return s.kind === kind; });
      var y0 = top + li * (laneH + gap);
      var label = svg("text", { x: padL, y: y0 - 4, "class": "lane-label" });
      label.textContent = lane[1];
      root.appendChild(label);
      var totals = {};
      var inFocus = function (d) { return d >= focus.start && d <= focus.end; };
      series.forEach(function (s) { Object.keys(s.counts).filter(inFocus).forEach(function (d) { totals[d] = (totals[d] || 0) + s.counts[d]; }); });
      var max = Math.max.apply(null, [1].concat(Object.keys(totals).map(function (d) { return totals[d]; })));
      root.appendChild(svg("line", { x1: padL, y1: y0 + laneH, x2: W - padR, y2: y0 + laneH, "class": "axis" }));
      var maxLabel = svg("text", { x: padL - 6, y: y0 + 10, "class": "tick", "text-anchor": "end" });
      maxLabel.textContent = String(max);
      root.appendChild(maxLabel);
      var zero = svg("text", { x: padL - 6, y: y0 + laneH, "class": "tick", "text-anchor": "end" });
      zero.textContent = "0";
      root.appendChild(zero);
      if (!series.length) {
        var none = svg("text", { x: padL + 8, y: y0 + laneH / 2, "class": "tick" });
        none.textContent = "none dated";
        root.appendChild(none);
      }
      var stack = {};
      series.forEach(function (s) {
        var key = kind + ":" + s.type;
        if (!(key in colours)) colours[key] = colourFor(s.type, kind === "event" ? EVENT_COLOURS : {}, ci++);
        Object.keys(s.counts).filter(inFocus).sort().forEach(function (d) {
          var n = s.counts[d];
          var h = (n / max) * (laneH - 14);
          var below = stack[d] || 0;
          var rect = svg("rect", {
            x: x(d), y: y0 + laneH - below - h, width: bw, height: Math.max(h, 1),
            fill: colours[key], "class": "bar bar-" + kind
          });
          var tip = svg("title");
          tip.textContent = d + ": " + n + " " + s.type;
          rect.appendChild(tip);
          root.appendChild(rect);
          stack[d] = below + h;
        });
        var item = el("span", "legend-item");
        var sw = el("span", "swatch");
        sw.style.background = colours[key];
        item.appendChild(sw);
        item.appendChild(document.createTextNode((kind === "event" ? "event: " : "figure: ") + s.type + " (" + s.total + ")"));
        legend.appendChild(item);
      });
      // Ticks: days for short spans, month starts for longer ones; never more than about ten.
      var ticks = [];
      if (nDays > 45) {
        var d0 = new Date(t0);
        var m = new Date(Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth() + 1, 1));
        while (m.getTime() <= t1) { ticks.push(m.toISOString().slice(0, 10)); m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)); }
      } else {
        ticks = shownDays.slice();
      }
      var step = Math.ceil(ticks.length / 10);
      var lastX = -Infinity;
      ticks = ticks.filter(function (d, ti) { return ti % step === 0; }).filter(function (d) {
        if (x(d) - lastX < 44) return false;  // labels never overlap
        lastX = x(d);
        return true;
      });
      ticks.forEach(function (d) {
        var tx = x(d) + bw / 2;
        root.appendChild(svg("line", { x1: tx, y1: y0 + laneH, x2: tx, y2: y0 + laneH + 4, "class": "axis" }));
        var label2 = svg("text", { x: tx, y: y0 + laneH + 16, "class": "tick", "text-anchor": "middle" });
        label2.textContent = nDays > 45 ? d.slice(0, 7) : d.slice(5);
        root.appendChild(label2);
      });
    });
    var range = el("p", "muted", "From " + focus.start + " to " + focus.end +
      (outsideRecords ? " · " + outsideRecords + " dated records outside this stretch are left out of the chart (page earlier or later, or see /api/timeline)."
        : focus.outside ? " · " + focus.outside + " days with records lie outside this window (page earlier or later)." : "."));
    node.appendChild(range);
    node.appendChild(root);
    node.appendChild(legend);
  }

  function start() {
    var data = readData();
    if (!data) return;
    var mapNode = document.getElementById("map");
    if (mapNode && data.map) {
      try { drawMap(mapNode, data); } catch (e) { mapNode.textContent = "The map could not be drawn: " + e.message; }
    }
    var tlNode = document.getElementById("timeline");
    if (tlNode && data.timeline) drawTimeline(tlNode, data.timeline);
    document.documentElement.setAttribute("data-desk-ready", "1");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
