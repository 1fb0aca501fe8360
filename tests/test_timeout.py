"""The per-document time limit: interrupts runaway work in any thread, and costs nothing after."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import threading
import time

import pytest

from dechaff.core.uncounted import uncounted
from dechaff.engine import timeout
from dechaff.engine.timeout import DocumentTimeout, time_limit


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_runaway_work_is_interrupted() -> None:
    start = time.monotonic()
    with pytest.raises(DocumentTimeout), time_limit(0.2):
        spin(30)
    assert time.monotonic() - start < 5


def test_work_within_the_limit_is_left_alone() -> None:
    for _ in range(50):
        with time_limit(5):
            spin(0.001)


def runaway_in_a_thread() -> list[str]:
    """How 30 s of work under a 0.2 s limit ends in a thread of its own."""
    outcome: list[str] = []

    def work() -> None:
        try:
            with time_limit(0.2):
                spin(30)
            outcome.append("finished")
        except DocumentTimeout:
            outcome.append("timeout")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(10)
    return outcome


def test_runaway_work_in_another_thread_is_interrupted() -> None:
    assert runaway_in_a_thread() == ["timeout"]


def test_many_guards_under_a_profiler_do_not_stall_the_interpreter() -> None:
    """Clearing a scheduled exception used to leave the eval loop's pending flag set: every later
    bytecode check slowed down, and under a profiler the thread spun for ever."""
    code = (
        "import cProfile\n"
        "from dechaff.engine.timeout import time_limit\n"
        "cProfile.Profile().enable()\n"
        "for _ in range(300):\n"
        "    with time_limit(30):\n"
        "        sum(range(100))\n"
        "print('done')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "done"


def test_one_watchdog_thread_serves_every_guard() -> None:
    for _ in range(20):
        with time_limit(5):
            pass
    assert [t.name for t in threading.enumerate()].count("dechaff-watchdog") == 1
    threads = threading.active_count()
    for _ in range(20):
        with time_limit(5):
            pass
    assert threading.active_count() == threads


def _times_out_in_a_child(queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    try:
        with time_limit(0.2):
            while True:
                pass
    except DocumentTimeout:
        queue.put("timeout")


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="forked children only")
def test_a_forked_child_gets_its_own_watchdog() -> None:
    with time_limit(5):  # the parent's watchdog is running when the child is forked
        queue: multiprocessing.Queue = multiprocessing.Queue()  # type: ignore[type-arg]
        child = multiprocessing.Process(target=_times_out_in_a_child, args=(queue,))
        child.start()
        child.join(30)
    assert queue.get(timeout=5) == "timeout"


def test_a_later_deadline_wakes_no_one_and_still_fires() -> None:
    with time_limit(5):
        pass  # the watchdog now sleeps until that guard's deadline (it wakes then and looks again)
    asked = timeout._WATCH.notified
    for _ in range(20):
        with time_limit(30):
            pass
    assert timeout._WATCH.notified == asked  # every later deadline: no wake-up, no GIL switch
    # sooner than what the watchdog sleeps until: it is woken, and the guard fires in time
    start = time.monotonic()
    with pytest.raises(DocumentTimeout), time_limit(0.3):
        spin(30)
    assert time.monotonic() - start < 3
    assert timeout._WATCH.notified == asked + 1


def test_a_guard_armed_without_a_wake_up_fires_after_the_watchdog_looks_again() -> None:
    # the watchdog sleeps until the first guard's deadline (0.4 s); the second guard, later, is not
    # notified: when the watchdog wakes for the first (disarmed) one, it must find the second
    with time_limit(0.4):
        pass
    asked = timeout._WATCH.notified
    start = time.monotonic()
    with pytest.raises(DocumentTimeout), time_limit(0.8):
        spin(30)
    assert 0.7 < time.monotonic() - start < 5
    assert timeout._WATCH.notified == asked


def test_one_time_work_is_not_counted() -> None:
    """`uncounted` stops the clock: a compile longer than the limit does not time the document
    out, and the document goes on with the time it had left (then runs out of it)."""
    with time_limit(0.3):
        with uncounted():
            spin(0.6)
        spin(0.1)  # 0.1 of the 0.3 s: within the limit
    start = time.monotonic()
    with pytest.raises(DocumentTimeout), time_limit(0.3):
        with uncounted():
            spin(0.4)
        spin(30)
    assert time.monotonic() - start < 5


def test_uncounted_nests_and_needs_no_limit() -> None:
    with uncounted():  # no limit armed in this thread: nothing to stop
        spin(0.01)
    with pytest.raises(DocumentTimeout), time_limit(0.3):
        with uncounted():
            with uncounted():
                spin(0.2)
            spin(0.25)  # the inner block's end does not start the clock: the outer one stops it
        spin(0.1)
        spin(3)  # the clock runs again: the 0.2 s left run out


def test_a_limit_in_another_thread_keeps_counting() -> None:
    """`uncounted` stops this thread's limit only."""
    with time_limit(5), uncounted():
        assert runaway_in_a_thread() == ["timeout"]
