// Pagefind's search box in the header. Result links are made from the site's root, wherever the site
// is served (a GitHub Pages project site lives under /<repository>/).
window.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector(".briefing-search");
  if (!box || typeof PagefindUI === "undefined") return;
  box.id = "briefing-search";
  new PagefindUI({
    element: "#briefing-search",
    baseUrl: new URL(box.dataset.briefingRoot, location.href).pathname,
    showImages: false,
    showSubResults: true,
    resetStyles: false,
    openFilters: ["Section"],
    translations: { placeholder: "Search people, events, organizations" },
  });
  // Pagefind names its input by a title only; screen readers need a label.
  const input = box.querySelector("input");
  if (input) input.setAttribute("aria-label", "Search the briefing");
});
