/* strikewatch dashboard: tiny SVG helpers shared by charts.js and map.js.
   Vanilla JS, no dependencies, no network. Text is always set with textContent. */
(function (global) {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function text(parent, x, y, value, attrs) {
    var node = el("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    node.textContent = String(value);
    return node;
  }

  function title(node, value) {
    var t = el("title", {}, node);
    t.textContent = String(value);
    return node;
  }

  function svg(container, width, height, label) {
    container.textContent = "";
    var root = el("svg", {
      viewBox: "0 0 " + width + " " + height, role: "img",
      preserveAspectRatio: "xMidYMid meet", "aria-label": label || ""
    }, container);
    return root;
  }

  function linear(d0, d1, r0, r1) {
    var span = (d1 - d0) || 1;
    return function (v) { return r0 + (v - d0) / span * (r1 - r0); };
  }

  /* Axis scale for values up to v: a round step (1, 2 or 5 x 10^k, at least 1) and
     3-5 ticks. Returns {max, ticks}. */
  function niceScale(v) {
    if (!(v > 0)) { return { max: 4, ticks: 4 }; }
    var raw = v / 4, p = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * p; }).filter(function (s) { return s >= raw; })[0];
    step = Math.max(1, step);
    var ticks = Math.max(1, Math.ceil(v / step));
    return { max: ticks * step, ticks: ticks };
  }

  function yAxis(g, scale, max, x, width, ticks) {
    for (var i = 0; i <= ticks; i++) {
      var v = max * i / ticks;
      var y = scale(v);
      el("line", { x1: x, x2: x + width, y1: y, y2: y, "class": "grid" }, g);
      text(g, x - 6, y + 4, Math.round(v).toLocaleString("en"), { "class": "tick", "text-anchor": "end" });
    }
  }

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function markDrawn(container) { container.setAttribute("data-drawn", "true"); }

  global.SW = global.SW || {};
  global.SW.svg = {
    el: el, text: text, title: title, svg: svg, linear: linear, niceScale: niceScale,
    yAxis: yAxis, readJson: readJson, markDrawn: markDrawn
  };
})(window);
