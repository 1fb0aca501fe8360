"""Hostile inputs and hostile neighbours, each built in a temp dir and run through the real CLI.

One test per defect of the reliability and security audit, named after what it protects.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import psutil
import pytest
import re2
from lxml import html as lhtml

from dechaff.cli import main
from dechaff.io.atomic import is_temp
from dechaff.io.inputs import InputSetupError

from conftest import rules_copy

# Long enough French prose for the cascade to keep.
PROSE = (
    "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine, après un "
    "long débat entre la majorité et l'opposition sur les investissements prévus dans les écoles."
)

# Every element our report and explain pages are made of; anything else came from a page.
OUR_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "main", "p", "span",
    "b", "ul", "li", "a", "table", "tr", "th", "td", "section", "div",
}  # fmt: skip


def hostile_page(tmp_path: Path) -> Path:
    """An HTML page whose metadata carries markup once its entities are decoded."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(
        '<html><head><meta property="og:site_name" content="&lt;Img Src=X Onerror=alert(1)&gt;">'
        "<title>T &lt;script&gt;alert(2)&lt;/script&gt;</title></head>"
        f"<body><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>",
        encoding="utf-8",
    )
    # An unreadable WARC: its error message quotes the file's first line.
    (folder / "bad.warc").write_text("<svg/onload=alert(document.domain)>\nrest\n", encoding="utf-8")
    return folder


def assert_inert(page: Path) -> None:
    """No handler attribute, no element the page supplied, no script allowed by the page's policy."""
    tree = lhtml.fromstring(page.read_text(encoding="utf-8"))
    handlers = [(e.tag, a) for e in tree.iter() for a in e.attrib if a.lower().startswith("on")]
    assert handlers == []
    assert {e.tag for e in tree.iter() if isinstance(e.tag, str)} <= OUR_ELEMENTS
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert policy and "default-src 'none'" in policy[0] and "script-src" not in policy[0]


def test_report_escapes_page_metadata_and_error_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["run", str(hostile_page(tmp_path)), "--out", str(out), "--workers", "1"]) == 0
    report = tmp_path / "report.html"
    assert main(["report", str(out), "--html", str(report)]) == 0
    assert_inert(report)
    text = report.read_text(encoding="utf-8").lower()
    assert "&lt;img src=x onerror=alert(1)&gt;" in text  # shown as text, not dropped
    assert "&lt;svg/onload=alert(document.domain)&gt;" in text


