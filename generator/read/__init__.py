"""Reading: the seeds folder into cleaned articles (sources.py decodes, cleaning.py drops page furniture)."""
