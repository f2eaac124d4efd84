"""The desk's routers: REST API, HTML pages, API docs, ingest through the API."""
