"""HTTP API and dashboard over the DuckDB store (needs the ``api`` extra: fastapi, uvicorn).

    from froissart.api import create_app, serve
    serve("froissart.duckdb", host="127.0.0.1", port=8000)
"""

from froissart.api.app import create_app, serve

__all__ = ["create_app", "serve"]
