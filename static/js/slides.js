// One-at-a-time photo essay: the left and right arrow keys follow the page's
// rel="prev" / rel="next" links, which work without this script. After such a
// move, focus goes to the new photo's title so that a screen reader reads the
// title and its position ("Photo 3 of 11") instead of the page from the top.
(function () {
  "use strict";

  var root = document.querySelector("[data-slideshow]");
  if (!root) {
    return;
  }
  var FLAG = "slideshow-moved";

  function isTyping(element) {
    if (!element) {
      return false;
    }
    var tag = element.tagName;
    return (
      tag === "INPUT" ||
      tag === "TEXTAREA" ||
      tag === "SELECT" ||
      element.isContentEditable
    );
  }

  function remember() {
    try {
      sessionStorage.setItem(FLAG, "1");
    } catch (error) {
      // Storage may be off; the links still work, focus just starts at the top.
    }
  }

  function follow(rel) {
    var link = root.querySelector('a[rel="' + rel + '"]');
    if (link) {
      remember();
      window.location.assign(link.href);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    if (isTyping(document.activeElement)) {
      return;
    }
    if (event.key === "ArrowLeft") {
      event.preventDefault();
      follow("prev");
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      follow("next");
    }
  });

  root.addEventListener("click", function (event) {
    var link = event.target.closest('a[rel="prev"], a[rel="next"]');
    if (link) {
      remember();
    }
  });

  var keys = root.querySelector("[data-slide-keys]");
  if (keys && window.matchMedia("(hover: hover) and (pointer: fine)").matches) {
    keys.hidden = false;
  }

  var moved = false;
  try {
    moved = sessionStorage.getItem(FLAG) === "1";
    sessionStorage.removeItem(FLAG);
  } catch (error) {
    moved = false;
  }
  if (moved) {
    var title = document.getElementById("slide-title");
    if (title) {
      title.focus({ preventScroll: true });
      title.scrollIntoView({ block: "start", behavior: "instant" });
    }
  }
})();
