"""The dataset card of an export (`DIR/README.md`): the Hub's YAML header (license, languages,
size category, task, the `configs` that tell `datasets.load_dataset(DIR)` where the shards are),
then how the selection was made and the counts behind it, in tables of bounded length."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa
import yaml

from dechaff import __version__

TOP_DOMAINS = 50  # rows of the domain table; the rest are summed in one "others" row
UNDETERMINED = "und"  # no language found: not a language code the Hub's `language:` accepts
SIZE_CATEGORIES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
    (1_000_000_000, "100M<n<1B"),
)


def size_category(n: int) -> str:
    """The Hub's `size_categories` value for `n` documents.

    >>> size_category(0), size_category(999), size_category(1000), size_category(2_500_000)
    ('n<1K', 'n<1K', '1K<n<10K', '1M<n<10M')
    """
    for bound, name in SIZE_CATEGORIES:
        if n < bound:
            return name
    return "n>1B"


@dataclass(frozen=True, slots=True)
class Export:
    """What the card describes: the exported rows, what was left out and why, the shards."""

    rows: Sequence[Mapping[str, object]]
    left_out: Counter[str]
    total: int
    schema: pa.Schema
    shards: Sequence[str]
    fmt: str  # parquet | jsonl
    shard_size: int
    options: Sequence[str]  # the selection options, as typed
    license: str


def front_matter(export: Export) -> str:
    """The YAML header the Hub reads (and `datasets` uses to find the data files)."""
    languages = sorted({str(r["lang"]) for r in export.rows if r["lang"] and r["lang"] != UNDETERMINED})
    header: dict[str, object] = {"license": export.license}
    if languages:
        header["language"] = languages
    header |= {
        "size_categories": [size_category(len(export.rows))],
        "task_categories": ["text-generation"],
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": "train", "path": f"data/part-*.{export.fmt}"}],
            }
        ],
    }
    return f"---\n{yaml.safe_dump(header, sort_keys=False, allow_unicode=True)}---\n"


def dataset_card(export: Export) -> str:
    """README.md: the header, how to load, the selection, counts per language, domain and reason
    left out, the columns."""
    rows = export.rows
    versions = sorted({f"{r['ruleset_version']} (rules {r['rules_digest']})" for r in rows})
    options = ", ".join(f"`{o}`" for o in export.options)
    lines = [
        front_matter(export),
        "# Dataset card",
        "",
        f"Clean text exported by dechaff {__version__} from a run with ruleset {', '.join(versions) or '-'}.",
        f"Selection: documents with status `ok`{', ' + options if options else ''}.",
        f"License: `{export.license}` (`dechaff export --license`: what the sources' terms allow).",
        "",
        "```python",
        "import datasets",
        'datasets.load_dataset("path/to/this/folder", split="train")  # the configs above name the files',
        "```",
        "",
        f"{len(rows)} of {export.total} documents in {len(export.shards)} shards of at most "
        f"{export.shard_size}.",
        "",
        *count_table("Documents per language", "language", Counter(str(r["lang"]) for r in rows)),
        *count_table(
            "Documents per domain",
            "domain",
            Counter(str(r["domain"] or "(none)") for r in rows),
            TOP_DOMAINS,
        ),
        *count_table("Documents left out, per reason", "reason", export.left_out),
        "## Columns",
        "",
        "| column | type |",
        "| --- | --- |",
        *(f"| {f.name} | {f.type} |" for f in export.schema),
        "",
    ]
    return "\n".join(lines)


def count_table(title: str, key: str, counts: Counter[str], limit: int | None = None) -> list[str]:
    """A Markdown table, most frequent first, ties by name; past `limit` rows, one row sums the rest.

    >>> count_table("T", "k", Counter({"a": 3, "b": 2, "c": 1, "d": 1}), limit=2)[4:]
    ['| a | 3 |', '| b | 2 |', '| (2 others) | 2 |', '']
    """
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown, rest = (ranked, []) if limit is None else (ranked[:limit], ranked[limit:])
    body = [f"| {_cell(name)} | {n} |" for name, n in shown]
    if rest:
        body.append(f"| ({len(rest)} others) | {sum(n for _, n in rest)} |")
    return [f"## {title}", "", f"| {key} | documents |", "| --- | --- |", *body, ""]


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell (a domain or reason comes from the data).

    >>> _cell("a|b\\nc")
    'a\\\\|b c'
    """
    return " ".join(text.replace("|", "\\|").split())
