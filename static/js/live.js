// Live coverage: ticks the countdown the server rendered, and asks the updates
// endpoint for new entries every few seconds (If-None-Match: an unchanged answer
// is a 304 from the page cache). New entries wait behind an "N new updates"
// button, so the page never moves under the reader; edits and deletions of
// entries already shown are applied in place. Without this script the page keeps
// its refresh link.
(function () {
  "use strict";

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // As live/clock.py writes it: T-H:MM:SS before liftoff, T+M:SS in the first hour.
  function missionTime(milliseconds) {
    var seconds = Math.floor(Math.abs(milliseconds) / 1000);
    var before = milliseconds < 0 && seconds > 0;
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    if (!before && hours === 0) {
      return "T+" + minutes + ":" + pad(rest);
    }
    return "T" + (before ? "-" : "+") + hours + ":" + pad(minutes) + ":" + pad(rest);
  }

  var clock = document.querySelector(".countdown-clock");
  if (clock) {
    var launch = Date.parse(clock.getAttribute("data-launch"));
    var asOf = document.querySelector("[data-countdown-asof]");
    if (asOf) {
      asOf.hidden = true;
    }
    var tick = function () {
      // Rounded up, so the clock reads T-0:00:01 for the last second, as a launch clock does.
      clock.textContent = missionTime(Math.floor((Date.now() - launch) / 1000) * 1000);
    };
    tick();
    window.setInterval(tick, 1000);
  }

  var root = document.querySelector("[data-live-poll]");
  if (!root || !window.fetch) {
    return;
  }
  var url = root.getAttribute("data-live-poll");
  var interval = Math.max(1, Number(root.getAttribute("data-interval")) || 10) * 1000;
  var list = root.querySelector("[data-live-entries]");
  var button = root.querySelector("[data-live-new]");
  var announce = root.querySelector("[data-live-announce]");
  var refresh = root.querySelector("[data-live-refresh]");
  var keyBox = document.querySelector("[data-live-key]");
  var keyList = document.querySelector("[data-live-key-list]");
  var etag = null;
  var shownHtml = {};
  var pending = [];
  var pendingKeys = null;

  var bar = root.querySelector("[data-live-bar]");
  var waiting = root.querySelector("[data-live-waiting]");
  if (refresh) {
    refresh.hidden = true;
  }
  bar.classList.add("is-polling");
  waiting.hidden = false;
  Array.prototype.forEach.call(list.querySelectorAll(".live-entry"), function (entry) {
    shownHtml[entry.id] = entry.outerHTML;
  });

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function label(count) {
    return count === 1 ? "1 new update" : count + " new updates";
  }

  function showPending() {
    if (pending.length) {
      button.textContent = "Show " + label(pending.length);
      button.hidden = false;
      announce.textContent = label(pending.length);
    } else {
      button.hidden = true;
    }
    waiting.hidden = !button.hidden;
    bar.classList.toggle("has-new", !button.hidden);
  }

  function apply(data) {
    var ids = {};
    data.entries.forEach(function (entry) {
      ids[entry.id] = true;
    });
    // Deleted: gone from the page, or from those waiting.
    Object.keys(shownHtml).forEach(function (id) {
      if (!ids[id]) {
        var element = document.getElementById(id);
        if (element) {
          element.remove();
        }
        delete shownHtml[id];
      }
    });
    // Edited: replaced where it stands.
    data.entries.forEach(function (entry) {
      if (shownHtml[entry.id] !== undefined && shownHtml[entry.id] !== entry.html) {
        var element = document.getElementById(entry.id);
        if (element) {
          element.replaceWith(fragment(entry.html));
        }
        shownHtml[entry.id] = entry.html;
      }
    });
    // New: newest first, behind the button.
    pending = data.entries.filter(function (entry) {
      return shownHtml[entry.id] === undefined;
    });
    showPending();
    // The key events above the entries change with the new ones, when the reader
    // asks for them: the page must not grow above the reader meanwhile.
    pendingKeys = data.key_events;
    if (!pending.length) {
      showKeys();
    }
  }

  function showKeys() {
    if (keyList && pendingKeys !== null && keyList.innerHTML.trim() !== pendingKeys.trim()) {
      keyList.innerHTML = pendingKeys;
      keyBox.hidden = !pendingKeys.trim();
    }
  }

  button.addEventListener("click", function () {
    var first = null;
    var empty = list.querySelector("[data-live-empty]");
    if (empty) {
      empty.remove();
    }
    // pending is newest first: insert the oldest first, each at the top.
    pending
      .slice()
      .reverse()
      .forEach(function (entry) {
        var element = fragment(entry.html);
        list.insertBefore(element, list.firstChild);
        shownHtml[entry.id] = entry.html;
        first = element;
      });
    pending = [];
    showPending();
    showKeys();
    announce.textContent = "";
    if (first) {
      first.focus();
    }
  });

  function poll() {
    var headers = { Accept: "application/json" };
    if (etag) {
      headers["If-None-Match"] = etag;
    }
    fetch(url, { headers: headers, cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 304 || !response.ok) {
          return null;
        }
        etag = response.headers.get("ETag");
        return response.json();
      })
      .then(function (data) {
        if (data) {
          apply(data);
        }
      })
      .catch(function () {
        // Offline for a moment: the next poll tries again.
      })
      .then(function () {
        window.setTimeout(poll, interval);
      });
  }

  window.setTimeout(poll, interval);
})();
