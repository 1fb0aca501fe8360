"""Clean every dump of a folder PASSES times in one process (the memo tables emptied before each
pass), printing nothing: a workload to count instructions of, where seconds are too noisy.

Usage:
    PYTHONHASHSEED=0 setarch -R valgrind --tool=cachegrind --cache-sim=no \\
        --cachegrind-out-file=/dev/null python tools/cascade_pass.py DUMPS 1
    (the same with 2)

The second count minus the first is one pass over the dumps with the cascades compiled: what
`Engine.process` costs, without the start. On this shared 2-vCPU machine a pass's seconds move
by 15-30% from one minute to the next, and by 1-2% when a change saves 1-2%; its instructions,
with the hash seed fixed and address randomisation off (`setarch -R`), move by 0.1-0.2% between
two runs of the same tree, and two trees can be counted side by side: a change under 0.2% is not
told from the noise. With Python's random hash seed, sets and dicts of str are laid out otherwise
each run; with the addresses random, so are those of objects hashed by address: three counts of
one tree differed by up to 1.1% (the thirty-second session). Instructions are not
time (a cache miss costs more than an add), so a change is timed too, but they say at once which
of two trees does less work (docs/performance.md, the twenty-eighth and thirtieth sessions).
"""

from __future__ import annotations

import sys
from pathlib import Path

from dechaff.core.memo import clear_all
from dechaff.engine.engine import Engine
from dechaff.engine.rulebook import load_book
from dechaff.io.inputs import Source


def main(folder: Path, passes: int) -> None:
    sources = [Source(path.stem, path) for path in sorted(folder.glob("*.txt"))]
    engine = Engine(load_book(None))
    for _ in range(passes):
        clear_all()
        for source in sources:
            engine.process(source)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