def test_explain_html_escapes_page_metadata(tmp_path: Path) -> None:
    page = hostile_page(tmp_path) / "page.html"
    out = tmp_path / "explain.html"
    assert main(["explain", str(page), "--html", str(out)]) == 0
    assert_inert(out)


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Nine levels of nine aliases each: 9**9 (387 million) values once expanded."""
    lines = ["version: 1", "domains: [bomb.example]", 'a0: &a0 ["x"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append(f"rules: *a{levels}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (alias_bomb(), "aliases expand to more than"),
        ("version: 1\ndomains: [loop.example]\nrules: &a [*a]\n", "refers to the value that contains it"),
        ("version: 1\nrules: " + "[" * 5000 + "]" * 5000 + "\n", "nested deeper than"),
    ],
    ids=["alias_bomb", "alias_cycle", "deep_nesting"],
)
def test_rule_file_alias_limits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    rules = rules_copy(tmp_path, {"bomb.example": text})
    started = time.perf_counter()
    assert main(["rules", "lint", str(rules / "sites" / "bomb.example.yaml")]) == 1
    out_dir = tmp_path / "o"
    assert main(["run", str(hostile_page(tmp_path)), "--out", str(out_dir), "--rules", str(rules)]) == 2
    assert time.perf_counter() - started < 2.0
    out = capsys.readouterr()
    for printed in (out.out, out.err):
        (line,) = [x for x in printed.splitlines() if message in x]
        assert "bomb.example.yaml:" in line  # file:line
    assert not out_dir.exists()


def dump_folder(tmp_path: Path, name: str = "dumps") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(f"Titre\n\n{PROSE}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("where", ["same", "inside", "contains"])
def test_out_never_overlaps_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    dumps = dump_folder(tmp_path / "work")
    (dumps / "metadata.parquet").write_bytes(b"the user's own table")
    out = {"same": dumps, "inside": dumps / "out", "contains": tmp_path / "work"}[where]
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert main(["run", str(dumps), "--out", str(out), "--force"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("error: --out") and str(dumps) in line
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert (dumps / "metadata.parquet").read_bytes() == b"the user's own table"


def test_out_with_foreign_files_needs_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dumps = dump_folder(tmp_path)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.md").write_text("my notes", encoding="utf-8")
    assert main(["run", str(dumps), "--out", str(out)]) == 2
    assert "'notes.md'" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["notes.md"]
    assert main(["run", str(dumps), "--out", str(out), "--force"]) == 0
    assert (out / "notes.md").read_text(encoding="utf-8") == "my notes"
    assert main(["run", str(dumps), "--out", str(tmp_path / "new")]) == 0
    assert main(["run", str(dumps), "--out", str(tmp_path / "new")]) == 0  # its own output: fine


def test_a_hidden_file_in_out_is_left_alone_and_needs_no_force(tmp_path: Path) -> None:
    # `dechaff run ... --out out > out/.log`: the shell's log is no other tool's output
    dumps = dump_folder(tmp_path)
    out = tmp_path / "mine"
    out.mkdir()
    (out / ".log").write_text("the run's log", encoding="utf-8")
    assert main(["run", str(dumps), "--out", str(out)]) == 0
    assert main(["run", str(dumps), "--out", str(out)]) == 0  # a fresh run over its own output
    assert (out / ".log").read_text(encoding="utf-8") == "the run's log"
    assert (out / "metadata.parquet").exists()


def test_overlong_ids_get_capped_file_names(tmp_path: Path) -> None:
    dumps = tmp_path / "in"
    dumps.mkdir()
    long_record = "é" * 300  # 600 bytes
    records = [{"id": long_record, "text": PROSE}, {"id": long_record + "x", "text": PROSE + " Fin."}]
    (dumps / "recs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    stem = "x" * 251  # the longest stem whose file name fits; `.txt.part` would not
    (dumps / f"{stem}.txt").write_text(f"{PROSE}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]) == 0
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    assert set(rows.index) == {stem, f"recs/{long_record}", f"recs/{long_record}x"}  # full ids
    assert set(rows["status"]) == {"ok"}
    files = sorted(out.joinpath("text").rglob("*.txt"))
    assert len(files) == 3 and all(len(f.name.encode()) <= 255 - len(".part") for f in files)
    texts = sorted(f.read_text(encoding="utf-8") for f in files)
    assert texts == sorted([f"{PROSE}\n", f"{PROSE}\n", f"{PROSE} Fin.\n"])  # distinct ids, distinct files


def test_unwritable_text_file_costs_one_document(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    (dumps / "b.txt").write_text(f"{PROSE}\n", encoding="utf-8")
    out = tmp_path / "out"
    (out / "text" / "a.txt").mkdir(parents=True)  # a folder where a's text file goes
    (out / "text" / "a.txt" / "keep.md").write_text("not the tool's", encoding="utf-8")  # so it stays
    assert main(["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]) == 0
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    assert rows.loc["a", "status"] == "error:write" and "a.txt" in rows.loc["a", "error"]
    assert rows.loc["b", "status"] == "ok" and (out / "text" / "b.txt").is_file()


def test_planted_links_are_never_followed(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    out = tmp_path / "out"
    assert main(["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]) == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Links where the tool's temp files used to go, at a text file's final name, and a folder link.
    for planted in ("text/b.txt.part", ".run.json.tmp", "text/c.txt"):
        out.joinpath(planted).symlink_to(victim)
    out.joinpath("text", "recs").symlink_to(elsewhere, target_is_directory=True)
    (dumps / "b.txt").write_text(f"{PROSE}\n", encoding="utf-8")
    (dumps / "c.txt").write_text(f"{PROSE} Deux.\n", encoding="utf-8")
    (dumps / "recs.jsonl").write_text(json.dumps({"id": "r", "text": PROSE}) + "\n", encoding="utf-8")
    args = ["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter", "--resume"]
    assert main(args) == 0
    assert victim.read_text(encoding="utf-8") == "not yours" and list(elsewhere.iterdir()) == []
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    assert rows.loc["recs/r", "status"] == "error:write" and "recs" in rows.loc["recs/r", "error"]
    for name in ("b", "c"):
        path = out / "text" / f"{name}.txt"
        assert rows.loc[name, "status"] == "ok" and path.is_file() and not path.is_symlink()
    assert not (out / "run.json").is_symlink()


def test_one_run_at_a_time_per_out_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dumps = dump_folder(tmp_path)
    out = tmp_path / "out"
    hold = (
        "import pathlib, sys\nfrom dechaff.io.lock import out_lock\n"
        "with out_lock(pathlib.Path(sys.argv[1])): print('held', flush=True); input()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        start = time.monotonic()
        assert main(["run", str(dumps), "--out", str(out), "--workers", "1"]) == 2
        assert time.monotonic() - start < 2.0  # a live holder is not waited for (`ORPHANS_WAIT`)
        (line,) = capsys.readouterr().err.splitlines()
        assert f"in use by another run (pid {holder.pid} on host {socket.gethostname()}" in line
        assert not (out / "metadata.parquet").exists()
    finally:
        holder.kill()  # like kill -9: its lock file stays behind, naming a dead process
        holder.wait()
    assert json.loads((out / "run.lock").read_text(encoding="utf-8"))["pid"] == holder.pid
    assert main(["run", str(dumps), "--out", str(out), "--workers", "1"]) == 0
    assert not (out / "run.lock").exists() and (out / "text" / "a.txt").is_file()


# A run that dies (as under kill -9) while a worker it forked, which holds the lock's file open,
# lives on for argv[2] seconds: the kernel keeps the lock until the worker has gone too.
ORPHANED_LOCK = """
import os, pathlib, sys, time
from dechaff.io.lock import _take
_take(pathlib.Path(sys.argv[1]))
if os.fork() == 0:
    os.close(1)  # the test reads the run's output to its end: the worker is not waited for
    os.close(2)
    time.sleep(float(sys.argv[2]))
    os._exit(0)
