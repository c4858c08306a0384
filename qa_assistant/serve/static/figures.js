// Figures table: /figures?concept=..&q=..&unit=..&subject=..&kind=..&date_from=..&date_to=..&doc=..&sort=..&order=..
// Reads /api/figures (the same filters); the address always holds the current filters, so it can be shared.
(function () {
  "use strict";
  const { el, UNIT_NAMES, BASIS_NOTES } = window.QA;
  const FILTERS = ["concept", "q", "unit", "subject", "kind", "date_from", "date_to", "doc"];
  const LIMIT = 50;
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#figures-table tbody");
  const summary = document.getElementById("summary");
  const csv = document.getElementById("csv");
  const state = { sort: "as_of", order: "asc", offset: 0 };

  function readAddress() {
    const p = new URLSearchParams(location.search);
    FILTERS.forEach(k => { state[k] = p.get(k) || ""; });
    state.sort = p.get("sort") || "as_of";
    state.order = p.get("order") === "desc" ? "desc" : "asc";
    state.offset = Math.max(0, parseInt(p.get("offset") || "0", 10) || 0);
  }

  function query(withPaging) {
    const p = new URLSearchParams();
    FILTERS.forEach(k => { if (state[k]) p.set(k, state[k]); });
    if (state.sort !== "as_of") p.set("sort", state.sort);
    if (state.order !== "asc") p.set("order", state.order);
    if (withPaging && state.offset) p.set("offset", state.offset);
    return p;
  }

  function ensureOption(select, value, label) {
    if (!value || Array.from(select.options).some(o => o.value === value)) return;
    select.appendChild(new Option(label || value, value));
  }

  function fillForm() {
    FILTERS.forEach(k => {
      const field = form.elements[k];
      if (field.tagName === "SELECT") ensureOption(field, state[k]);
      field.value = state[k];
    });
  }

  function readForm() {
    FILTERS.forEach(k => { state[k] = form.elements[k].value.trim(); });
    state.offset = 0;
  }

  function sourceCell(r) {
    const td = el("td", "source");
    const a = el("a", "", r.title);
    a.href = r.paper_url;
    td.appendChild(a);
    td.appendChild(el("div", "muted", (r.committee || "committee not stated") + " · meeting " + r.meeting_date_label +
      (r.page ? " · page " + r.page : "")));
    const details = el("details");
    details.appendChild(el("summary", "", "Sentence"));
    details.appendChild(el("blockquote", "", r.sentence));
    td.appendChild(details);
    return td;
  }

  function row(r) {
    const tr = el("tr");
    const asOf = el("td", "asof");
    asOf.appendChild(el("div", "", r.as_of));
    asOf.appendChild(el("div", "muted", BASIS_NOTES[r.as_of_basis] || r.as_of_basis));
    tr.appendChild(asOf);
    const value = el("td", "value-cell");
    value.appendChild(el("div", "value", r.value_text));
    value.appendChild(el("div", "muted", UNIT_NAMES[r.unit] || r.unit));
    tr.appendChild(value);
    const measure = el("td");
    measure.appendChild(el("div", "", r.measure));
    if (r.phrase && r.phrase.toLowerCase() !== r.measure.toLowerCase()) {
      measure.appendChild(el("div", "muted", "“" + r.phrase + "”"));
    }
    tr.appendChild(measure);
    const kind = r.kind === "level" ? "" : " · " + ({ part: "part of a total" }[r.kind] || r.kind);
    tr.appendChild(el("td", "", (r.subject === "own" ? r.subject_name + " (the council)" : r.subject_name) + kind));
    tr.appendChild(sourceCell(r));
    return tr;
  }

  function showSort() {
    document.querySelectorAll("#figures-table th[data-sort]").forEach(th => {
      const on = th.dataset.sort === state.sort;
      if (on) th.setAttribute("aria-sort", state.order === "asc" ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    });
  }

  function fillUnits(units) {
    const select = form.elements.unit;
    units.forEach(u => ensureOption(select, u, UNIT_NAMES[u] ? UNIT_NAMES[u] + " (" + u + ")" : u));
    select.value = state.unit;
  }

  async function load() {
    const p = query(true);
    p.set("limit", LIMIT);
    history.replaceState(null, "", "/figures" + (query(true).toString() ? "?" + query(true).toString() : ""));
    csv.href = "/api/figures.csv" + (query(false).toString() ? "?" + query(false).toString() : "");
    showSort();
    summary.textContent = "Loading…";
    let res, body;
    try {
      res = await fetch("/api/figures?" + p.toString());
      body = await res.json().catch(() => ({}));
    } catch (e) {
      summary.textContent = "Could not reach the assistant. Is the server still running?";
      return;
    }
    if (!res.ok) {
      summary.textContent = body.detail || ("Error " + res.status);
      tbody.replaceChildren();
      return;
    }
    fillUnits(body.units || []);
    tbody.replaceChildren(...body.rows.map(row));
    const last = body.offset + body.rows.length;
    summary.textContent = body.total === 0 ? "No figures match these filters." :
      "Showing " + (body.offset + 1) + "–" + last + " of " + body.total + " figure" + (body.total === 1 ? "" : "s") + ".";
    document.getElementById("page-info").textContent = body.total > LIMIT ?
      "Page " + (Math.floor(body.offset / LIMIT) + 1) + " of " + Math.ceil(body.total / LIMIT) : "";
    document.getElementById("prev").disabled = body.offset === 0;
    document.getElementById("next").disabled = last >= body.total;
  }

  async function fillChoices() {
    try {
      const [measures, docs] = await Promise.all([fetch("/api/measures").then(r => r.json()),
                                                  fetch("/api/documents").then(r => r.json())]);
      const concept = form.elements.concept;
      measures.filter(m => m.figures > 0).sort((a, b) => a.label.localeCompare(b.label))
        .forEach(m => concept.appendChild(new Option(m.label + " (" + m.figures + ")", m.id)));
      const doc = form.elements.doc;
      docs.forEach(d => doc.appendChild(new Option(d.document.title.slice(0, 90) + " · " + d.meeting_date_label,
                                                   d.document.doc_id)));
    } catch (e) { /* the filters still work by address */ }
  }

  form.addEventListener("submit", ev => { ev.preventDefault(); readForm(); load(); });
  document.getElementById("clear").addEventListener("click", () => {
    FILTERS.forEach(k => { state[k] = ""; });
    state.offset = 0; fillForm(); load();
  });
  document.querySelectorAll("#figures-table th[data-sort] button").forEach(b => b.addEventListener("click", () => {
    const key = b.parentElement.dataset.sort;
    state.order = state.sort === key && state.order === "asc" ? "desc" : "asc";
    state.sort = key; state.offset = 0; load();
  }));
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - LIMIT); load(); });
  document.getElementById("next").addEventListener("click", () => { state.offset += LIMIT; load(); });

  readAddress();
  fillChoices().then(() => { fillForm(); load(); });
})();
