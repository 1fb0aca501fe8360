"""`--resume` adds to an output folder only what the same rules and settings would have written;
otherwise it refuses (exit 2, one line, nothing touched) unless told `--force-resume`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from test_inputs import ARTICLE_EN, ARTICLE_FR, article

from dechaff.cli import main
from dechaff.engine.rulebook import load_book

from conftest import rules_copy


@pytest.fixture()
def half_done(tmp_path: Path) -> tuple[Path, Path]:
    """Three documents in, an output folder holding the first two (the third shard lost to a kill)."""
    src = tmp_path / "in"
    src.mkdir()
    for name, lines in (("a", ARTICLE_EN), ("b", ARTICLE_FR), ("c", ARTICLE_EN[::-1])):
        (src / f"{name}.txt").write_text(article(lines), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(src), "--out", str(out), "--shard-size", "1", "--batch-size", "1"]) == 0
    (out / "metadata.parquet" / "part-00002.parquet").unlink()
    return src, out


def parts(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*.parquet"))


def digests(out: Path) -> set[str]:
    return set(pd.read_parquet(out / "metadata.parquet")["rules_digest"])


def test_resume_with_the_same_rules_and_settings_goes_on(
    half_done: tuple[Path, Path], tmp_path: Path
) -> None:
    src, out = half_done
    same_rules = rules_copy(tmp_path)  # another folder, same content: same digest
    assert main(["run", str(src), "--out", str(out), "--resume", "--rules", str(same_rules)]) == 0
    assert len(pd.read_parquet(out / "metadata.parquet")) == 3


def test_resume_with_other_rules_is_refused(
    half_done: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = half_done
    before = parts(out)
    changed = rules_copy(tmp_path, default_extra="\n# one more comment changes the digest\n")
    capsys.readouterr()
    assert main(["run", str(src), "--out", str(out), "--resume", "--rules", str(changed)]) == 2
    err = capsys.readouterr().err
    old, new = load_book(None).digest, load_book(changed).digest
    assert err.count("\n") == 1 and str(out) in err and old in err and new in err
    assert "--force-resume" in err
    assert parts(out) == before  # refused before anything was cleared or written

    assert main(["run", str(src), "--out", str(out), "--force-resume", "--rules", str(changed)]) == 0
    assert digests(out) == {old, new}  # every row says which rules made it
    assert len(pd.read_parquet(out / "metadata.parquet")) == 3


def test_resume_with_other_output_settings_is_refused(
    half_done: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = half_done
    capsys.readouterr()
    assert main(["run", str(src), "--out", str(out), "--resume", "--no-filter"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(out) in err and "filter" in err
    # how fast a run goes is not what it computes: a resume may change it
    args = ["--resume", "--workers", "2", "--batch-size", "3", "--time-limit", "5"]
    assert main(["run", str(src), "--out", str(out), *args]) == 0


def test_force_resume_is_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    assert "--force-resume" in capsys.readouterr().out
