"""The HTTP API and web UI (FastAPI): `create_app(store)` builds it, `serve()` runs it.

Imported lazily by the CLI so that other commands do not load FastAPI.
"""
