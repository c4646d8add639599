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

  // The browser's spell checking in every rich-text editor, in the page's language;
  // each editor named by its field's label, as the textarea it stands for was.
  function spellcheck(root) {
    root.querySelectorAll(".ProseMirror[contenteditable]").forEach(function (editor) {
      editor.setAttribute("spellcheck", "true");
      if (!editor.lang) editor.lang = document.documentElement.lang || "en";
      const textarea = editor.closest(".prose-editor")?.querySelector("textarea[id]");
      const label = textarea && document.querySelector(`label[for="${textarea.id}"]`);
      if (label && !editor.hasAttribute("aria-label")) {
        editor.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
      }
    });
  }

  // "= 15:12 UTC" under a date and time typed in the desk's time zone.
  function zoneOffset(zone, utc) {
    // The zone's wall-clock time at the instant `utc`, read as if it were UTC.
    const parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit",
      day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    }).formatToParts(new Date(utc)).forEach(function (part) { parts[part.type] = part.value; });
    const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
    return wall - Math.floor(utc / 60000) * 60000;
  }

  function utcLine(line) {
    const row = line.closest("p.datetime");
    const date = row && row.querySelector("input.vDateField");
    const time = row && row.querySelector("input.vTimeField");
    if (!date || !time) return;
    function update() {
      const day = date.value.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
      const clock = time.value.trim().match(/^(\d{1,2}):(\d{2})(?::\d{2})?$/);
      if (!day || !clock) {
        line.textContent = "";
        return;
      }
      const wall = Date.UTC(+day[1], +day[2] - 1, +day[3], +clock[1], +clock[2]);
      let utc = wall - zoneOffset(line.dataset.zone, wall);
      utc = wall - zoneOffset(line.dataset.zone, utc);
      const shown = new Date(utc).toISOString();
      line.textContent = "= " + shown.slice(0, 10) + " " + shown.slice(11, 16) + " UTC";
    }
    ["change", "input"].forEach(function (name) {
      date.addEventListener(name, update);
      time.addEventListener(name, update);
    });
    // The calendar and clock pickers set the value without an input event.
    row.addEventListener("click", function () { setTimeout(update, 0); });
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
    document.querySelectorAll(".utc-time[data-zone]").forEach(utcLine);
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
