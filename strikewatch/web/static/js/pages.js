/* strikewatch dashboard: wires page data islands (<script type="application/json">)
   to the charts and the map. Each page includes only the containers it needs. */
(function (global) {
  "use strict";
  var S = global.SW.svg, C = global.SW.charts, MAP = global.SW.map;

  var WEAPON_SERIES = [
    { key: "drones_launched", label: "drones launched", cls: "s-drones" },
    { key: "drones_intercepted", label: "drones intercepted", cls: "s-drones-i" },
    { key: "missiles_launched", label: "missiles launched", cls: "s-missiles" },
    { key: "missiles_intercepted", label: "missiles intercepted", cls: "s-missiles-i" }
  ];
  var TOLL_SERIES = [
    { key: "killed", label: "killed", cls: "s-killed" },
    { key: "injured", label: "injured", cls: "s-injured" }
  ];

  function byId(id) { return document.getElementById(id); }

  function overview() {
    var data = S.readJson("overview-data");
    if (!data) { return; }
    if (byId("chart-weapons")) { C.groupedBars(byId("chart-weapons"), data.timeline, WEAPON_SERIES, "Launched and intercepted per attack"); }
    if (byId("chart-toll")) { C.groupedBars(byId("chart-toll"), data.timeline, TOLL_SERIES, "Killed and injured per attack"); }
    if (byId("map")) { MAP.load(byId("map"), data.points).catch(showError(byId("map"))); }
  }

  function eventPage() {
    var data = S.readJson("event-data");
    if (!data) { return; }
    Object.keys(data.timeline).forEach(function (field) {
      var node = byId("toll-" + field);
      if (node && data.timeline[field].length) { C.tollTimeline(node, data.timeline[field], field + " over time"); }
    });
    if (byId("map") && data.points.length) { MAP.load(byId("map"), data.points).catch(showError(byId("map"))); }
  }

  function showError(node) {
    return function (err) {
      node.textContent = "Could not draw: " + err.message;
      node.setAttribute("data-drawn", "error");
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    overview();
    eventPage();
  });
})(window);
