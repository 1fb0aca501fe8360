"""The README's "Add a new site" walkthrough, run as written: its shell blocks in order (in a temp
folder instead of /tmp/gazette), the reviewed rule file it shows written where it says, and what
its text claims checked against what the commands print."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd

from conftest import ROOT

SITE = "gazette-du-lac.example"


def _section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## Add a new site\n")[1].split("\n## ")[0]


def _blocks(section: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section, flags=re.S)


def _bash(script: str, work: Path) -> str:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    run = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", script.replace("/tmp/gazette", str(work))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, f"{script}\n{run.stdout}\n{run.stderr}"
    return run.stdout


def test_add_a_new_site_walkthrough(tmp_path: Path) -> None:
    section = _section()
    first, last = _blocks(section, "bash")
    (reviewed,) = _blocks(section, "yaml")
    (summary,) = _blocks(section, "text")
    work = tmp_path / "gazette"

    out = _bash(first, work)
    proposals = [line for line in out.splitlines() if line.startswith("  - {")]
    assert len(proposals) == 1 and "(?P<cut>" in proposals[0]
    assert out.rstrip().endswith(summary.strip())  # the diff's last line, as the README shows it
    site = work / "rules" / "sites" / f"{SITE}.yaml"
    assert "suggested: true" in site.read_text(encoding="utf-8")

    site.write_text(reviewed, encoding="utf-8")  # the review: the file as the README shows it
    out = _bash(last, work)
    assert "0 error(s), 0 warning(s)" in out
    assert "1 passed, 0 failed" in out
    assert "line 2 'Le marché couvert rouvre ses portes après deux ans de travaux'" in out  # its side effect
    assert "mean F1 1.0000" in out and "mean F1 1.0000" in section
    assert "DEAD" not in out.split("rules of rules/sites/")[1].split("generic cleaners")[0]
    first_page = pd.read_parquet(work / "out" / "metadata.parquet").sort_values("id").iloc[0]
    assert (first_page["published"], first_page["published_text"]) == (
        "2024-03-02T08:30",
        "2 mars 2024 à 08h30",
    )
    assert pd.isna(first_page["section"])  # the menu line no longer passes for a breadcrumb trail
    assert "`2024-03-02T08:30`" in section and '"2 mars 2024 à 08h30"' in section
