"""Analysis across articles: event clusters (clusters.py) and claims compared (claims.py)."""
