"""The plan's management tools (issue 13): target decomposition, per-unit progress, assessment,
the talent development index and the annual evaluation report. Rules are in ``domain/`` (targets,
assessment, talent_index); SQL in ``store/targets.py``; this package ties them to a database."""
