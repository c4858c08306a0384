// Shared by the chat, paper and figures pages: element building and the addresses of the paper view and the
// figures table. Document text is only ever inserted with textContent / text nodes, never as HTML.
window.QA = (function () {
  "use strict";

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
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

  // Same address as paper_view.citation_path on the server: the span, the PDF page, the marked words.
  function paperHref(c) {
    let q = "start=" + c.quote_start + "&end=" + c.quote_end;
    if (c.page) q += "&page=" + c.page;
    const whole = c.quote_end - c.quote_start;
    const marks = (c.highlights || []).filter(h => !(h.start === 0 && h.end === whole))
      .map(h => (c.quote_start + h.start) + "-" + (c.quote_start + h.end));
    if (marks.length) q += "&mark=" + marks.join(",");
    return "/papers/" + encodeURIComponent(c.doc_id) + "?" + q;
  }

  // The figures table filtered to one figure's measure (its concept, else its own words), unit and area.
  function figuresHref(f, extra) {
    const p = new URLSearchParams();
    if (f.concept_id) p.set("concept", f.concept_id); else if (f.phrase) p.set("q", f.phrase);
    if (f.unit) p.set("unit", f.unit);
    if (f.subject) p.set("subject", f.subject === "other" ? f.subject_name : f.subject);
    Object.entries(extra || {}).forEach(([k, v]) => p.set(k, v));
    return "/figures?" + p.toString();
  }

  const UNIT_NAMES = { count: "number", percent: "per cent", per_10000: "rate per 10,000", rate: "rate",
                       gbp: "£", gbp_per_week: "£ per week", gbp_per_year: "£ per year", days: "days" };

  const BASIS_NOTES = { "stated": "date stated beside the figure", "heading": "date from the heading above it",
                        "table": "date from the table's column", "title": "the period the paper reports on",
                        "meeting date": "date of the meeting; the paper gives no other date",
                        "earlier": "an earlier period than the paper's; it does not say which",
                        "current": "as the paper was written; it gives no date",
                        "unknown": "the paper does not say" };

  return { el, pageLabel, citationLine, paperHref, figuresHref, UNIT_NAMES, BASIS_NOTES };
})();
