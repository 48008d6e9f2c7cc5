"""Parley's data layer: models, ingest, library, annotations and exports.

Nothing here imports Textual: everything the TUI shows, the CLI can print too.
"""
