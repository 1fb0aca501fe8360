"""A datatrove pipeline step: `DechaffFilter` cleans each document's text (or extracts it from the
HTML the document holds) with the dechaff cascade, writes its metadata into `doc.metadata["dechaff"]`
and keeps or drops the document by the decide step, counting in datatrove's stats like its filters.

datatrove is an optional dependency (`pip install 'dechaff[datatrove]'`): this module imports it
only when `DechaffFilter` is first looked up, so the rest of dechaff never needs it.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from dechaff.api.datatrove_step import DechaffFilter

    LocalPipelineExecutor([JsonlReader("in/"), DechaffFilter(), JsonlWriter("out/")]).run()
"""

from __future__ import annotations

from typing import Any

from dechaff.api.cleaner import Cleaner
from dechaff.api.result import Result
from dechaff.core.names import NAMES, REMOVED_PREFIX

METADATA_KEY = "dechaff"
LEFT_OUT = ("id", "source_path", "url", "extra", "fetched", "dechaff_version", "text_sha256")
"""Row columns not copied into `doc.metadata`: datatrove's document already has them, or they
describe a file of a `dechaff run`."""


def doc_metadata(result: Result) -> dict[str, object]:
    """What goes into `doc.metadata["dechaff"]`: the row (same keys for every document, so
    Parquet writers see one schema), with the removal counts gathered under `removed`."""
    row = result.metadata
    out = {
        key: value for key, value in row.items() if key not in LEFT_OUT and not key.startswith(REMOVED_PREFIX)
    }
    out["removed"] = {name: row[f"{REMOVED_PREFIX}{name}"] for name in NAMES}
    return out


def drop_reason(status: str) -> str:
    """The reason datatrove records for a dropped document (`dropped_<reason>` in its stats).

    >>> drop_reason("dropped:gopher_short_doc"), drop_reason("error:extract")
    ('gopher_short_doc', 'error_extract')
    """
    kind, _, why = status.partition(":")
    return why if kind == "dropped" else f"{kind}_{why}"


def _filter_class() -> type:
    """Build `DechaffFilter` on datatrove's `BaseFilter` (imported here, on first use)."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters.base_filter import BaseFilter
        from datatrove.pipeline.writers.disk_base import DiskWriter
    except ImportError as exc:
        raise ImportError(f"DechaffFilter needs datatrove: pip install 'dechaff[datatrove]' ({exc})") from exc

    class DechaffFilter(BaseFilter):
        """Clean `doc.text` with dechaff, then keep the document if its status is `ok`.

        `html=True`: `doc.text` is an HTML page (datatrove's WarcReader gives those); its main
        text is extracted first. The URL is read from `doc.metadata["url"]`. `rules`: a rules
        folder (None: the shipped rules). `quality_filter=False`: measure, keep every cleaned
        document. A dropped document keeps its clean text if it has one (the quality filters judged
        it), else its input, for the `exclusion_writer`.
        """

        name = "🧹 dechaff"

        def __init__(
            self,
            rules: str | None = None,
            *,
            html: bool = False,
            quality_filter: bool = True,
            domain_rules: bool = True,
            exclusion_writer: DiskWriter | None = None,
        ) -> None:
            super().__init__(exclusion_writer)
            self.html = html
            self.cleaner = Cleaner(rules, domain_rules=domain_rules, quality_filter=quality_filter)

        def filter(self, doc: Document) -> bool | tuple[bool, str]:
            url = doc.metadata.get("url")
            result = self.cleaner.clean(
                doc.text, html=self.html, url=url if isinstance(url, str) else None, doc_id=str(doc.id)
            )
            doc.metadata[METADATA_KEY] = doc_metadata(result)
            if result.text:
                doc.text = result.text
            self.stat_update("lines_removed", value=len(result.removed))
            for name, count in doc.metadata[METADATA_KEY]["removed"].items():
                if count:
                    self.stat_update(f"removed_{name}", value=count)
            return True if result.kept else (False, drop_reason(result.status))

    DechaffFilter.__module__ = __name__
    DechaffFilter.__qualname__ = "DechaffFilter"
    return DechaffFilter


def __getattr__(name: str) -> Any:
    if name == "DechaffFilter":
        built = _filter_class()
        globals()[name] = built  # once: pickles of the step find this very class
        return built
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
