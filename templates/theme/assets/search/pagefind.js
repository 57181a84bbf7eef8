// What Pagefind's UI loads as "pagefind.js": Pagefind's own module, searching every part of the index at
// once, with the records hidden that a newer part replaces (generator/publish/search.py). Filter counts
// leave the hidden records out too.
const root = new URL("../../", import.meta.url);
const { bundles, hidden } = await (await fetch(new URL("pagefind-parts.json", root))).json();
const pagefind = await import(new URL("pagefind.js", new URL(bundles[0], root)).href);

const shown = (result) => !(result.id in hidden);

// counts: {filter: {value: n}}, less what `records` (the hidden ones among some results) add to them
function less(counts, records) {
  const out = structuredClone(counts || {});
  for (const record of records) {
    for (const [filter, values] of Object.entries(hidden[record.id] || {})) {
      for (const value of values) {
        if (out[filter] && out[filter][value]) out[filter][value] -= 1;
      }
    }
  }
  return out;
}

const allHidden = Object.keys(hidden).map((id) => ({ id }));

export async function options(settings) {
  await pagefind.options(settings);
  for (const part of bundles.slice(1)) {
    await pagefind.mergeIndex(new URL(part, root).pathname, { baseUrl: settings.baseUrl });
  }
}

// A search's answer without the hidden records, its counts corrected
async function visible(found, term, settings) {
  if (!found) return found;
  // the hidden records among all results for the term, whatever the filters: what the counts include
  const unfiltered = settings && settings.filters && Object.keys(settings.filters).length
    ? await pagefind.search(term, { ...settings, filters: {} }) : found;
  const stale = unfiltered.results.filter((r) => !shown(r));
  return {
    ...found,
    results: found.results.filter(shown),
    unfilteredResultCount: found.unfilteredResultCount - stale.length,
    filters: less(found.filters, stale),
    totalFilters: less(found.totalFilters, allHidden),
  };
}

export async function search(term, settings) {
  return visible(await pagefind.search(term, settings), term, settings);
}

export async function debouncedSearch(term, settings, wait) {
  return visible(await pagefind.debouncedSearch(term, settings, wait), term, settings);
}

export async function filters() {
  return less(await pagefind.filters(), allHidden);
}

export const { init, preload, mergeIndex, destroy, createInstance } = pagefind;
