"""The analyst's desk: web app (FastAPI) and the pieces the static report shares."""
