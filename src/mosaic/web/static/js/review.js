// Review actions: confirm, reject or correct a statement; merge, split, undo. Each posts to /api/review.
"use strict";

(function () {
  const message = document.getElementById("review-message");

  function say(text) {
    if (message) message.textContent = text;
  }

  function markDone(button, status) {
    const container = button.parentElement.closest("[data-statement]");
    container.className = container.className.replace(/status-\w+/, "") + ` status-${status}`;
    const badge = container.querySelector(".badge.status");
    if (badge) badge.textContent = status;
    container.querySelectorAll(".review-action").forEach((b) => b.remove());
  }

  async function decide(button) {
    const action = button.dataset.action;
    const body = { action };
    if (action === "correct") {
      const answer = window.prompt("Corrected value (as JSON: 55, [50, 60], \"2014-11-02\"):", button.dataset.value);
      if (answer === null) return;
      try { body.value = JSON.parse(answer); } catch (e) { body.value = answer; }
    }
    button.disabled = true;
    try {
      const decision = await Mosaic.postJSON(`/api/review/statements/${button.dataset.statement}`, body);
      markDone(button, decision.after.status === "rejected" && action === "correct" ? "corrected" : decision.after.status);
      say(`${action}: done (decision ${decision.id}).`);
    } catch (error) {
      button.disabled = false;
      say(error.message);
      window.alert(error.message);
    }
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".review-action");
    if (button) decide(button);
    const undo = event.target.closest("button.undo");
    if (undo) {
      Mosaic.postJSON(`/api/review/decisions/${undo.dataset.decision}/undo`)
        .then(() => window.location.reload())
        .catch((error) => say(error.message));
    }
  });

  function list(text) {
    return (text || "").split(",").map((s) => s.trim()).filter(Boolean);
  }

  const merge = document.getElementById("merge-form");
  if (merge) merge.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = { keep: merge.elements.keep.value.trim(), absorb: merge.elements.absorb.value.trim() };
    Mosaic.postJSON("/api/review/merge", body).then(() => window.location.reload()).catch((e) => say(e.message));
  });
  const split = document.getElementById("split-form");
  if (split) split.addEventListener("submit", (event) => {
    event.preventDefault();
    const f = split.elements;
    const body = { entity: f.entity.value.trim(), name: f.name.value.trim(), aliases: list(f.aliases.value), events: list(f.events.value) };
    Mosaic.postJSON("/api/review/split", body).then(() => window.location.reload()).catch((e) => say(e.message));
  });
})();
