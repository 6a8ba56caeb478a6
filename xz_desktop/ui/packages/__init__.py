"""Packages: export and import in a unit's copy, the merge and its log, signing keys' enrolment."""
