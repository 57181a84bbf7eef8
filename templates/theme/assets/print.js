// On paper a link is its address, printed after it (briefing.css, @media print). The address a link holds may
// be relative ("../events/x.html"), which a reader cannot type; the browser knows the whole one (a.href), so it
// goes beside the link for the print stylesheet. Without scripts the relative address is printed.
(function () {
  "use strict";
  for (const a of document.querySelectorAll(".md-content a[href]:not([href^='#'])")) a.dataset.url = a.href;
})();
