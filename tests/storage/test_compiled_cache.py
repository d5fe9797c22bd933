"""Compiled template bodies on disk: the next start reads the code instead of compiling the
body again; a changed body, a corrupt or unwritable cache never changes what is rendered."""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import CodeType

import pytest

from editor.errors import TemplateError
from editor.render import compiling
from editor.render.engine import render_markdown
from editor.storage.compiled_cache import SUFFIX, CompiledCache
from tests.helpers import builtin, make_template

TODAY = date(2026, 3, 4)
HEADLINE = [{"key": "headline", "type": "text", "label": "Rubrik"}]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A cache folder in use, with nothing compiled in memory (as at a start)."""
    folder = tmp_path / "cache" / "compiled"
    compiling.keep_compiled_in(CompiledCache(folder))
    compiling._compile.cache_clear()
    yield folder
    compiling.keep_compiled_in(None)
    compiling._compile.cache_clear()


def as_at_the_next_start() -> None:
    compiling._compile.cache_clear()


def kept(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{SUFFIX}"))


def test_a_body_is_kept_once_and_read_back_at_the_next_start(folder: Path) -> None:
    template = builtin("general-sv")
    values = {"headline": "Ny rubrik", "organisation": "Exempelregionen"}
    first = render_markdown(template, values, today=TODAY)
    (file,) = kept(folder)
    assert isinstance(marshal.loads(file.read_bytes()), CodeType)
    written = file.stat()
    as_at_the_next_start()
    assert render_markdown(template, values, today=TODAY) == first
    assert file.stat().st_ino == written.st_ino and file.stat().st_mtime_ns == written.st_mtime_ns
    assert kept(folder) == [file]  # read, not compiled and written again


def test_a_changed_body_is_compiled_anew(folder: Path) -> None:
    render_markdown(make_template("Före {{ headline }}", HEADLINE), {"headline": "x"}, today=TODAY)
    as_at_the_next_start()
    text, _ = render_markdown(make_template("Efter {{ headline }}", HEADLINE), {"headline": "x"})
    assert text.startswith("Efter x")
    assert len(kept(folder)) == 2


@pytest.mark.parametrize(
    "junk",
    [b"", b"\x00garbage", marshal.dumps("not code"), marshal.dumps(compile("1", "", "eval"))[:9]],
)
def test_a_corrupt_cache_file_is_ignored_and_replaced(folder: Path, junk: bytes) -> None:
    template = make_template("Rubrik: {{ headline }}", HEADLINE)
    render_markdown(template, {"headline": "Ett"}, today=TODAY)
    (file,) = kept(folder)
    file.write_bytes(junk)
    as_at_the_next_start()
    text, _ = render_markdown(template, {"headline": "Två"}, today=TODAY)
    assert text.startswith("Rubrik: Två")
    assert isinstance(marshal.loads(file.read_bytes()), CodeType)


def test_a_cache_that_cannot_be_written_only_is_not_kept(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    compiling.keep_compiled_in(CompiledCache(blocked / "compiled"))
    compiling._compile.cache_clear()
    try:
        text, _ = render_markdown(make_template("Hej {{ headline }}", HEADLINE), {"headline": "du"})
        assert text.startswith("Hej du")
    finally:
        compiling.keep_compiled_in(None)
        compiling._compile.cache_clear()


def test_a_body_with_an_error_is_not_kept_and_still_says_so(folder: Path) -> None:
    template = make_template("{{ headline | no_such_filter }}", HEADLINE)
    for _ in range(2):
        with pytest.raises(TemplateError) as raised:
            render_markdown(template, {"headline": "x"}, today=TODAY)
        assert raised.value.code == "template.unknown_filter"
        as_at_the_next_start()
    assert kept(folder) == []
