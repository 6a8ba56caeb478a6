"""The catalog: the district's edits of its indicators and units."""
