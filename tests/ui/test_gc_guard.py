"""Cycles are collected on the GUI thread only: a worker that allocates must never run the
collector, which could destroy Qt widgets off the thread that owns them (a crash seen in CI
while the checks ran on their worker and the form built its later rows)."""

from __future__ import annotations

import gc
import sys
import threading
from typing import ClassVar

from pytestqt.qtbot import QtBot

from editor.ui.flows.background import run_in_worker
from editor.ui.gc_guard import SWITCH_INTERVAL_S, before_a_worker_starts


class _Cycle:
    collected_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.collected_in.append(threading.current_thread().name)


def _churn() -> int:
    """Allocation enough to pass the collector's threshold many times over."""
    kept = 0
    for _ in range(200_000):
        kept += len([[], {}])
    return kept


def test_a_worker_allocating_never_collects_and_the_gui_thread_does(qtbot: QtBot) -> None:
    was_enabled = gc.isenabled()
    try:
        before_a_worker_starts()
        assert not gc.isenabled()
        assert sys.getswitchinterval() == SWITCH_INTERVAL_S  # the GUI thread's turns come soon
        _Cycle.collected_in.clear()
        for _ in range(1000):
            _Cycle()  # garbage only the collector can free
        assert run_in_worker(None, "", _churn) > 0
        # the worker passed the threshold but did not collect (the GUI thread's timer may have,
        # on a slow machine, while the worker ran)
        assert set(_Cycle.collected_in) <= {threading.main_thread().name}
        qtbot.waitUntil(lambda: len(_Cycle.collected_in) == 1000, timeout=10_000)  # a busy CI
        assert set(_Cycle.collected_in) == {threading.main_thread().name}
    finally:
        if was_enabled:
            gc.enable()


def test_what_long_lived_work_makes_is_not_collected_meanwhile_nor_scanned_after(
    qtbot: QtBot,
) -> None:
    """The warm-up reads the contact book (40,000 objects for 10,000 contacts): the GUI thread
    does not collect meanwhile, and no collection scans those objects afterwards."""
    from editor.ui.gc_guard import making_long_lived

    was_enabled = gc.isenabled()
    try:
        before_a_worker_starts()
        _Cycle.collected_in.clear()
        kept: list[object] = []
        with making_long_lived():
            for _ in range(1000):
                _Cycle()
            _churn()
            qtbot.wait(1200)  # the GUI thread's collector had two turns meanwhile
            assert _Cycle.collected_in == []
            kept.extend([] for _ in range(1000))  # made in the work: stays
        frozen = gc.get_freeze_count()
        assert frozen >= 2000  # the cycles and what was kept are out of the collector's sight
        del kept
        assert gc.get_freeze_count() < frozen  # frozen objects are still freed when unused
    finally:
        gc.unfreeze()  # the test process goes on collecting everything
        gc.collect()
        if was_enabled:
            gc.enable()
