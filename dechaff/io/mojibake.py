"""Mojibake repair with ftfy ("Ã©tÃ©" -> "été"), line by line, each repaired line recorded.

It runs on the decoded text before normalisation, so the cascade and its provenance work on the
repaired text; the original line is kept in the removed-lines table under the `mojibake` step.
Only encoding fixes are on: quotes, ligatures, widths and HTML entities are left as written.
ftfy is imported by the first line that may need a fix (`badness.may_need_fix`): most runs have none.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from dechaff.core.names import MOJIBAKE, REMOVED_TEXT_MAX
from dechaff.core.outcome import Removal
from dechaff.io.badness import may_need_fix
from dechaff.text.normalise import split_lines

RULE_ID = "mojibake.ftfy"


@cache
def _fixer() -> tuple[Any, Any]:
    """ftfy's `fix_text` and the configuration of encoding fixes alone."""
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text, config


def repair_line(line: str) -> str:
    """The line with its mojibake undone; unchanged when ftfy's fix would split it into lines.

    >>> repair_line("L'Ã©tÃ© arrive")
    "L'été arrive"
    """
    if not may_need_fix(line):
        return line
    fix_text, config = _fixer()
    fixed = fix_text(line, config)
    return fixed if len(split_lines(fixed)) == 1 else line


def repair(text: str, rule_file: str) -> tuple[str, list[Removal]]:
    """The repaired text (same line count) and one record per repaired line, with its old text."""
    if not may_need_fix(text, whole=True):
        return text, []
    lines = split_lines(text)
    removed: list[Removal] = []
    for no, line in enumerate(lines, 1):
        fixed = repair_line(line)
        if fixed != line:
            removed.append(Removal(no, 0, len(line), line[:REMOVED_TEXT_MAX], MOJIBAKE, RULE_ID, rule_file))
            lines[no - 1] = fixed
    return ("\n".join(lines), removed) if removed else (text, [])
