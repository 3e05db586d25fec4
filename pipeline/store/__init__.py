"""The store: the SQLite schema and its views, the rows a record becomes, loading and reading them.
May import extractors (the record) and pipeline.units; never checks, corrections, web or the CLI."""
