"""Publishing: the generated Markdown pages into the HTML site (MkDocs) and its search index (Pagefind), each
step costing what changed since the last build, and proven equal to a whole build (tests/test_publishing.py).

`site.build_site` runs it: the previous site is linked into a staging folder, MkDocs writes the pages whose
source changed into a folder of their own, those replace their old versions in the staging folder, the
search index is updated, and the staging folder swaps with the site in one step. What a build may skip is
decided by `rebuild.built` from the record of what the last build read; `html` and `search` are told, never
ask."""
