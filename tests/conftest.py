"""Every test runs with its own user folders (PRESSKLAR_HOME) and Qt offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def pressklar_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("pressklar-home")
    monkeypatch.setenv("PRESSKLAR_HOME", str(home))
    yield home


@pytest.fixture(autouse=True)
def message_language() -> Iterator[None]:
    """The core's messages start in English in every test, and a test that switches the UI
    language (or runs the CLI, which follows LANG) cannot leak it into the next one."""
    from editor.i18n import set_language

    set_language("en")
    yield
    set_language("en")
