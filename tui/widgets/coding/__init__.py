"""Widgets for coding passages: tag picker, note editor, dialogs and passage lists."""
