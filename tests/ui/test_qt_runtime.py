"""The Qt binding itself must be safe to type into for a whole working day."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal()
    text = Signal(str)


def test_emitting_a_signal_from_python_keeps_reference_counts() -> None:
    """PySide6 6.12.0 dropped a reference to True on every emit: the app aborted with
    'bool_dealloc' after a few thousand keystrokes. pyproject.toml excludes it; this test
    fails on any version that brings the bug back."""
    emitter = _Emitter()
    received: list[str] = []
    emitter.text.connect(received.append)
    emitter.changed.connect(lambda: None)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for index in range(200):
        emitter.changed.emit()
        emitter.text.emit(str(index))
    # 400 emits: the broken version loses 400 references; allow for unrelated noise
    assert abs(sys.getrefcount(True) - before_true) < 20
    assert abs(sys.getrefcount(None) - before_none) < 20
    assert len(received) == 200
