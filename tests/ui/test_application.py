"""Starting the app: the command line, the first release, and a lean start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs

from editor.model.release import Release
from editor.storage.releases import save_release
from editor.ui.application import first_window, initial_template, parse_arguments
from editor.ui.context import AppContext

ROOT = Path(__file__).resolve().parents[2]

CHECK_START = """
import sys
from editor.app import main
code = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("docx", "lxml"))
print("heavy:", ",".join(heavy))
sys.exit(code)
"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_exit_when_ready_paints_the_preview_and_exits_without_export_libraries(
    tmp_path: Path, lang: str
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PRESSKLAR_HOME", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHECK_START,
            "--exit-when-ready",
            "--home",
            str(tmp_path),
            "--lang",
            lang,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "heavy: \n" in result.stdout  # python-docx waits until an export needs it


def test_main_py_exit_when_ready(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "main.py", "--exit-when-ready", "--home", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0


def test_arguments() -> None:
    args = parse_arguments(["r.pressklar", "--home", "/x", "--lang", "sv", "--exit-when-ready"])
    assert (args.release_file, args.home, args.lang, args.exit_when_ready) == (
        "r.pressklar", "/x", "sv", True,
    )  # fmt: skip
    assert parse_arguments([]).release_file is None


def test_the_first_start_uses_the_general_release_in_the_ui_language(context: AppContext) -> None:
    context.language = "sv"
    assert initial_template(context).id == "general-sv"  # type: ignore[union-attr]
    context.language = "en"
    assert initial_template(context).id == "general-en"  # type: ignore[union-attr]


def test_later_starts_use_the_template_used_last(context: AppContext) -> None:
    context.settings.last_template = "readiness-raised-sv"
    assert initial_template(context).id == "readiness-raised-sv"  # type: ignore[union-attr]
    context.settings.last_template = "gone-template"
    assert initial_template(context).id == "general-en"  # type: ignore[union-attr]


def test_a_release_file_on_the_command_line_opens(
    tmp_path: Path, qtbot: QtBot, context: AppContext, reference_release: Release
) -> None:
    path = tmp_path / "given.pressklar"
    save_release(reference_release, path)
    window = first_window(context, str(path))
    assert window is not None
    qtbot.addWidget(window)
    assert window.session.path == str(path)
    assert window.form is not None and window.form.values()["headline"] == "Stabsläget avslutat"
    assert context.settings.recent_files == [str(path)]


def test_an_unreadable_file_on_the_command_line_says_why_and_starts_a_new_release(
    tmp_path: Path, qtbot: QtBot, context: AppContext, dialogs: ScriptedDialogs
) -> None:
    path = tmp_path / "broken.pressklar"
    path.write_text("{not json", encoding="utf-8")
    window = first_window(context, str(path))
    assert window is not None
    qtbot.addWidget(window)
    assert "broken.pressklar" in dialogs.texts("error")[0]
    assert window.session.path == ""
    assert window.session.template.id == "general-en"


def test_a_malformed_template_used_last_does_not_stop_the_start(context: AppContext) -> None:
    """Was: a deeply nested array or a 5,000-digit number in a user template raised out of
    the library whenever it was the template used last."""
    folder = context.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    header = 'format = 1\nid = "fientlig"\nname = "Fientlig"\nlanguage = "en"\nbody = "x"\n'
    (folder / "fientlig.toml").write_text(header + "x = " + "9" * 5000 + "\n", "utf-8")
    (folder / "djup.toml").write_text(header + "x = " + "[" * 99_999 + "]" * 99_999, "utf-8")
    for last in ("user:fientlig", "fientlig", "user:djup"):
        context.settings.last_template = last
        template = initial_template(context)
        assert template is not None and template.id == "general-en"
    errors = [e for e in context.library(reload=True).entries if e.error is not None]
    assert len(errors) == 2


def test_a_user_template_used_last_is_read_alone(context: AppContext) -> None:
    folder = context.paths.templates
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(3):
        (folder / f"mine-{i}.toml").write_text(
            f'format = 1\nid = "mine-{i}"\nname = "Min mall {i}"\nlanguage = "sv"\n'
            'body = "Hej {{ vem }}"\n[[fields]]\nkey = "vem"\ntype = "text"\nlabel = "Vem"\n',
            encoding="utf-8",
        )
    context.language = "sv"
    context.settings.last_template = "user:mine-1"
    template = initial_template(context)
    assert template is not None and template.name == "Min mall 1" and template.source == "user"
    assert context._library is None  # the library was not read for it
    (folder / "mine-1.toml").write_text("broken = [", encoding="utf-8")
    assert initial_template(context).id == "general-sv"  # type: ignore[union-attr]
