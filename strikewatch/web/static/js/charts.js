/* strikewatch dashboard: SVG charts (attack timeline, casualties, toll timeline). */
(function (global) {
  "use strict";
  var S = global.SW.svg;
  var W = 760, H = 260, M = { top: 16, right: 12, bottom: 42, left: 48 };

  function frame(container, label) {
    var root = S.svg(container, W, H, label);
    return { root: root, w: W - M.left - M.right, h: H - M.top - M.bottom };
  }

  function legend(root, items) {
    var x = M.left;
    items.forEach(function (item) {
      S.el("rect", { x: x, y: H - 14, width: 10, height: 10, "class": item.cls }, root);
      S.text(root, x + 14, H - 5, item.label, { "class": "legend" });
      x += 24 + item.label.length * 7;
    });
  }

  function xLabels(g, rows, band, x0, y) {
    var every = Math.max(1, Math.ceil(rows.length / 8));
    rows.forEach(function (row, i) {
      if (i % every === 0) {
        S.text(g, x0 + band * (i + 0.5), y, row.date || "", { "class": "tick", "text-anchor": "middle" });
      }
    });
  }

  /* Grouped bars per row: one bar per series key. rows: [{date, label, <keys>}] */
  function groupedBars(container, rows, series, label) {
    var f = frame(container, label);
    var scale = S.niceScale(Math.max.apply(null, [0].concat(rows.map(function (r) {
      return Math.max.apply(null, series.map(function (s) { return r[s.key] || 0; }));
    }))));
    var y = S.linear(0, scale.max, M.top + f.h, M.top);
    S.yAxis(f.root, y, scale.max, M.left, f.w, scale.ticks);
    var band = f.w / Math.max(rows.length, 1);
    var bw = Math.max(1, band * 0.8 / series.length);
    rows.forEach(function (row, i) {
      series.forEach(function (s, j) {
        var v = row[s.key];
        if (v === null || v === undefined) { return; }
        var x = M.left + band * i + band * 0.1 + bw * j;
        var bar = S.el("rect", {
          x: x, y: y(v), width: bw, height: Math.max(0, M.top + f.h - y(v)), "class": "bar " + s.cls
        }, f.root);
        S.title(bar, (row.label || row.date) + " - " + s.label + ": " + v);
      });
    });
    xLabels(f.root, rows, band, M.left, M.top + f.h + 16);
    legend(f.root, series);
    S.markDrawn(container);
  }

  /* Toll timeline: for each report (in time order) a low..high band and a best dot. */
  function tollTimeline(container, points, label) {
    var f = frame(container, label);
    var highs = points.map(function (p) { return p.high !== null ? p.high : (p.low || 0); });
    var scale = S.niceScale(Math.max.apply(null, [1].concat(highs)));
    var y = S.linear(0, scale.max, M.top + f.h, M.top);
    S.yAxis(f.root, y, scale.max, M.left, f.w, scale.ticks);
    var band = f.w / Math.max(points.length, 1);
    var path = [];
    points.forEach(function (p, i) {
      var cx = M.left + band * (i + 0.5);
      var low = p.low !== null ? p.low : 0;
      var high = p.high !== null ? p.high : low;
      S.el("line", { x1: cx, x2: cx, y1: y(low), y2: y(high), "class": "range" }, f.root);
      if (p.high === null) {
        S.el("path", { d: "M" + (cx - 5) + "," + (y(low) - 2) + "l5,-8l5,8z", "class": "open" }, f.root);
      }
      var dot = S.el("circle", { cx: cx, cy: y(low), r: 5, "class": "point" }, f.root);
      var said = p.low === p.high ? String(p.low) : (p.high === null ? p.low + "+" : (p.low === null ? "up to " + p.high : p.low + "-" + p.high));
      S.title(dot, (p.published || "?") + " " + (p.outlet || "") + ": " + said + (p.speaker ? ", per " + p.speaker : "") +
        (p.current === false ? " (superseded)" : ""));
      path.push((i ? "L" : "M") + cx + "," + y(low));
    });
    S.el("path", { d: path.join(""), "class": "trend" }, f.root);
    xLabels(f.root, points.map(function (p) { return { date: (p.published || "").slice(5, 16).replace("T", " ") }; }),
      band, M.left, M.top + f.h + 16);
    legend(f.root, [{ cls: "point", label: "reported low" }, { cls: "range", label: "range" }]);
    S.markDrawn(container);
  }

  global.SW.charts = { groupedBars: groupedBars, tollTimeline: tollTimeline };
})(window);
