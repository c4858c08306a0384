// Paper view: /papers/{doc_id}?start=..&end=..[&page=..][&mark=s-e,...]. Shows the paper's clean text with the
// cited span marked and scrolled into view, and the paper's metadata. Text goes in only as text nodes.
(function () {
  "use strict";
  const { el } = window.QA;
  const docId = decodeURIComponent(location.pathname.replace(/^\/papers\//, "").replace(/\/$/, ""));
  const params = new URLSearchParams(location.search);
  const hash = /^#chars=(\d+)-(\d+)$/.exec(location.hash);  // also accepted: #chars=start-end
  const textBox = document.getElementById("paper-text");
  const notice = document.getElementById("notice");

  function intParam(name) {
    const v = params.get(name);
    return v !== null && /^\d{1,12}$/.test(v) ? parseInt(v, 10) : null;
  }

  function marksParam(len) {
    return (params.get("mark") || "").split(",").map(s => /^(\d{1,12})-(\d{1,12})$/.exec(s)).filter(Boolean)
      .map(m => [parseInt(m[1], 10), parseInt(m[2], 10)]).filter(([s, e]) => s < e && e <= len);
  }

  function metaRow(list, label, value, inferred) {
    if (value === null || value === undefined || value === "") return;
    list.appendChild(el("dt", "", label));
    const dd = el("dd", "", value);
    if (inferred) dd.appendChild(el("span", "inferred", "inferred from the text"));
    list.appendChild(dd);
  }

  function showMeta(body, page, pages) {
    const d = body.document;
    const inferred = new Set(d.inferred || []);
    document.title = d.title + " – children's services papers";
    const h1 = document.getElementById("paper-title");
    h1.textContent = d.title;
    if (inferred.has("title")) h1.appendChild(el("span", "inferred", "title inferred from the text"));
    const list = document.getElementById("meta-list");
    metaRow(list, "Committee", d.committee || "not stated", inferred.has("committee"));
    metaRow(list, "Meeting date", body.meeting_date_label, inferred.has("meeting_date"));
    metaRow(list, "Kind", d.kind, inferred.has("kind"));
    if (pages > 1) metaRow(list, "Pages", page ? "cited words on page " + page + " of " + pages : pages + " pages");
    metaRow(list, "Note on the date", d.date_note);
    metaRow(list, "File", d.file);
    const link = document.getElementById("council-link");
    if (d.source_url && /^https?:\/\//i.test(d.source_url)) {
      const a = el("a", "", "Open this paper on the council's committee system");
      a.href = d.source_url; a.rel = "noopener noreferrer"; a.target = "_blank";
      link.appendChild(a);
    } else {
      link.textContent = "The council's own link to this paper is not known.";
    }
  }

  // Cut the text at every page start, span edge and mark edge; each piece is plain, cited, or a marked value.
  function showText(text, pageStarts, span, marks) {
    const cuts = new Set([0, text.length]);
    pageStarts.forEach(p => cuts.add(p));
    if (span) { cuts.add(span[0]); cuts.add(span[1]); }
    marks.forEach(([s, e]) => { cuts.add(s); cuts.add(e); });
    const points = Array.from(cuts).filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const pageAt = new Map(pageStarts.map((p, i) => [p, i + 1]));
    const frag = document.createDocumentFragment();
    let first = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      if (pageStarts.length > 1 && pageAt.has(a)) {
        const brk = el("div", "page-break", "Page " + pageAt.get(a));
        brk.id = "page-" + pageAt.get(a);
        frag.appendChild(brk);
      }
      const piece = text.slice(a, b);
      const cited = span && a >= span[0] && b <= span[1];
      const marked = marks.some(([s, e]) => a >= s && b <= e);
      if (!cited && !marked) { frag.appendChild(document.createTextNode(piece)); continue; }
      const m = el("mark", (cited ? "cited" : "") + (marked ? " value" : ""), piece);
      if (cited && first === null) { first = m; m.id = "cited"; m.tabIndex = -1; }
      frag.appendChild(m);
    }
    textBox.replaceChildren(frag);
    return first;
  }

  function pageOf(pageStarts, offset) {
    if (!pageStarts.length) return null;
    let n = 1;
    pageStarts.forEach((p, i) => { if (p <= offset) n = i + 1; });
    return n;
  }

  function goTo(target) {
    target.scrollIntoView({ block: "center" });
    if (target.focus) target.focus({ preventScroll: true });
  }

  async function load() {
    let res;
    try {
      res = await fetch("/api/documents/" + encodeURIComponent(docId));
    } catch (e) {
      notice.textContent = "Could not reach the assistant. Is the server still running?";
      return;
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) {
      document.getElementById("paper-title").textContent = "Paper not found";
      notice.textContent = body.detail || ("Error " + res.status);
      return;
    }
    const text = body.text || "";
    const pageStarts = body.document.page_starts || [];
    let start = intParam("start"), end = intParam("end");
    if (start === null && hash) { start = parseInt(hash[1], 10); end = parseInt(hash[2], 10); }
    let span = null;
    if (start !== null && end !== null) {
      if (start < end && end <= text.length) span = [start, end];
      else notice.textContent = "The cited place is not in this version of the paper (it may have changed since " +
        "the link was made); the whole paper is shown.";
    }
    const marks = span ? marksParam(text.length) : [];
    const page = span ? pageOf(pageStarts, span[0]) : intParam("page");
    showMeta(body, page, pageStarts.length);
    const cited = showText(text, pageStarts, span, marks);
    if (cited) {
      const jump = document.getElementById("jump");
      jump.hidden = false;
      document.getElementById("to-cited").addEventListener("click", () => goTo(cited));
      goTo(cited);
    } else if (page && pageStarts.length > 1) {
      const brk = document.getElementById("page-" + page);
      if (brk) goTo(brk);
    }
  }

  load();
})();
