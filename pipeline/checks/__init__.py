"""Checks over the store: roster state, then history, then validation rules; the review queue; evaluation.
May import pipeline.store, pipeline.units and extractors; they write only their own tables, through the store."""
