"""Find and load every rule file at once (so a broken file stops the run before any work), and
pick the cascade for a document: `_default` -> language pack -> site file."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from dechaff.core.memo import on_clear
from dechaff.core.sections import Section
from dechaff.ruleset.errors import RuleFileError
from dechaff.ruleset.line_model import LineModel, load_line_model
from dechaff.ruleset.schema import ParamSpec, RuleFile, parse_rule_file

DEFAULT_FILE = "_default.yaml"
LANG_FILTERS_FILE = "lang_filters.yaml"  # optional: decide-step thresholds per language
LANG_DIR = "lang"
SITE_DIR = "sites"


def default_rules_dir() -> Path:
    """The project's `rules/`: beside the package in a checkout, inside it when installed as a wheel."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "rules", here / "_rules"):
        if (candidate / DEFAULT_FILE).is_file():
            return candidate
    raise FileNotFoundError(f"no rules folder with {DEFAULT_FILE} next to {here}")


@dataclass(frozen=True, slots=True)
class RuleBook:
    """All rule files of one rules folder, validated."""

    root: Path
    default: RuleFile
    langs: dict[str, RuleFile]
    sites: tuple[RuleFile, ...]
    lang_filters: RuleFile | None = None
    line_model: LineModel | None = None  # `models/lines.json`: the classifier's second opinion

    @property
    def files(self) -> tuple[RuleFile, ...]:
        extra = (self.lang_filters,) if self.lang_filters is not None else ()
        return (self.default, *extra, *self.langs.values(), *self.sites)

    @property
    def version(self) -> str:
        return self.default.ruleset_version or ""

    @property
    def digest(self) -> str:
        """One hash over every file's place in the folder and content (the line model's too): two
        runs with equal digests used the same rules. The place counts: a site file without
        `domains:` is for the site its name says, and `lang/` or `sites/` says what a file is."""
        model = self.line_model.sha if self.line_model is not None else ""
        files = (f"{self.path_of(f).relative_to(self.root).as_posix()}\0{f.sha}\n" for f in self.files)
        return hashlib.sha256("".join([*files, model]).encode()).hexdigest()[:16]

    def without_line_model(self) -> RuleBook:
        """The same rules with the classifier alone deciding (what a line model is fitted on)."""
        return replace(self, line_model=None)

    def path_of(self, rule_file: RuleFile) -> Path:
        """Where a loaded file lives on disk (its label starts with the folder's display name)."""
        return self.root.joinpath(*Path(rule_file.path).parts[1:])

    def site_for_host(self, host: str | None) -> RuleFile | None:
        """The site file whose domain is the host or a parent of it (longest match wins)."""
        if not host:
            return None
        host = host.lower().rstrip(".")
        best: tuple[int, RuleFile] | None = None
        for site in self.sites:
            for domain in site.domains:
                if (host == domain or host.endswith("." + domain)) and (
                    best is None or len(domain) > best[0]
                ):
                    best = (len(domain), site)
        return best[1] if best else None

    def cascade(self, lang: str, site: RuleFile | None) -> tuple[RuleFile, ...]:
        files = [self.default]
        pack = self.langs.get(_lang_of(lang, site))
        if pack is not None:
            files.append(pack)
        if site is not None:
            files.append(site)
        return tuple(files)

    def filter_sections(self, lang: str, site: RuleFile | None) -> list[Section | None]:
        """The decide step's `filters:` sections, later ones winning: the default file's, the
        language's in `lang_filters.yaml` (its common part, then its own), the language pack's
        and the site file's."""
        sections: list[Section | None] = [self.default.filters]
        table = self.lang_filters
        own = (table.languages or {}).get(_lang_of(lang, site)) if table is not None else None
        if table is not None and own is not None:
            sections += [table.filters, own]
        return sections + [f.filters for f in self.cascade(lang, site)[1:]]


def _lang_of(lang: str, site: RuleFile | None) -> str:
    """The language whose rules apply: the site file's when it names one, else the detected one."""
    return site.lang if site is not None and site.lang else lang


def load_rulebook(root: Path, params: ParamSpec) -> RuleBook:
    """Load and validate every file under `root`; raises RuleFileError naming file and line."""
    label = "rules" if root.name == "_rules" else root.name
    default_path = root / DEFAULT_FILE
    if not default_path.is_file():
        raise RuleFileError(f"{label}/{DEFAULT_FILE}", 1, f"missing: every rules folder needs {DEFAULT_FILE}")
    default = _load(default_path, f"{label}/{DEFAULT_FILE}", "default", params)
    langs: dict[str, RuleFile] = {}
    for path in sorted((root / LANG_DIR).glob("*.yaml")):
        pack = _load(path, f"{label}/{LANG_DIR}/{path.name}", "lang", params)
        if pack.lang != path.stem:
            raise RuleFileError(
                pack.path, 1, f"lang '{pack.lang}' does not match the file name '{path.stem}'"
            )
        langs[path.stem] = pack
    sites = tuple(
        _load(p, f"{label}/{SITE_DIR}/{p.name}", "site", params)
        for p in sorted((root / SITE_DIR).glob("*.yaml"))
    )
    _check_site_domains(sites)
    table_path = root / LANG_FILTERS_FILE
    table = None
    if table_path.is_file():
        table = _load(table_path, f"{label}/{LANG_FILTERS_FILE}", "lang_filters", params)
    return RuleBook(root, default, langs, sites, table, load_line_model(root, label))


def _load(path: Path, label: str, kind: str, params: ParamSpec) -> RuleFile:
    """The file read and validated; a file read before with the very same text is not parsed
    again (`_PARSED`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(label, 1, f"cannot read: {exc}") from None
    key = (text, label, kind, path.stem)
    found = _PARSED.get(key)
    if found is not None and found[0] is params:
        return found[1]
    parsed = parse_rule_file(text, label, kind, path.stem, params)
    if len(_PARSED) >= _MAX_PARSED:
        _PARSED.clear()
    _PARSED[key] = (params, parsed)
    return parsed


# (text, label, kind, name) -> (the parameter specs it was checked against, the parsed file). A
# process that loads its rules again (each `run` of a library user or of `dechaff bench`: 0.1 s of
# YAML and checks, before any document) reads the files and parses only what changed. A RuleFile
# is frozen: every book that holds it may share it. A file that fails is not kept, so it fails
# again with the same error.
_PARSED: dict[tuple[str, str, str, str], tuple[ParamSpec, RuleFile]] = {}
_MAX_PARSED = 256  # files; the shipped folder has 13
on_clear(_PARSED.clear)  # `memo.clear_all` frees them (and the regexes they compiled) too


def _check_site_domains(sites: Sequence[RuleFile]) -> None:
    owner: dict[str, str] = {}
    for site in sites:
        for domain in site.domains:
            if domain in owner:
                raise RuleFileError(site.path, 1, f"domain '{domain}' is already claimed by {owner[domain]}")
            owner[domain] = site.path
