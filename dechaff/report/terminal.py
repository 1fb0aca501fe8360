"""`dechaff explain` in a terminal: kept text plain, removed text struck through and tagged, the
removals a keep rule overruled named, and what is left of a trimmed or cut line on a line below
(`= ...`, pieces of a cut separated by ┃)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from dechaff.core.names import NAMES
from dechaff.report.view import LineView

_STYLES = (
    "red",
    "magenta",
    "yellow",
    "cyan",
    "blue",
    "green",
    "bright_red",
    "bright_magenta",
    "bright_yellow",
    "bright_cyan",
    "bright_blue",
    "bright_green",
    "orange3",
    "purple",
)


def style_of(cleaner: str) -> str:
    index = NAMES.index(cleaner) if cleaner in NAMES else len(NAMES)
    return _STYLES[index % len(_STYLES)]


def render(views: Sequence[LineView], console: Console) -> None:
    for view in views:
        line = Text(f"{view.no:>5} ", style="dim")
        tags = []
        for seg in view.segments:
            if seg.removal is None:
                line.append(seg.text)
                continue
            style = style_of(seg.removal.cleaner)
            line.append(seg.text, style=f"strike {style}")
            tags.append((f"{seg.removal.cleaner}:{seg.removal.rule_id} ({seg.removal.rule_file})", style))
        for r in view.overruled:
            tags.append(
                (f"kept by site_rules:{r.kept_by} ({r.kept_by_file}) over {r.cleaner}:{r.rule_id}", "green")
            )
        for tag, style in tags:
            line.append(f"  ◂ {tag}", style=f"italic {style}")
        console.print(line, soft_wrap=True)
        if view.result:
            console.print(Text("      = " + " ┃ ".join(view.result), style="bold"), soft_wrap=True)
