"""The warm-up after the first paint (``editor.ui.warm_up``), as the app starts it: what it
leaves ready is there once it has run, and the GUI thread then does none of it again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor.model.release import Release
from editor.ui.context import AppContext
from editor.ui.warm_up import WarmUpAfter
from editor.ui.windows.main_window import MainWindow
from tests.storage.test_library import put, template_text
from tests.storage.test_template_index import count_loads


def test_the_warm_up_lists_new_templates_so_the_new_dialog_parses_none(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1,000 templates new since the last start were parsed on the GUI thread by the first
    New dialog: 1.7 s frozen (bench/templates.py)."""
    folder = context.paths.templates
    for n in range(30):
        put(folder, f"t{n:02}.toml", template_text(f"t{n:02}", f"Mall {n}"))
    organisation = Path(str(folder) + "-org")
    put(organisation, "o.toml", template_text("o", "Org"))
    context.settings.organisation_folder = str(organisation)
    assert not context.paths.template_index.exists()
    window = make_window(reference_release)
    warm = WarmUpAfter.for_window(window, context)
    qtbot.waitUntil(lambda: warm.worker is not None, timeout=10_000)
    assert warm.worker is not None
    warm.worker.join(timeout=60)
    assert not warm.worker.is_alive()
    assert context.paths.template_index.exists()

    parsed = count_loads(monkeypatch)
    listing = context.template_listing()  # what File > New lists
    assert parsed == []
    names = {e.name for e in listing.entries if e.source != "builtin"}
    assert names == {f"Mall {n}" for n in range(30)} | {"Org"}
