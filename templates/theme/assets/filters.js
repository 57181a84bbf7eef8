// The events page's filters: by year, relationship, kind of exchange and mechanism, over the listing the
// generator writes (data/events-listing.json). Without scripts the form stays hidden and the year pages
// list every event. The choice is kept in the address (?kind=media&year=2025), so it can be linked to.
(function () {
  "use strict";
  const SHOWN = 500; // rows drawn at once; narrower filters show the rest
  const FIELDS = ["year", "relationship", "kind", "mechanism"];
  const COLUMNS = [["Date", "date"], ["Event", "title"], ["Between", "relationship"], ["Kind", "kind"], ["Place", "place"]];

  function humanDate(date) {
    if (!date) return "date unknown";
    const [y, m, d] = date.split("-").map(Number);
    const month = m ? new Date(Date.UTC(y, m - 1, d || 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" }) : "";
    return [d, month, y].filter(Boolean).join(" ");
  }

  function options(select, rows, field) {
    const counts = new Map();
    for (const row of rows) if (row[field]) counts.set(row[field], (counts.get(row[field]) || 0) + 1);
    const values = [...counts.keys()].sort();
    if (field === "year") values.reverse();
    for (const value of values) select.add(new Option(`${value} (${counts.get(value)})`, value));
  }

  function table(rows, base) {
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    for (const [label] of COLUMNS) head.appendChild(document.createElement("th")).textContent = label;
    const body = t.createTBody();
    for (const row of rows.slice(0, SHOWN)) {
      const tr = body.insertRow();
      for (const [, field] of COLUMNS) {
        const cell = tr.insertCell();
        if (field === "title") {
          const a = cell.appendChild(document.createElement("a"));
          a.href = base + row.page;
          a.textContent = row.title;
        } else {
          cell.textContent = field === "date" ? humanDate(row.date) : row[field] || "";
        }
      }
    }
    return t;
  }

  async function start(form) {
    const url = new URL(form.dataset.listing, location.href);
    const base = new URL("..", url).href; // the site's root: the listing sits in data/
    const rows = await (await fetch(url)).json();
    const out = document.querySelector(".briefing-filtered");
    const asked = new URLSearchParams(location.search);
    for (const field of FIELDS) {
      const select = form.elements[field];
      options(select, rows, field);
      if (asked.get(field)) select.value = asked.get(field);
    }
    function apply() {
      const chosen = FIELDS.filter((f) => form.elements[f].value);
      const params = new URLSearchParams(chosen.map((f) => [f, form.elements[f].value]));
      history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
      out.replaceChildren();
      if (!chosen.length) {
        form.querySelector("output").textContent = `${rows.length} events: choose a year, relationship, kind or mechanism.`;
        return;
      }
      const found = rows.filter((row) => chosen.every((f) => row[f] === form.elements[f].value));
      const more = found.length > SHOWN ? `, the first ${SHOWN} shown` : "";
      form.querySelector("output").textContent = `${found.length} event${found.length === 1 ? "" : "s"}${more}.`;
      if (found.length) out.appendChild(table(found, base));
    }
    form.addEventListener("change", apply);
    form.hidden = false;
    apply();
  }

  const form = document.querySelector("form.briefing-filters");
  if (form) start(form).catch((error) => console.error("filters:", error));
})();
