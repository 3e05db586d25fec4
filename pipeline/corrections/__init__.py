"""Human corrections and registry additions: the file, a pure `record + corrections → record` step, re-applying.
May import pipeline.checks, pipeline.store, pipeline.units and extractors; never web, flows or the CLI."""
