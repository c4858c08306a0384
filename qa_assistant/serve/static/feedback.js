// Feedback under each chat answer: "helpful" / "wrong", an optional comment, sent with the answer it is about.
// Every control is a native button or textarea, so it works from the keyboard.
window.QA.feedbackBox = (function () {
  "use strict";
  const { el } = window.QA;

  function feedback(ans, sent) {
    const box = el("div", "feedback");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Feedback on this answer");
    box.appendChild(el("span", "fb-ask", "Was this answer right?"));
    const more = el("div", "fb-more");
    more.hidden = true;
    const label = el("label", "", "Comment (optional): what was wrong, or what you expected");
    const comment = el("textarea", "fb-comment");
    comment.rows = 2; comment.maxLength = 1000;
    label.appendChild(comment);
    const send = el("button", "fb-send", "Send feedback");
    send.type = "button";
    more.append(label, send);
    const status = el("p", "fb-status");
    status.setAttribute("role", "status");
    let verdict = null;
    const buttons = [["helpful", "Helpful"], ["wrong", "Wrong"]].map(([v, text]) => {
      const b = el("button", "fb-choice fb-" + v, text);
      b.type = "button";
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", () => {
        verdict = v;
        buttons.forEach(o => o.setAttribute("aria-pressed", String(o === b)));
        more.hidden = false;
        comment.focus();
      });
      box.appendChild(b);
      return b;
    });
    send.addEventListener("click", async () => {
      const payload = { verdict: verdict, question: ans.question, history: sent.slice(-6), comment: comment.value,
        answer: { kind: ans.kind, text: ans.text.slice(0, 20000),
          figures: (ans.kind === "timeline" ? ans.series : ans.figures.length ? ans.figures : ans.nearest).slice(0, 30)
            .map(f => ({ value_text: f.value_text, as_of: f.as_of.label, as_of_end: f.as_of.end, doc_id: f.citation.doc_id })),
          entities: ans.entities.slice(0, 30).map(e => e.text),
          sources: ans.citations.slice(0, 30).map(c => ({ doc_id: c.doc_id, quote_start: c.quote_start,
            quote_end: c.quote_end, page: c.page })) } };
      send.disabled = true;
      try {
        const res = await fetch("/api/feedback", { method: "POST", headers: { "Content-Type": "application/json" },
          body: JSON.stringify(payload) });
        const body = await res.json().catch(() => ({}));
        if (!res.ok) { status.textContent = body.detail || ("Error " + res.status); send.disabled = false; return; }
        status.textContent = body.message || "Thank you: your feedback was recorded.";
        buttons.forEach(b => { b.disabled = true; });
        comment.disabled = true;
        send.hidden = true;
      } catch (e) {
        status.textContent = "Could not send the feedback. Is the server still running?";
        send.disabled = false;
      }
    });
    box.append(more, status);
    return box;
  }

  return feedback;
})();
