"""What people read: Datasette (metadata, canned queries, plugins, serve) and the yearly roster report.
May import every pipeline layer below (corrections, checks, store, units) and extractors; never flows or the CLI."""
