"""Rebuilds: the one part of the code that knows earlier runs exist.

Every stage (read, extract, resolve, site, write) is a pure function of its inputs. This package wraps them
so that a generate does only what its inputs' changes require, and its output is byte for byte that of a
generate from nothing:

- `versions`: what the code of a stage is, as a hash of its source files;
- `store`: the kept state, SQLite databases in one folder beside the output (never inside it, never pickle);
- `extractions`: extraction cached by what it depends on (the seed's bytes, the extraction code, the model),
  and the seeds' snapshot (size and time) that spares reading unchanged seeds;
- `reads`: what rendering each page actually read, recorded while it rendered, so a page is rendered again
  exactly when something it read changed;
- `earlier`: `Earlier`, which the pipeline asks what it may skip;
- `built`: what the last build of the HTML site read (recorded in the site), and so which pages the next
  one builds (generator/publish/).

A missing, stale or damaged state is a logged warning and a full rebuild, never a wrong output.
"""
