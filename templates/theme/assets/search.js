// Pagefind's search box in the header. The index is in parts (generator/publish/search.py), listed with
// the results to hide in pagefind-parts.json; Pagefind's UI searches them through assets/search/pagefind.js.
// Result links are made from the site's root, wherever the site is served (a GitHub Pages project site
// lives under /<repository>/).
window.addEventListener("DOMContentLoaded", async () => {
  const box = document.querySelector(".briefing-search");
  if (!box) return;
  const root = new URL(box.dataset.briefingRoot, location.href);
  const response = await fetch(new URL("pagefind-parts.json", root));
  if (!response.ok) return;  // a site built without its search index
  const { bundles } = await response.json();
  if (!bundles.length) return;
  // Pagefind's UI is the same in every bundle: the first one's
  const ui = new URL(bundles[0], root);
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("pagefind-ui.css", ui).href;
  document.head.append(style);
  await new Promise((loaded, failed) => {
    const script = document.createElement("script");
    script.src = new URL("pagefind-ui.js", ui).href;
    script.onload = loaded;
    script.onerror = failed;
    document.head.append(script);
  });
  box.id = "briefing-search";
  new PagefindUI({
    element: "#briefing-search",
    bundlePath: new URL("assets/search/", root).pathname,
    baseUrl: root.pathname,
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
