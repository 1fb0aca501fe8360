"""Text basics: the normal form, language identification, stop-word lists."""
