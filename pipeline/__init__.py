"""Records, normalisation, unit registry, storage, validation and the CLI."""
