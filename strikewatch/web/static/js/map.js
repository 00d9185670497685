/* strikewatch dashboard: SVG map of struck places over a bundled, schematic boundary
   file (no tile server). Equirectangular projection scaled by cos(mid-latitude). */
(function (global) {
  "use strict";
  var S = global.SW.svg;
  var W = 760, H = 520, PAD = 10;

  function bounds(features) {
    var b = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
    features.forEach(function (f) {
      rings(f.geometry).forEach(function (ring) {
        ring.forEach(function (c) {
          b.x0 = Math.min(b.x0, c[0]); b.x1 = Math.max(b.x1, c[0]);
          b.y0 = Math.min(b.y0, c[1]); b.y1 = Math.max(b.y1, c[1]);
        });
      });
    });
    return b;
  }

  function rings(geometry) {
    if (geometry.type === "Polygon") { return geometry.coordinates; }
    if (geometry.type === "MultiPolygon") { return [].concat.apply([], geometry.coordinates); }
    return [];
  }

  function projection(b) {
    var k = Math.cos((b.y0 + b.y1) / 2 * Math.PI / 180);
    var sx = (W - 2 * PAD) / ((b.x1 - b.x0) * k), sy = (H - 2 * PAD) / (b.y1 - b.y0);
    var s = Math.min(sx, sy);
    var ox = (W - (b.x1 - b.x0) * k * s) / 2, oy = (H - (b.y1 - b.y0) * s) / 2;
    return function (lon, lat) { return [ox + (lon - b.x0) * k * s, oy + (b.y1 - lat) * s]; };
  }

  function pathData(geometry, project) {
    return rings(geometry).map(function (ring) {
      return ring.map(function (c, i) {
        var p = project(c[0], c[1]);
        return (i ? "L" : "M") + p[0].toFixed(1) + "," + p[1].toFixed(1);
      }).join("") + "Z";
    }).join("");
  }

  function drawShapes(root, features, project) {
    features.forEach(function (f) {
      var kind = f.properties.kind;
      var shape = S.el("path", { d: pathData(f.geometry, project), "class": "geo " + kind }, root);
      S.title(shape, f.properties.name);
    });
  }

  function radius(weight, maxWeight) {
    return 4 + 18 * Math.sqrt((weight || 0) / Math.max(maxWeight, 1));
  }

  function drawPoints(root, points, project, linkBase) {
    var maxWeight = Math.max.apply(null, [1].concat(points.map(function (p) { return p.weight || 0; })));
    points.slice().sort(function (a, b) { return (b.weight || 0) - (a.weight || 0); }).forEach(function (p) {
      var xy = project(p.lon, p.lat);
      var link = S.el("a", { href: linkBase + encodeURIComponent(p.name) }, root);
      var dot = S.el("circle", { cx: xy[0], cy: xy[1], r: radius(p.weight, maxWeight), "class": "strike" }, link);
      S.title(dot, p.name + ": " + p.events + " event(s), " + (p.killed || 0) + " killed, " + (p.injured || 0) + " injured");
    });
  }

  function draw(container, geojson, points) {
    var root = S.svg(container, W, H, "Map of struck places");
    var features = geojson.features;
    var project = projection(bounds(features));
    drawShapes(root, features, project);
    drawPoints(root, points || [], project, container.getAttribute("data-link") || "?place=");
    var note = S.text(root, W - PAD, H - PAD, "schematic boundaries", { "class": "note", "text-anchor": "end" });
    note.setAttribute("aria-hidden", "true");
    S.markDrawn(container);
  }

  function load(container, points) {
    return fetch(container.getAttribute("data-geo"))
      .then(function (r) {
        if (!r.ok) { throw new Error("boundary file: HTTP " + r.status); }
        return r.json();
      })
      .then(function (geojson) { draw(container, geojson, points); });
  }

  global.SW.map = { load: load, draw: draw };
})(window);
