// Timeline chart for the chat page: a labelled value axis, dates along the bottom, drawn at the width of the
// screen it is on (1 unit = 1 pixel), so its labels stay readable on a phone. Text goes in as text nodes only.
window.QA.chart = (function () {
  "use strict";
  function niceStep(range) {
    const raw = range / 4, mag = Math.pow(10, Math.floor(Math.log10(raw || 1)));
    return [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw) || mag * 10;
  }

  function svgEl(name, attrs, text) {
    const e = document.createElementNS("http://www.w3.org/2000/svg", name);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function chart(series, nums, width) {
    const W = Math.max(300, Math.min(640, Math.round(width))), H = W < 480 ? 230 : 250;
    const L = 56, R = 16, T = 34, B = 34;
    const svg = svgEl("svg", { viewBox: "0 0 " + W + " " + H, width: W, height: H, class: "chart", role: "img" });
    const unit = series[0].unit, label = series[0].label;
    const unitName = { count: "Number", percent: "Per cent", per_10000: "Rate per 10,000", gbp: "£" }[unit] || unit;
    svg.setAttribute("aria-label", "Chart: " + label + " over time, " + series.length + " reported figures");
    const t = series.map(p => Date.parse(p.as_of.end)), v = series.map(p => p.value);
    const t0 = Math.min(...t), t1 = Math.max(...t);
    const step = niceStep(Math.max(...v) * 1.1 || 1), top = Math.ceil((Math.max(...v) * 1.1 || 1) / step) * step;
    const x = d => L + (t1 === t0 ? (W - L - R) / 2 : (d - t0) / (t1 - t0) * (W - L - R));
    const y = val => H - B - val / top * (H - T - B);
    svg.appendChild(svgEl("text", { x: 4, y: 14, class: "axis-title" }, unitName + ": " + label));
    for (let tick = 0; tick <= top + step / 2; tick += step) {
      svg.appendChild(svgEl("line", { x1: L, x2: W - R, y1: y(tick), y2: y(tick), class: tick ? "grid" : "axis" }));
      svg.appendChild(svgEl("text", { x: L - 6, y: y(tick) + 4, class: "tick", "text-anchor": "end" },
        tick.toLocaleString("en-GB")));
    }
    svg.appendChild(svgEl("line", { x1: L, x2: L, y1: T - 6, y2: H - B, class: "axis" }));
    svg.appendChild(svgEl("polyline", { points: series.map((p, i) => x(t[i]) + "," + y(v[i])).join(" "), class: "line" }));
    // Points weeks apart sit on top of each other: label a point only if it has room (the table lists all).
    let lastValueX = -Infinity, lastDateX = -Infinity;
    series.forEach((p, i) => {
      const dot = svgEl("circle", { cx: x(t[i]), cy: y(v[i]), r: 4, class: "dot" });
      dot.appendChild(svgEl("title", {}, p.value_text + " as of " + p.as_of.label + " [" + nums.of(p.citation) + "]"));
      svg.appendChild(dot);
      if (x(t[i]) - lastValueX >= 34) {
        svg.appendChild(svgEl("text", { x: x(t[i]), y: y(v[i]) - 9, class: "point", "text-anchor": "middle" }, p.value_text));
        lastValueX = x(t[i]);
      }
      if (x(t[i]) - lastDateX >= 56) {
        const d = new Date(t[i]);
        svg.appendChild(svgEl("text", { x: x(t[i]), y: H - B + 16, class: "tick", "text-anchor": "middle" },
          d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" }) + " " + d.getUTCFullYear()));
        lastDateX = x(t[i]);
      }
    });
    return svg;
  }

  return chart;
})();
