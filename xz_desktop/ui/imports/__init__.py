"""Figures coming in from files: the CSV import."""
