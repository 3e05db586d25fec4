"""Text and units, the bottom layer: normalisation, names, the unit registry (data/), territory, messages.
May import nothing of the project: readers, finders and every pipeline layer build on it."""
