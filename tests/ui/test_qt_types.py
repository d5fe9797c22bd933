"""Qt's Python classes are made ahead in slices (see editor.ui.qt_types): every class of the
app's Qt modules in the end, a class at least per call, and nothing left after."""

from __future__ import annotations

import importlib

from editor.ui import qt_types


def test_every_class_is_made_in_slices_and_then_nothing_is_left() -> None:
    calls = 0
    while not qt_types.make_some(0.0):  # one class a call at the least
        calls += 1
        assert calls < 5000
    assert qt_types.make_some(0.0)
    for name in qt_types.MODULES:
        module = importlib.import_module(name)
        assert all(
            isinstance(getattr(module, attribute), type) or callable(getattr(module, attribute))
            for attribute in dir(module)
            if attribute.startswith("Q")
        )
