/* Language switch that keeps the reader's place.
 *
 * An article and its mirror share their segment ids (title, lede, s1, s1-p2,
 * s2-l1-i3), so the switch link can carry the id of the block the reader is
 * looking at: the other page then opens at that block (the browser scrolls to
 * the fragment; Material's `:target` scroll margin clears the header). The link
 * is updated just before it is used (pointer, focus, click, context menu), so
 * mouse, keyboard and "open in new tab" all carry the place. It has
 * target="_self", which Material's instant navigation and its own language
 * helper leave alone: switching language is a full load (new lang and dir).
 */
(function () {
  "use strict";
  var SEGMENT = /^(?:title|lede|s\d+(?:-[pl]\d+(?:-i\d+)?)?)$/;

  // The segment the reader is at: the first one (innermost: a list item rather
  // than its list) with more than a line still showing under the header.
  function segmentInView() {
    if (window.scrollY < 8) return "";
    var header = document.querySelector(".md-header");
    var top = (header ? header.getBoundingClientRect().bottom : 0) + 24;
    var blocks = document.querySelectorAll("article [id]");
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (!SEGMENT.test(block.id) || block.getClientRects().length === 0) continue;
      if (block.querySelector("[id^='" + block.id + "-']")) continue;  // a list: look at its items
      if (block.getBoundingClientRect().bottom > top) return block.id;
    }
    return "";
  }

  function carryPlace(event) {
    var link = event.currentTarget;
    var base = link.getAttribute("data-ex-href");
    if (base === null) {
      base = link.getAttribute("href").split("#")[0];
      link.setAttribute("data-ex-href", base);
    }
    var id = segmentInView();
    link.setAttribute("href", id ? base + "#" + id : base);
  }

  // A run of passages not yet translated (or outdated) is one group under one notice, which
  // the stylesheet keeps in view under the header while the group is (sticky). A jump to a
  // passage of the group (#s1-p2) must land below that notice: each group gets its notice's
  // height as --ex-notice-height, which the stylesheet adds to the target's scroll margin.
  // Measured now (this script runs before the browser's scroll to the fragment settles) and
  // again whenever a notice changes size (web font loaded, phone turned, text zoomed).
  function measureNotices() {
    var notices = document.querySelectorAll(".ex-pending > .ex-notice");
    function measure(notice) {
      notice.parentNode.style.setProperty("--ex-notice-height", notice.getBoundingClientRect().height + "px");
    }
    for (var i = 0; i < notices.length; i++) measure(notices[i]);
    if (notices.length && "ResizeObserver" in window) {
      var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { measure(entry.target); });
      });
      for (var j = 0; j < notices.length; j++) observer.observe(notices[j]);
    }
  }

  // Material's search dialog (role=dialog) has no accessible name (axe
  // aria-dialog-name): name it after its own search field's label.
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input[aria-label]");
    if (dialog && input && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
    }
  }

  // Material reads the search query on key release. Text that arrives without a key
  // (pasted with the mouse, dictated, dropped, inserted by an input method or an
  // on-screen keyboard) fires only "input": hand such a change on as a key release.
  function searchOnInput() {
    var input = document.querySelector(".md-search__input");
    if (!input) return;
    input.addEventListener("input", function (event) {
      if (event.isComposing) return;  // an input method is still composing: its keys come later
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }

  function setup() {
    measureNotices();
    nameSearchDialog();
    searchOnInput();
    var links = document.querySelectorAll("a.ex-switch__link");
    for (var i = 0; i < links.length; i++) {
      ["pointerdown", "focus", "click", "contextmenu"].forEach(function (name) {
        links[i].addEventListener(name, carryPlace);
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
