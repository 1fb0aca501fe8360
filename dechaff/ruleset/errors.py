"""The one error type for bad rule files: it always names the file and the line."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class RuleFileError(Exception):
    """A rule file that cannot be used; raised at load time, before any document is processed."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' (did you mean X?)' suffix when a close known name exists, else ''.

    >>> did_you_mean("dorp", ["drop", "strip"])
    " (did you mean 'drop'?)"
    """
    close = difflib.get_close_matches(word, list(choices))  # best first, similarity 0.6 or more
    return f" (did you mean '{close[0]}'?)" if close else ""
