// Chat page. Document text is only ever inserted with textContent / text nodes, never as HTML.
(function () {
  "use strict";
  const conv = document.getElementById("conversation");
  const form = document.getElementById("ask-form");
  const input = document.getElementById("question");
  const examples = document.getElementById("examples");
  const dialog = document.getElementById("source");
  let history = [];

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function pageLabel(c) {
    if (!c.page) return "";
    return c.page_end ? "pages " + c.page + "–" + c.page_end : "page " + c.page;
  }

  function citationLine(c) {
    const page = pageLabel(c);
    return c.title + " — " + (c.committee || "committee not stated") + ", meeting " + c.meeting_date_label +
      (page ? ", " + page : "") + (c.as_of_label ? " (as of " + c.as_of_label + ")" : "");
  }

  function openSource(c) {
    document.getElementById("source-title").textContent = c.title;
    document.getElementById("source-meta").textContent =
      (c.committee || "Committee not stated") + " · meeting " + c.meeting_date_label +
      (pageLabel(c) ? " · " + pageLabel(c) : "") +
      (c.as_of_label ? " · figure as of " + c.as_of_label : "");
    const q = document.getElementById("source-quote");
    q.replaceChildren();
    let pos = 0;
    const marks = (c.highlights || []).slice().sort((a, b) => a.start - b.start);
    for (const h of marks) {
      if (h.start > pos) q.appendChild(document.createTextNode(c.quote.slice(pos, h.start)));
      q.appendChild(el("mark", "", c.quote.slice(h.start, h.end)));
      pos = Math.max(pos, h.end);
    }
    q.appendChild(document.createTextNode(c.quote.slice(pos)));
    const link = document.getElementById("source-link");
    link.replaceChildren();
    if (c.source_url && /^https?:\/\//.test(c.source_url)) {
      const a = el("a", "", "Open the paper on the council's website");
      a.href = c.source_url; a.rel = "noopener noreferrer"; a.target = "_blank";
      link.appendChild(a);
    }
    dialog.showModal();
    document.getElementById("source-close").focus();
  }

  function chips(citations) {
    const box = el("div", "chips");
    citations.forEach((c, i) => {
      const b = el("button", "chip", "[" + (i + 1) + "] " + c.title.slice(0, 60) + " · " + c.meeting_date_label +
        (c.page ? " · p. " + c.page : ""));
      b.type = "button";
      b.setAttribute("aria-label", "Open source " + (i + 1) + ": " + citationLine(c));
      b.addEventListener("click", () => openSource(c));
      box.appendChild(b);
    });
    return box;
  }

  function chart(series) {
    const ns = "http://www.w3.org/2000/svg";
    const W = 560, H = 200, P = 36;
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("class", "chart");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Chart of reported figures over time");
    const t = series.map(p => Date.parse(p.as_of.end));
    const v = series.map(p => p.value);
    const t0 = Math.min(...t), t1 = Math.max(...t), v0 = 0, v1 = Math.max(...v) * 1.1 || 1;
    const x = d => P + (t1 === t0 ? (W - 2 * P) / 2 : (d - t0) / (t1 - t0) * (W - 2 * P));
    const y = val => H - P - (val - v0) / (v1 - v0) * (H - 2 * P);
    const axis = document.createElementNS(ns, "path");
    axis.setAttribute("d", "M" + P + " " + (H - P) + " H" + (W - P) + " M" + P + " " + P + " V" + (H - P));
    axis.setAttribute("stroke", "#888"); axis.setAttribute("fill", "none");
    svg.appendChild(axis);
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", series.map((p, i) => x(t[i]) + "," + y(v[i])).join(" "));
    line.setAttribute("fill", "none"); line.setAttribute("stroke", "#0b4f8a"); line.setAttribute("stroke-width", "2");
    svg.appendChild(line);
    // Points weeks apart sit on top of each other: label a point only if it has room (the table lists all).
    let lastValueX = -Infinity, lastDateX = -Infinity;
    series.forEach((p, i) => {
      const c = document.createElementNS(ns, "circle");
      c.setAttribute("cx", x(t[i])); c.setAttribute("cy", y(v[i])); c.setAttribute("r", 4); c.setAttribute("fill", "#0b4f8a");
      const tip = document.createElementNS(ns, "title");
      tip.textContent = p.value_text + " as of " + p.as_of.label;
      c.appendChild(tip);
      svg.appendChild(c);
      if (x(t[i]) - lastValueX >= 30) {
        const lbl = document.createElementNS(ns, "text");
        lbl.setAttribute("x", x(t[i])); lbl.setAttribute("y", y(v[i]) - 8); lbl.setAttribute("font-size", "11");
        lbl.setAttribute("text-anchor", "middle"); lbl.textContent = p.value_text;
        svg.appendChild(lbl);
        lastValueX = x(t[i]);
      }
      if (x(t[i]) - lastDateX >= 48) {
        const yr = document.createElementNS(ns, "text");
        yr.setAttribute("x", x(t[i])); yr.setAttribute("y", H - P + 14); yr.setAttribute("font-size", "10");
        yr.setAttribute("text-anchor", "middle"); yr.textContent = p.as_of.end.slice(0, 7);
        svg.appendChild(yr);
        lastDateX = x(t[i]);
      }
    });
    return svg;
  }

  function seriesTable(series) {
    const table = el("table", "series");
    const head = el("tr");
    ["As of", "Value", "Change", "Source"].forEach(h => head.appendChild(el("th", "", h)));
    table.appendChild(head);
    series.forEach((p, i) => {
      const tr = el("tr");
      tr.appendChild(el("td", "", p.as_of.label));
      tr.appendChild(el("td", "", p.value_text));
      tr.appendChild(el("td", "", p.change_from_previous == null ? "" : (p.change_from_previous > 0 ? "+" : "") + p.change_from_previous));
      const td = el("td");
      td.appendChild(chips([p.citation]));
      tr.appendChild(td);
      table.appendChild(tr);
    });
    return table;
  }

  function plainText(ans) {
    const refs = ans.citations.map((c, i) => "[" + (i + 1) + "] " + citationLine(c) + ': "' + c.quote.replace(/\s+/g, " ") + '"' +
      (c.source_url ? " " + c.source_url : ""));
    return ans.question + "\n\n" + ans.text + (refs.length ? "\n\nSources:\n" + refs.join("\n") : "");
  }

  function render(box, ans) {
    box.replaceChildren();
    box.className = "a " + ans.kind;
    if (ans.conflict) box.appendChild(el("p", "conflict", "⚠ The papers report different figures for the same date; both are shown."));
    if (ans.kind === "figure") {
      const seen = new Set();
      ans.figures.forEach(f => {
        const key = f.value_text + f.as_of.label + f.citation.doc_id;
        if (seen.has(key)) return; seen.add(key);
        const card = el("div", "figure-card");
        card.appendChild(el("div", "value", f.value_text));
        const whose = f.subject === "own" ? "" : " — " + f.subject_name;
        const kind = { change: " (a change)", target: " (a target)", forecast: " (a forecast)", part: " (part of a total)" }[f.kind] || "";
        card.appendChild(el("div", "", f.label + whose + kind));
        const basis = { "meeting date": " (date of the meeting; the paper gives no other date)",
                        "title": " (the period the paper reports on)", "unknown": "" }[f.as_of.basis] || "";
        card.appendChild(el("div", "asof", "As of " + f.as_of.label + basis));
        card.appendChild(el("div", "", citationLine(f.citation)));
        box.appendChild(card);
      });
    }
    if (ans.kind === "entity") {
      ans.entities.forEach(e => {
        const card = el("div", "figure-card entity-card");
        card.appendChild(el("div", "value", e.text));
        if (e.role || e.detail) card.appendChild(el("div", "", e.role || e.detail));
        card.appendChild(el("div", "", citationLine(e.citation)));
        box.appendChild(card);
      });
    }
    box.appendChild(el("p", "answer-text", ans.text));
    if (ans.mode === "generated") {
      box.appendChild(el("p", "mode-tag", "Phrased by " + (ans.generation.model || "a language model") +
        " and checked: every sentence cites a source below and every number appears in it."));
    } else if (ans.generation && (ans.generation.status === "rejected" || ans.generation.status === "failed")) {
      box.appendChild(el("p", "mode-tag", "Extractive answer (a generated phrasing did not pass the source check)."));
    }
    if (ans.kind === "timeline" && ans.series.length) {
      box.appendChild(chart(ans.series));
      box.appendChild(seriesTable(ans.series));
    } else if (ans.citations.length) {
      box.appendChild(chips(ans.citations));
    }
    const copy = el("button", "copy chip", "Copy answer with sources");
    copy.type = "button";
    copy.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(plainText(ans)); copy.textContent = "Copied"; }
      catch (e) { copy.textContent = "Copy failed: select the text instead"; }
    });
    box.appendChild(copy);
  }

  async function ask(question) {
    examples.hidden = true;
    const turn = el("div", "turn");
    turn.appendChild(el("div", "q", question));
    const box = el("div", "a working", "Searching the papers…");
    box.setAttribute("role", "status");
    turn.appendChild(box);
    conv.appendChild(turn);
    turn.scrollIntoView({ block: "end" });
    const sent = history.slice();
    try {
      const res = await fetch("/api/ask", { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question: question, history: sent }) });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) { box.className = "a error"; box.textContent = body.detail || ("Error " + res.status); return; }
      history.push(question);
      render(box, body);
    } catch (e) {
      box.className = "a error";
      box.textContent = "Could not reach the assistant. Is the server still running?";
    }
    turn.scrollIntoView({ block: "end" });
  }

  form.addEventListener("submit", ev => {
    ev.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    input.value = "";
    ask(q);
  });
  input.addEventListener("keydown", ev => {
    if (ev.key === "Enter" && !ev.shiftKey) { ev.preventDefault(); form.requestSubmit(); }
  });
  document.querySelectorAll(".example").forEach(b => b.addEventListener("click", () => ask(b.textContent)));
  document.getElementById("new-chat").addEventListener("click", () => { history = []; conv.replaceChildren(); examples.hidden = false; input.focus(); });
  document.getElementById("source-close").addEventListener("click", () => dialog.close());
  fetch("/api/health").then(r => r.json()).then(h => {
    if (h.mode === "generated") {
      document.getElementById("mode-note").textContent = "Answers are phrased by " + (h.generation_model || "a language model") +
        " from quoted passages and checked against them; figures are always quoted exactly, with their date and source.";
    }
  }).catch(() => {});
  input.focus();
})();
