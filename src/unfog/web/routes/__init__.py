"""The desk's routers, one module per concern."""
