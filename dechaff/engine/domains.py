"""Which site a document comes from: declared in a manifest, read from its URL, or recognised by
the content fingerprints that site files declare (for dumps whose URL was lost)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from dechaff.ruleset.loader import RuleBook
from dechaff.ruleset.patterns import RegexSet, search_set
from dechaff.ruleset.schema import Fingerprint, RuleFile
from dechaff.text.normalise import fold


@dataclass(frozen=True, slots=True)
class DomainMatch:
    """The resolved domain, how it was found, and the site file that applies (if any)."""

    domain: str | None
    source: str  # declared (manifest, --domain, domain=) | url | fingerprint | none
    site: RuleFile | None


NO_DOMAIN = DomainMatch(None, "none", None)  # no site known: the cascade of the default and language files


def host_of(url: str | None) -> str | None:
    """The lowercased host of a URL, without a leading 'www.'.

    >>> host_of("https://www.BFMTV.com/international/x.html")
    'bfmtv.com'
    """
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


class DomainResolver:
    """Built once per rule book; fingerprints of every site are tested in one RE2 pass per line."""

    def __init__(self, book: RuleBook) -> None:
        self.book = book
        self.prints: list[tuple[Fingerprint, RuleFile]] = [
            (fp, s) for s in book.sites for fp in s.fingerprints
        ]
        self.regexes = RegexSet([fp.regex for fp, _ in self.prints])
        sources = [fp.regex.pattern for fp, _ in self.prints]
        whole = not any(map(_LINE_ONLY.search, sources))
        self._page_sources = ["(?m)" + source for source in sources] if whole else None
        self._page_set: Any = None

    def resolve(self, lines: Sequence[str], url: str | None, declared: str | None) -> DomainMatch:
        if declared:
            host = declared.lower().removeprefix("www.")
            site = self.book.site_for_host(host)
            return DomainMatch(site.domains[0] if site else host, "declared", site)
        host = host_of(url)
        if host:
            site = self.book.site_for_host(host)
            return DomainMatch(site.domains[0] if site else host, "url", site)
        site = self.fingerprint(lines)
        if site is not None:
            return DomainMatch(site.domains[0], "fingerprint", site)
        return NO_DOMAIN

    def fingerprint(self, lines: Sequence[str]) -> RuleFile | None:
        """The site whose fingerprints score highest, if it reaches that site's threshold."""
        if not self.prints or not self._anywhere(lines):
            return None
        fired: set[int] = set()
        n = len(lines)
        for i, text in enumerate(lines):
            for k in self.regexes.matches(fold(text)):
                fp = self.prints[k][0]
                if (fp.top is None or i < fp.top) and (fp.bottom is None or i >= n - fp.bottom):
                    fired.add(k)
        scores: dict[str, tuple[float, RuleFile]] = {}
        for k in fired:
            fp, site = self.prints[k]
            score = scores.get(site.path, (0.0, site))[0] + fp.weight
            scores[site.path] = (score, site)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))
        for _, (score, site) in ranked[:1]:
            if score >= site.fingerprint_threshold:
                return site
        return None

    def _anywhere(self, lines: Sequence[str]) -> bool:
        """Whether a fingerprint may match one of the lines, asked of the whole page in one RE2 pass
        (multi-line: `^` and `$` at each line's ends), which finds every line's match and maybe
        more (`[^)]` may run over a line's end): the lines are asked one by one only then. Line by
        line, a dev dump took 0.38 ms, mostly to find no fingerprint at all. Not asked when a
        fingerprint anchors at the text's ends or turns multi-line off (`_LINE_ONLY`), nor of a
        page over `PAGE_CHARS` (joined, it would be a second copy of a huge page)."""
        if self._page_sources is None or sum(map(len, lines)) > PAGE_CHARS:
            return True
        if self._page_set is None:
            self._page_set = search_set(self._page_sources) or False
        if self._page_set is False:
            return True
        return bool(self._page_set.Match("\n".join(map(fold, lines))))


# a line's start or end that is not the page's, in a whole page: `\A`, `\z`, multi-line turned
# off by a flag group (`(?-m)`, `(?-sm)`, `(?i-sm:`)
_LINE_ONLY = re.compile(r"\\[Az]|\(\?[a-zA-Z]*-[a-zA-Z]*m")
PAGE_CHARS = 1 << 20
