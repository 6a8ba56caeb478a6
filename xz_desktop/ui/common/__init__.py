"""Shared by the pages: the table model, views, dialogs, operations and tasks, settings, the language."""
