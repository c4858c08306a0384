// Chat page. Document text is only ever inserted with textContent / text nodes, never as HTML.
(function () {
  "use strict";
  const { el, pageLabel, citationLine, paperHref, figuresHref } = window.QA;
  const conv = document.getElementById("conversation");
  const form = document.getElementById("ask-form");
  const input = document.getElementById("question");
  const examples = document.getElementById("examples");
  const dialog = document.getElementById("source");
  let history = [];
  let opener = null;

  // ---- sources: one number per quoted passage, the same in the chips, the timeline table and the copy ----
  const citeKey = c => c.doc_id + "|" + c.quote_start + "|" + c.quote_end;

  function numbering(citations) {
    const numbers = new Map(), unique = [];
    citations.forEach(c => { if (!numbers.has(citeKey(c))) { numbers.set(citeKey(c), unique.length + 1); unique.push(c); } });
    // get: the answer's own citation for the same passage (it carries every mark in it, e.g. a count and its rate)
    return { unique, of: c => numbers.get(citeKey(c)), get: c => unique[numbers.get(citeKey(c)) - 1] || c };
  }

  function marked(box, text, offset, spans) {
    // text nodes with <mark> around each [start, end) (offsets relative to `offset`)
    box.replaceChildren();
    let pos = 0;
    spans.map(([s, e, cls]) => [s - offset, e - offset, cls]).filter(([s, e]) => s < e && e > 0 && s < text.length)
      .sort((a, b) => a[0] - b[0]).forEach(([s, e, cls]) => {
        s = Math.max(s, pos); e = Math.min(e, text.length);
        if (s >= e) return;
        if (s > pos) box.appendChild(document.createTextNode(text.slice(pos, s)));
        box.appendChild(el("mark", cls, text.slice(s, e)));
        pos = e;
      });
    box.appendChild(document.createTextNode(text.slice(pos)));
  }

  function valueSpans(c) {
    const whole = c.quote_end - c.quote_start;
    return (c.highlights || []).filter(h => !(h.start === 0 && h.end === whole))
      .map(h => [c.quote_start + h.start, c.quote_start + h.end, "value"]);
  }

  async function showParagraph(c, quoteBox) {
    try {
      const res = await fetch("/api/documents/" + encodeURIComponent(c.doc_id) + "/excerpt?start=" + c.quote_start +
        "&end=" + c.quote_end);
      if (!res.ok || dialog.dataset.key !== citeKey(c)) return;
      const ex = await res.json();
      if (ex.start === c.quote_start && ex.end === c.quote_end) return;
      // the paragraph, the quoted words in yellow and the figure itself in bold
      const spans = [[c.quote_start, c.quote_end, "cited"]];
      marked(quoteBox, ex.text, ex.start, spans);
      const inner = quoteBox.querySelector("mark.cited");
      if (inner) marked(inner, c.quote, c.quote_start, valueSpans(c));
      document.getElementById("source-context").textContent = "The quoted words are marked in the paragraph around them" +
        (ex.cut ? " (a long paragraph, shortened)." : ".");
    } catch (e) { /* the quote alone is still shown */ }
  }

  function openSource(c, n, from) {
    opener = from || null;
    dialog.dataset.key = citeKey(c);
    document.getElementById("source-title").textContent = (n ? "[" + n + "] " : "") + c.title;
    document.getElementById("source-meta").textContent =
      (c.committee || "Committee not stated") + " · meeting " + c.meeting_date_label +
      (pageLabel(c) ? " · " + pageLabel(c) : "") + (c.as_of_label ? " · figure as of " + c.as_of_label : "");
    const q = document.getElementById("source-quote");
    marked(q, c.quote, c.quote_start, valueSpans(c));
    document.getElementById("source-context").textContent = "";
    showParagraph(c, q);
    const link = document.getElementById("source-link");
    link.replaceChildren();
    const paper = el("a", "paper-link", "Open the paper at this place");
    paper.href = paperHref(c); paper.target = "_blank"; paper.rel = "noopener";
    link.appendChild(paper);
    if (c.source_url && /^https?:\/\//i.test(c.source_url)) {
      link.appendChild(document.createTextNode(" · "));
      const a = el("a", "", "On the council's website");
      a.href = c.source_url; a.rel = "noopener noreferrer"; a.target = "_blank";
      link.appendChild(a);
    }
    dialog.showModal();
    paper.focus();
  }

  // A chip is a link to the paper view (middle-click or copy it); a plain click shows the quote first.
  function chip(c, n, compact) {
    const a = el("a", "chip", "[" + n + "]" + (compact ? "" : " " + c.title.slice(0, 60) + " · " + c.meeting_date_label) +
      (c.page ? " · p. " + c.page : ""));
    a.href = paperHref(c);
    a.setAttribute("aria-label", "Source " + n + ": " + citationLine(c) + ". Opens the quote");
    a.addEventListener("click", ev => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
      ev.preventDefault();
      openSource(c, n, a);
    });
    return a;
  }

  function chips(citations, nums) {
    const box = el("div", "chips");
    citations.forEach(c => box.appendChild(chip(c, nums.of(c))));
    return box;
  }

  function tableLink(f, text, extra) {
    const a = el("a", "table-link", text);
    a.href = figuresHref(f, extra); a.target = "_blank"; a.rel = "noopener";
    return a;
  }

  // ---- figures: one card per figure, its rate (same measure, date and sentence) beside the count ----
  function figureGroups(figures) {
    const groups = new Map();
    figures.forEach(f => {
      const key = [f.citation.doc_id, f.citation.quote_start, f.as_of.label, f.concept_id || f.phrase, f.subject, f.kind].join("|");
      if (!groups.has(key)) groups.set(key, []);
      const g = groups.get(key);
      if (!g.some(x => x.value_text === f.value_text)) g.push(f);
    });
    return Array.from(groups.values());
  }

  function figureCard(group, nums) {
    const f = group[0];
    const card = el("div", "figure-card");
    const value = el("div", "value", f.value_text);
    group.slice(1).forEach(o => value.appendChild(el("span", "also", o.value_text)));
    card.appendChild(value);
    const whose = f.subject === "own" ? "" : " — " + f.subject_name;
    const kind = { change: " (a change)", target: " (a target)", forecast: " (a forecast)", part: " (part of a total)" }[f.kind] || "";
    card.appendChild(el("div", "", f.label + whose + kind));
    const basis = { "meeting date": " (date of the meeting; the paper gives no other date)",
                    "title": " (the period the paper reports on)", "unknown": "" }[f.as_of.basis] || "";
    card.appendChild(el("div", "asof", "As of " + f.as_of.label + basis));
    const src = el("div", "card-source");
    src.appendChild(chip(nums.get(f.citation), nums.of(f.citation)));
    src.appendChild(tableLink(f, "All reported figures for this measure"));
    card.appendChild(src);
    return card;
  }

  function seriesTable(series, nums) {
    const wrap = el("div", "table-scroll");
    const table = el("table", "series");
    const head = el("tr");
    ["As of", "Value", "Change", "Source"].forEach(h => { const th = el("th", "", h); th.scope = "col"; head.appendChild(th); });
    table.appendChild(head);
    series.forEach(p => {
      const tr = el("tr");
      tr.appendChild(el("td", "", p.as_of.label));
      tr.appendChild(el("td", "", p.value_text));
      tr.appendChild(el("td", "", p.change_from_previous == null ? "" : (p.change_from_previous > 0 ? "+" : "") +
        p.change_from_previous.toLocaleString("en-GB")));
      const td = el("td");
      td.appendChild(chip(nums.get(p.citation), nums.of(p.citation), true));
      tr.appendChild(td);
      table.appendChild(tr);
    });
    wrap.appendChild(table);
    return wrap;
  }

  function plainText(ans, nums) {
    const refs = nums.unique.map((c, i) => "[" + (i + 1) + "] " + citationLine(c) + ': "' + c.quote.replace(/\s+/g, " ") +
      '" ' + location.origin + paperHref(c) + (c.source_url ? " " + c.source_url : ""));
    return ans.question + "\n\n" + ans.text + (refs.length ? "\n\nSources:\n" + refs.join("\n") : "");
  }

  function render(box, ans, sent) {
    box.replaceChildren();
    box.className = "a " + ans.kind;
    const nums = numbering(ans.citations.concat(ans.series.map(p => p.citation)));
    if (ans.conflict) box.appendChild(el("p", "conflict", "⚠ The papers report different figures for the same date; both are shown."));
    const inCards = new Set();  // passages already shown with a card are not listed again under "Sources"
    if (ans.kind === "figure") {
      figureGroups(ans.figures).forEach(g => { box.appendChild(figureCard(g, nums)); inCards.add(citeKey(g[0].citation)); });
    }
    if (ans.kind === "entity") {
      ans.entities.forEach(e => {
        inCards.add(citeKey(e.citation));
        const card = el("div", "figure-card entity-card");
        card.appendChild(el("div", "value", e.text));
        if (e.role || e.detail) card.appendChild(el("div", "", e.role || e.detail));
        const src = el("div", "card-source");
        src.appendChild(chip(nums.get(e.citation), nums.of(e.citation)));
        card.appendChild(src);
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
      box.appendChild(window.QA.chart(ans.series, nums, box.clientWidth - 28));
      box.appendChild(seriesTable(ans.series, nums));
      box.appendChild(tableLink(ans.series[0], "Open these figures in the figures table", { kind: "level" }));
    }
    const listed = nums.unique.filter(c => !inCards.has(citeKey(c)));
    if (listed.length) {
      const sources = el("div", "sources");
      sources.appendChild(el("span", "sources-label", "Sources"));
      sources.appendChild(chips(listed, nums));
      box.appendChild(sources);
    }
    const copy = el("button", "copy chip", "Copy answer with sources");
    copy.type = "button";
    copy.addEventListener("click", async () => {
      try { await navigator.clipboard.writeText(plainText(ans, nums)); copy.textContent = "Copied"; }
      catch (e) { copy.textContent = "Copy failed: select the text instead"; }
    });
    box.appendChild(copy);
    box.appendChild(window.QA.feedbackBox(ans, sent));
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
      box.removeAttribute("role");
      render(box, body, sent);
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
  dialog.addEventListener("close", () => {  // back to the chip that opened it, unless focus has moved on since
    const idle = document.activeElement === document.body || dialog.contains(document.activeElement);
    if (opener && opener.isConnected && idle) opener.focus();
    opener = null;
  });
  fetch("/api/health").then(r => r.json()).then(h => {
    if (h.council) document.getElementById("council-name").textContent = h.council;  // from data/council.json
    if (h.mode === "generated") {
      document.getElementById("mode-note").textContent = "Answers are phrased by " + (h.generation_model || "a language model") +
        " from quoted passages and checked against them; figures are always quoted exactly, with their date and source.";
    }
  }).catch(() => {});
  input.focus();
})();
