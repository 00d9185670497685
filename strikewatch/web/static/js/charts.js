/* strikewatch dashboard: SVG charts (attack timeline, casualties, toll timeline). */
(function (global) {
  "use strict";
  var S = global.SW.svg;
  /* Drawn at the container's width (320-760 px) so text stays legible on phones. */
  var H = 240, M = { top: 16, right: 12, bottom: 58, left: 44 };

  function frame(container, label) {
    var width = Math.max(320, Math.min(760, container.clientWidth || 760));
    var root = S.svg(container, width, H, label);
    return { root: root, w: width - M.left - M.right, h: H - M.top - M.bottom, width: width };
  }

  /* Legend items flow left to right and wrap onto a second line when needed. */
  function legend(f, items) {
    var x = M.left, y = H - 24;
    items.forEach(function (item) {
      var size = 24 + item.label.length * 6.2;
      if (x + size > f.width && x > M.left) { x = M.left; y += 15; }
      S.el("rect", { x: x, y: y - 9, width: 10, height: 10, "class": item.cls }, f.root);
      S.text(f.root, x + 14, y, item.label, { "class": "legend" });
      x += size;
    });
  }

  function xLabels(g, rows, band, x0, y) {
    var every = Math.max(1, Math.ceil(70 / band));
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
    legend(f, series);
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
    legend(f, [{ cls: "point", label: "figure (low end)" }, { cls: "range", label: "range given" }]);
    S.markDrawn(container);
  }

  global.SW.charts = { groupedBars: groupedBars, tollTimeline: tollTimeline };
})(window);
