// The newsroom's additions to the Django admin's editing pages (no inline script:
// the admin runs under a Content-Security-Policy). Every page works without it.
"use strict";

(function () {
  const DRAG_HINT = "Drag to reorder";

  // Drag handles say what they are; "move to first / last" works from the keyboard.
  function markHandles(root) {
    root
      .querySelectorAll(
        "fieldset.sortable tr.has_original td.original p, fieldset.sortable .inline-related.has_original h3"
      )
      .forEach(function (handle) {
        if (handle.dataset.dragHint) return;
        handle.dataset.dragHint = "1";
        handle.title = DRAG_HINT;
        const hint = document.createElement("span");
        hint.className = "drag-hint";
        hint.textContent = "(" + DRAG_HINT.toLowerCase() + ")";
        const sort = handle.querySelector(":scope > span.sort");
        handle.insertBefore(hint, sort);
      });
    root.querySelectorAll("fieldset.sortable span.sort i[role='button']").forEach(function (button) {
      if (button.tabIndex === 0) return;
      button.tabIndex = 0;
      button.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          button.click();
        }
      });
    });
  }

  // A body block shows only the fields of its kind: text, or a photo and its caption.
  function showKind(block) {
    const checked = block.querySelector("input.block-kind:checked");
    if (checked) block.dataset.kind = checked.value;
  }

  function markBlocks(root) {
    root.querySelectorAll(".inline-related").forEach(function (block) {
      if (block.querySelector("input.block-kind")) showKind(block);
    });
  }

  // The browser's spell checking in every rich-text editor, in the page's language.
  function spellcheck(root) {
    root.querySelectorAll(".ProseMirror[contenteditable]").forEach(function (editor) {
      editor.setAttribute("spellcheck", "true");
      if (!editor.lang) editor.lang = document.documentElement.lang || "en";
    });
  }

  // "= 15:12 UTC" under a date and time typed in the desk's time zone.
  function utcLine(line) {
    const row = line.closest(".form-row") || line.parentElement;
    const date = row.querySelector("input.vDateField");
    const time = row.querySelector("input.vTimeField");
    const offsets = JSON.parse(line.dataset.offsets || "[]");
    if (!date || !time) return;
    function update() {
      const day = date.value.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
      const clock = time.value.trim().match(/^(\d{1,2}):(\d{2})(?::(\d{2}))?$/);
      if (!day || !clock) {
        line.textContent = "";
        return;
      }
      const wall = Date.UTC(+day[1], +day[2] - 1, +day[3], +clock[1], +clock[2]);
      // The desk zone's UTC offsets around this time, from the server; the one in
      // force at that wall-clock time is the one that maps it back to itself.
      let utc = wall - (offsets.length ? offsets[0][1] : 0) * 60000;
      for (const pair of offsets) {
        if (wall - pair[1] * 60000 >= pair[0] * 1000) utc = wall - pair[1] * 60000;
      }
      const shown = new Date(utc).toISOString();
      line.textContent = "= " + shown.slice(0, 10) + " " + shown.slice(11, 16) + " UTC";
    }
    date.addEventListener("change", update);
    time.addEventListener("change", update);
    date.addEventListener("input", update);
    time.addEventListener("input", update);
  }

  function setUp(root) {
    markHandles(root);
    markBlocks(root);
    spellcheck(root);
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches("input.block-kind")) {
      showKind(event.target.closest(".inline-related"));
    }
  });
  document.addEventListener("formset:added", function (event) {
    setUp(event.target);
  });

  function start() {
    setUp(document);
    document.querySelectorAll(".utc-time[data-offsets]").forEach(utcLine);
    // Rich-text editors are made by module scripts, after this one.
    new MutationObserver(function (changes) {
      for (const change of changes) {
        for (const node of change.addedNodes) {
          if (node.nodeType === 1) spellcheck(node.parentElement || node);
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