print(os.getpid(), flush=True)
os._exit(0)
"""


@pytest.mark.parametrize(("worker_lives", "reaped"), [(0.4, True), (0.4, False), (3.0, True)])
def test_a_lock_its_dead_runs_workers_still_hold_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, worker_lives: float, reaped: bool
) -> None:
    """A run killed with its workers still dying (a `--resume` right after `kill -9`, its parent
    reaped or not yet: a zombie): the lock is taken once they have gone, if they go within
    `ORPHANS_WAIT`, else the run is refused, saying why."""
    from dechaff.io import lock

    monkeypatch.setattr(lock, "ORPHANS_WAIT", 1.5)
    out = tmp_path / "out"
    out.mkdir()
    run = subprocess.Popen(
        [sys.executable, "-c", ORPHANED_LOCK, str(out), str(worker_lives)], stdout=subprocess.PIPE
    )
    try:
        assert run.stdout is not None
        pid = int(run.stdout.readline())
        while psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:  # it has ended: the worker lives on
            time.sleep(0.01)
        if reaped:
            run.wait()
        start = time.monotonic()
        if worker_lives < lock.ORPHANS_WAIT:
            with lock.out_lock(out):
                assert json.loads((out / "run.lock").read_text(encoding="utf-8"))["pid"] == os.getpid()
            assert 0.05 < time.monotonic() - start < lock.ORPHANS_WAIT  # it waited, and not in vain
        else:
            busy = f"in use by another run \\(pid {pid} .*processes it started still hold the lock"
            with pytest.raises(InputSetupError, match=busy), lock.out_lock(out):
                pass
            assert time.monotonic() - start >= lock.ORPHANS_WAIT
    finally:
        run.wait()


@pytest.mark.parametrize("pid", [4294967296, -1, 0, "12", None])
def test_a_held_lock_naming_no_process_is_refused_at_once(tmp_path: Path, pid: object) -> None:
    """A lock file whose pid can be no process's (too large, not a number) while the lock is held:
    refused at once, as any held lock, and no pid is asked of the system (psutil raises on 2**32)."""
    from dechaff.io import lock

    out = tmp_path / "out"
    out.mkdir()
    held = os.open(out / "run.lock", os.O_RDWR | os.O_CREAT)
    try:
        os.write(held, json.dumps({"pid": pid, "host": socket.gethostname()}).encode())
        fcntl.flock(held, fcntl.LOCK_EX)
        start = time.monotonic()
        with pytest.raises(InputSetupError, match="in use by another run"), lock.out_lock(out):
            pass
        assert time.monotonic() - start < 1.0
    finally:
        os.close(held)


@pytest.mark.parametrize("pid", ["live", "dead", 4294967296, -1, None])
def test_without_flock_the_pid_in_the_lock_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pid: object
) -> None:
    """On a file system without `flock`, a lock naming a live process of this host is respected
    (with how to clear it); one naming an ended process, or no process at all, is taken over."""
    from dechaff.io import lock

    def no_flock(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "no locks here")

    monkeypatch.setattr(lock.fcntl, "flock", no_flock)
    if pid == "dead":
        ended = subprocess.Popen([sys.executable, "-c", "pass"])
        ended.wait()  # reaped: its pid names no process
        pid = ended.pid
    holder = os.getppid() if pid == "live" else pid
    out = tmp_path / "out"
    out.mkdir()
    (out / "run.lock").write_text(json.dumps({"pid": holder, "host": socket.gethostname()}), encoding="utf-8")
    if pid == "live":
        with pytest.raises(InputSetupError, match="if that run is over, remove"), lock.out_lock(out):
            pass
        return
    with lock.out_lock(out):
        assert json.loads((out / "run.lock").read_text(encoding="utf-8"))["pid"] == os.getpid()


# Every document takes an hour: the run is still going when the test kills it.
STUCK_RUN = """
import sys, time
from dechaff.cli import main
from dechaff.io.atomic import is_temp
from dechaff.engine.engine import Engine
Engine.process = lambda self, source: time.sleep(3600)
sys.exit(main(sys.argv[1:]))
"""


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    (dumps / "b.txt").write_text(f"{PROSE}\n", encoding="utf-8")
    args = ["run", str(dumps), "--out", str(tmp_path / "out"), "--workers", "2", "--batch-size", "1"]
    parent = subprocess.Popen(
        [sys.executable, "-c", STUCK_RUN, *args, "--time-limit", "0"], stderr=subprocess.DEVNULL
    )
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = psutil.Process(parent.pid).children(recursive=True)
        assert len(workers) >= 2
        parent.kill()  # kill -9: no chance to shut its pool down
        parent.wait()
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == []
    finally:
        parent.kill()
        for worker in workers:
            if worker.is_running():
                worker.kill()


# Document `b` takes an hour; the others are cleaned as usual.
STUCK_ON_B = """
import sys, time
from dechaff.cli import main
from dechaff.io.atomic import is_temp
from dechaff.engine.engine import Engine
real = Engine.process
Engine.process = lambda self, source: time.sleep(3600) if source.id == "b" else real(self, source)
sys.exit(main(sys.argv[1:]))
"""


def temp_files(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if is_temp(p.name)]


def test_ctrl_c_leaves_one_line_and_no_temp_file(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    (dumps / "b.txt").write_text(f"{PROSE}\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(dumps), "--out", str(out), "--workers", "1", "--batch-size", "1", "--time-limit", "0"]
    # A session of its own, so the test can send Ctrl-C to the run's process group as a terminal does.
    run = subprocess.Popen(
        [sys.executable, "-c", STUCK_ON_B, *args], stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        shard = out / "metadata.parquet"
        while not temp_files(shard) and time.monotonic() < deadline:  # `a`'s shard is open: b is on
            time.sleep(0.2)
        assert temp_files(shard) and (out / "text" / "a.txt").is_file()
        os.killpg(run.pid, signal.SIGINT)
        _, err = run.communicate(timeout=30)
    finally:
        run.kill()
    assert run.returncode == 130
    assert err.decode().splitlines() == ["interrupted; rerun with --resume"]
    assert temp_files(out) == [] and not (out / "run.lock").exists()
    assert main(["run", *args[1:], "--resume"]) == 0
    assert set(pd.read_parquet(out / "metadata.parquet")["id"]) == {"a", "b"}


# In a mount namespace of its own, a 96 KB tmpfs as the output's disk: the run fills it.
ON_A_SMALL_DISK = """
mount -t tmpfs -o size=96k none "$1" || exit 99
shift
"$@"
status=$?
cp -a "$MNT/out" "$COPY"
exit $status
"""


def test_full_disk_is_one_line_and_keeps_finished_shards(tmp_path: Path) -> None:
    namespace = ["unshare", "--user", "--map-root-user", "--mount"]
    if shutil.which("unshare") is None or subprocess.run([*namespace, "true"]).returncode != 0:
        pytest.skip("no unprivileged mount namespace to make a small disk in")
    dumps = tmp_path / "in"
    dumps.mkdir()
    for n in range(40):  # about 3 KB each
        paragraphs = [f"{PROSE} Paragraphe {p} du document {n}." for p in range(15)]
        (dumps / f"d{n:02d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    mnt, copy = tmp_path / "mnt", tmp_path / "copy"
    mnt.mkdir()
    run = [sys.executable, "-m", "dechaff", "run", str(dumps), "--out", str(mnt / "out"), "--no-filter"]
    run += ["--workers", "1", "--batch-size", "2", "--shard-size", "2"]
    done = subprocess.run(
        [*namespace, "sh", "-c", ON_A_SMALL_DISK, "sh", str(mnt), *run],
        env={**os.environ, "MNT": str(mnt), "COPY": str(copy)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"error: No space left on device: {mnt / 'out'}/")
    assert line.endswith("; make room, then rerun with --resume")
    finished = sorted((copy / "metadata.parquet").glob("part-*.parquet"))
    assert finished and temp_files(copy) == []
    for part in finished:  # each finished shard reads whole, and its documents' texts are there
        for doc_id in pd.read_parquet(part)["id"]:
            assert (copy / "text" / f"{doc_id}.txt").is_file()


def test_names_and_texts_that_are_not_utf8_are_stored_safely(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    (dumps / os.fsdecode(b"caf\xe9.txt")).write_text(f"{PROSE}\n", encoding="utf-8")  # a Latin-1 name
    # JSON may escape a lone surrogate, which no UTF-8 file or table can hold.
    record = {"id": "r", "url": "https://ex.com/\udce9", "text": f"{PROSE} \ud800 Fin."}
    (dumps / "recs.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]) == 0
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    assert set(rows["status"]) == {"ok"}
    assert rows.loc["caf\\xe9", "source_path"].endswith("dumps/caf\\xe9.txt")
    assert rows.loc["recs/r", "url"] == "https://ex.com/\\udce9"
    assert (out / "text" / "caf\\xe9.txt").read_text(encoding="utf-8") == f"{PROSE}\n"
    assert (out / "text" / "recs" / "r.txt").read_text(encoding="utf-8") == f"{PROSE} \ufffd Fin.\n"


def test_a_container_and_a_file_of_one_name_both_get_their_text(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    (dumps / "x.txt").write_text(f"{PROSE} Un.\n", encoding="utf-8")  # text/x.txt
    records = json.dumps({"id": "y", "text": f"{PROSE} Deux."}) + "\n"
    (dumps / "x.txt.jsonl").write_text(records, encoding="utf-8")  # its records: text/x.txt/...?
    out = tmp_path / "out"
    assert main(["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]) == 0
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    assert rows.loc["x", "status"] == "ok" and rows.loc["x.txt/y", "status"] == "ok"
    assert (out / "text" / "x.txt").read_text(encoding="utf-8") == f"{PROSE} Un.\n"
    assert (out / "text" / "x.txt~" / "y.txt").read_text(encoding="utf-8") == f"{PROSE} Deux.\n"


def test_ids_equal_once_made_safe_stay_two_documents(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    records = [{"id": "https://ex.com/a", "text": f"{PROSE} Un."}, {"id": "https://ex.com/a/", "text": PROSE}]
    (dumps / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]) == 0
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    first, later = "r/https_ex.com_a", "r/https_ex.com_a#2"
    assert rows.loc[[first, later], "status"].tolist() == ["ok", "ok"]
    assert [json.loads(rows.loc[i, "extra"])["id"] for i in (first, later)] == [r["id"] for r in records]
    texts = [(out / "text" / f"{i}.txt").read_text(encoding="utf-8") for i in (first, later)]
    assert texts == [f"{PROSE} Un.\n", f"{PROSE}\n"]


def test_a_fresh_run_clears_what_an_earlier_run_wrote_and_only_that(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    (dumps / "sub").mkdir()
    (dumps / "sub" / "b.txt").write_text(f"{PROSE} Deux.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]
    assert main([*args, "--format-out", "parquet"]) == 0
    (out / "text" / "notes.md").write_text("mine", encoding="utf-8")  # not the tool's: stays
    (dumps / "sub" / "b.txt").unlink()
    assert main(args) == 0
    tables = {"metadata.parquet", "removed.parquet"}
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert [f for f in files if f.split("/")[0] not in tables] == ["run.json", "text/a.txt", "text/notes.md"]
    assert not (out / "text" / "sub").exists()


def test_rules_lint_does_linear_work_in_the_number_of_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 600
    rules = ["  - {id: wide, prefix: 'alpha bravo', action: drop}"]
    rules += [f"  - {{id: r{i}, line: 'ligne {i} du menu', action: drop}}" for i in range(n)]
    rules += [f"  - {{id: x{i}, regex: '^bloc {i} [0-9]+$', action: drop}}" for i in range(n)]
    rules += ["  - {id: narrow, line: 'alpha bravo charlie', action: drop}"]
    text = "version: 1\ndomains: [many.example]\nrules:\n" + "\n".join(rules) + "\n"
    path = rules_copy(tmp_path, {"many.example": text}) / "sites" / "many.example.yaml"
    calls = 0
    for cls, name in ((re2._Regexp, "search"), (re2.Set, "Match")):
        real = getattr(cls, name)

        def counted(self: object, *args: object, real: Callable[..., object] = real) -> object:
            nonlocal calls
            calls += 1
            return real(self, *args)

        monkeypatch.setattr(cls, name, counted)
    main(["rules", "lint", str(path)])
    assert "rule 'narrow' can never fire: rule 'wide'" in capsys.readouterr().out  # still found
    assert calls <= 2 * (2 * n + 2)  # one pass per rule, not one per pair of rules


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "domains: [nan.example]\nfilters: {min_doc_words: .nan}",
            "'filters.min_doc_words' must be a finite",
        ),
        ("domains: [nan.example]\nfingerprint_threshold: .inf", "'fingerprint_threshold' must be a finite"),
        ('domains: [""]', "each item of 'domains' must be a host name"),
    ],
    ids=["nan", "inf", "empty_domain"],
)
def test_rule_files_refuse_nan_inf_and_empty_domains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setting: str, message: str
) -> None:
    rules = rules_copy(tmp_path, {"nan.example": f"version: 1\n{setting}\n"})
    assert main(["rules", "lint", str(rules / "sites" / "nan.example.yaml")]) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if message in x]
    where = len(setting.splitlines()) + 1  # the setting's last line
    assert line.startswith(f"{rules / 'sites' / 'nan.example.yaml'}:{where}: error:")


def test_rules_lint_of_a_folder_without_rule_files_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sites" / "bad.yaml"
    folder.mkdir(parents=True)
    assert main(["rules", "lint", str(folder)]) == 1
    assert f"{folder}:1: error: a folder with no rule file (*.yaml)" in capsys.readouterr().out


def test_utf16_without_a_bom_is_read_as_text(tmp_path: Path) -> None:
    dumps = tmp_path / "in"
    dumps.mkdir()
    for codec in ("utf-16-le", "utf-16-be"):
        (dumps / f"{codec}.txt").write_bytes(f"Titre\n\n{PROSE}\n".encode(codec))  # no BOM
    (dumps / "zeros.txt").write_bytes(bytes(64))  # still binary
    out = tmp_path / "out"
    assert main(["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]) == 0
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    for codec in ("utf-16-le", "utf-16-be"):
        assert (rows.loc[codec, "status"], rows.loc[codec, "encoding"]) == ("ok", codec)
        assert PROSE in (out / "text" / f"{codec}.txt").read_text(encoding="utf-8")
    assert rows.loc["zeros", "status"] == "dropped:binary"


def test_two_files_with_one_id_do_not_stop_the_run(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)  # a.txt
    (dumps / "a.html").write_text(f"<html><body><p>{PROSE}</p></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(dumps), str(dumps / "a.txt"), "--out", str(out), "--workers", "1"]  # a.txt twice
    assert main([*args, "--no-filter"]) == 0
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    assert sorted(rows.index) == ["a", "a#2"]  # a.html first (sorted), then a.txt, read once
    assert rows.loc["a", "source_path"].endswith("a.html") and rows.loc["a", "status"] == "ok"
    assert rows.loc["a#2", "source_path"].endswith("a.txt")
    assert rows.loc["a#2", "status"] == "dropped:duplicate_id" and "'a'" in rows.loc["a#2", "error"]


def test_resume_after_a_text_file_was_deleted_reports_it(tmp_path: Path) -> None:
    dumps = dump_folder(tmp_path)
    (dumps / "b.txt").write_text(f"{PROSE} Deux.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(dumps), "--out", str(out), "--workers", "1", "--no-filter"]
    assert main(args) == 0
    (out / "text" / "a.txt").unlink()  # someone tidied up
    (dumps / "c.txt").write_text(f"{PROSE} Trois.\n", encoding="utf-8")
    assert main([*args, "--resume"]) == 0
    rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
    assert rows.loc["a", "status"] == "error:missing_text"
    assert (
        str(out / "text" / "a.txt") in rows.loc["a", "error"] and "without --resume" in rows.loc["a", "error"]
    )
    assert rows.loc[["b", "c"], "status"].tolist() == ["ok", "ok"]


def test_explain_prints_page_text_that_looks_like_rich_markup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """D21: a site name, a title or a line like "[/x]" is text, not markup that crashes explain."""
    page = tmp_path / "[b]page.html"
    page.write_text(
        '<html><head><meta property="og:site_name" content="[/x]"><title>[red]T[/]</title></head>'
        f"<body><article><h1>[/x] titre</h1><p>{PROSE} [/]</p><p>{PROSE}</p></article></body></html>",
        encoding="utf-8",
    )
    assert main(["explain", str(page)]) == 0
    out = capsys.readouterr().out
    assert "site_name=[/" in out and "[b]page.html" in out and "[/x] titre" in out


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--time-limit", "-1", "-1 is out of range"),
        ("--time-limit", "nan", "nan is not a finite number"),
        ("--time-limit", "inf", "inf is not a finite number"),
        ("--workers", "0", "0 is below 1"),
        ("--batch-size", "-3", "-3 is below 1"),
        ("--shard-size", "x", "'x' is not a whole number"),
        ("--max-html-bytes", "0", "0 is below 1"),
    ],
)
def test_numeric_options_out_of_range_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    """D22: a value that would time out every document or start no worker stops the run at once."""
    (tmp_path / "a.txt").write_text(PROSE + "\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(SystemExit) as stop:
        main(["run", str(tmp_path / "a.txt"), "--out", str(out), f"{option}={value}"])
    assert stop.value.code == 2
    assert f"argument {option}: {message}" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("time_limit", -1.0),
        ("time_limit", float("nan")),
        ("workers", 0),
        ("batch_size", 0),
        ("shard_size", 1.5),
    ],
)
def test_run_config_refuses_numbers_out_of_range(tmp_path: Path, field: str, value: object) -> None:
    """D22 for Python callers: the same limits as the command line, as a ValueError naming the field."""
    from dechaff.run.config import RunConfig

    with pytest.raises(ValueError, match=f"RunConfig.{field}"):
        RunConfig(inputs=(tmp_path,), **{field: value})  # type: ignore[arg-type]


def test_html_over_the_size_limit_is_dropped_not_parsed(tmp_path: Path) -> None:
    """A huge HTML page costs ~50x its size to parse: over max_html_bytes it is dropped:too_large,
    the same page under the limit is cleaned, and a text dump of that size is not limited by it."""
    folder = tmp_path / "in"
    folder.mkdir()
    body = "".join(f"<p>{PROSE} ({n})</p>" for n in range(40))
    page = f"<html><body><article>{body}</article></body></html>"
    (folder / "page.html").write_text(page, encoding="utf-8")
    (folder / "dump.txt").write_text("\n\n".join(f"{PROSE} ({n})" for n in range(40)), encoding="utf-8")
    records = folder / "records.jsonl"
    records.write_text(json.dumps({"id": "r", "html": page}) + "\n", encoding="utf-8")
    size = len(page.encode())
    for limit, status in ((size - 1, "dropped:too_large"), (size, "ok")):
        out = tmp_path / f"out{limit}"
        args = ["run", str(folder), "--out", str(out), "--max-html-bytes", str(limit), "--no-filter"]
        assert main([*args, "--html-field", "html"]) == 0
        rows = pd.read_parquet(out / "metadata.parquet").set_index("id")
        assert rows.loc["page", "status"] == status
        assert rows.loc["records/r", "status"] == status
        assert rows.loc["dump", "status"] != "dropped:too_large"
    assert rows is not None
    big = pd.read_parquet(tmp_path / f"out{size - 1}" / "metadata.parquet").set_index("id")
    assert f"{size} bytes is over the {size - 1}-byte limit for HTML" in big.loc["page", "error"]
