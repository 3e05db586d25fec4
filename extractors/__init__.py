"""Readers (file -> Document) and finders (Document -> extraction record)."""

EXTRACTOR_VERSION = "0.5.0"
