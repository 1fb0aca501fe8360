"""What cleaning one document gives a Python caller: the clean text, its status, every removal
with its rule, the metadata row and the quality signals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dechaff.core.names import SIGNALS
from dechaff.core.outcome import Removal
from dechaff.engine.engine import DocResult


@dataclass(frozen=True, slots=True)
class Result:
    """One cleaned document.

    `text`: the clean text ("" when nothing is left or the document failed; a page the quality
    filters drop keeps its clean text, so the decision can be checked). `status`: `ok`,
    `dropped:<reason>` or `error:<step>`, as in `metadata.parquet`. `removed`: each removed line
    or span (`line_no`, `char_start`, `char_end`, `text`, `cleaner`, `rule_id`, `rule_file`).
    `metadata`: the document's row of `metadata.parquet`. `signals`: its quality signals (None
    when none were measured). `overruled`: the removals a `keep` rule stopped (`kept_by` says
    which), so the text still holds them.
    """

    text: str
    status: str
    removed: tuple[Removal, ...]
    metadata: Mapping[str, object]
    signals: Mapping[str, object]
    overruled: tuple[Removal, ...] = ()

    @property
    def kept(self) -> bool:
        """Whether the document belongs in a training set (status `ok`)."""
        return self.status == "ok"

    @classmethod
    def of(cls, doc: DocResult) -> Result:
        row = dict(doc.row)
        return cls(
            doc.text or "",
            str(row["status"]),
            tuple(r for r in doc.removed if r.kept_by is None),
            row,
            {name: row[name] for name in SIGNALS},
            tuple(r for r in doc.removed if r.kept_by is not None),
        )
