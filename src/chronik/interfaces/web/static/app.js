// Chronik pages: a little plain JavaScript, written for Chronik. The pages work without it;
// it adds the side panel of the article page and submits filters when a select changes.
"use strict";

function showRecords(ids) {
  const panel = document.getElementById("panel");
  if (!panel) return;
  let shown = 0;
  for (const section of panel.querySelectorAll("section.record")) {
    const wanted = ids.includes(section.id.slice("rec-".length));
    section.hidden = !wanted;
    if (wanted) shown += 1;
  }
  const hint = document.getElementById("panel-hint");
  if (hint) hint.hidden = shown > 0;
}

function selectSegments(ids) {
  for (const old of document.querySelectorAll(".article-text .selected")) {
    old.classList.remove("selected");
  }
  for (const segment of document.querySelectorAll(".article-text [data-records]")) {
    const records = segment.dataset.records.split(" ");
    if (ids.some((id) => records.includes(id))) segment.classList.add("selected");
  }
}

function followHash() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!id || !document.getElementById("rec-" + id)) return;
  showRecords([id]);
  selectSegments([id]);
}

document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("article-text");
  if (text) {
    const open = (event) => {
      const segment = event.target.closest("[data-records]");
      if (!segment) return;
      const ids = segment.dataset.records.split(" ");
      showRecords(ids);
      selectSegments(ids);
    };
    text.addEventListener("click", open);
    // Highlights are focusable: Enter opens their records, as a click does.
    text.addEventListener("keydown", (key) => {
      if (key.key === "Enter") open(key);
    });
    window.addEventListener("hashchange", followHash);
    followHash();
  }
  for (const select of document.querySelectorAll("form.filters select")) {
    select.addEventListener("change", () => select.form.submit());
  }
});
