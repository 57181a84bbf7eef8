"""briefing: news articles about diplomatic and people-to-people exchanges, turned into a briefing site.

The pipeline, one module per stage:

    seeds/ -> sources -> cleaning -> extraction (+ dates, events) -> resolution -> rendering -> writing -> mkdocs
"""

# Bump when a change to extraction or resolution changes what a seed yields: it invalidates cached extractions.
PIPELINE_VERSION = "1"
