"""The embargo: set in the bar above the form, kept in the release file, shown in a banner,
carried by the exports, undone like an edit, and warned about once it has passed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from uihelpers import (
    ScriptedDialogs,
    export_through_dialog,
    exported_text,
    preview_text,
    set_datetime,
)

from editor.model.release import Release
from editor.render.checks import EMBARGO_FIELD
from editor.storage.releases import load_release
from editor.ui.panels.checks_panel import FIELD_ROLE
from editor.ui.windows.main_window import MainWindow

NOTICE = "EMBARGO: Publiceras tidigast onsdag den 25 september 2030 klockan 15.00"


def _set_embargo(qtbot: QtBot, window: MainWindow, moment: str) -> None:
    """As a user does it: tick the box, then set the date and time."""
    bar = window.embargo_bar
    if not bar.check.isChecked():
        qtbot.mouseClick(bar.check, Qt.MouseButton.LeftButton)
    set_datetime(bar.edit, moment)


def test_the_embargo_is_saved_with_the_release_and_shown_in_a_banner(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    bar, banner = window.embargo_bar, window.preview.embargo_banner
    assert not bar.check.isChecked() and not bar.edit.isEnabled() and banner.isHidden()
    assert not window.isWindowModified()

    _set_embargo(qtbot, window, "2030-09-25T15:00")
    assert window.isWindowModified()
    qtbot.waitUntil(banner.isVisible)
    assert banner.text() == NOTICE
    assert preview_text(window).startswith(NOTICE)

    dialogs.paths.append(str(tmp_path / "embargo"))
    window.window_actions.save_as.trigger()
    saved = tmp_path / "embargo.pressklar"
    assert load_release(saved).embargo == datetime(2030, 9, 25, 15, 0)

    window.close()  # it has the file open: another window would open it read only
    reopened = make_window(load_release(saved), str(saved))
    assert reopened.embargo_bar.check.isChecked()
    assert reopened.embargo_bar.embargo() == datetime(2030, 9, 25, 15, 0)
    assert reopened.preview.embargo_banner.text() == NOTICE
    assert not reopened.isWindowModified()

    qtbot.mouseClick(reopened.embargo_bar.check, Qt.MouseButton.LeftButton)  # no embargo now
    reopened.window_actions.save.trigger()
    assert load_release(saved).embargo is None
    qtbot.waitUntil(reopened.preview.embargo_banner.isHidden)
    assert "EMBARGO" not in preview_text(reopened)


@pytest.mark.parametrize("fmt", ["html", "txt", "docx"])
def test_the_exports_carry_the_embargo(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    fmt: str,
) -> None:
    window = make_window(reference_release)
    _set_embargo(qtbot, window, "2030-09-25T15:00")
    seen: dict[str, str] = {}
    export_through_dialog(window, fmt, tmp_path, seen)
    text = exported_text(tmp_path / seen["suggested"], fmt)
    assert NOTICE in " ".join(text.split())
    if fmt != "html":  # the page's <title> and style come first
        assert text.strip().startswith(NOTICE)


def test_a_passed_embargo_is_a_warning_that_leads_to_the_embargo(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    _set_embargo(qtbot, window, "2018-09-25T15:00")
    panel = window.preview.checks
    qtbot.waitUntil(lambda: any(f.code == "embargo_passed" for f in panel.findings))
    finding = next(f for f in panel.findings if f.code == "embargo_passed")
    assert finding.severity == "warning" and finding.field == EMBARGO_FIELD
    row = next(
        r for r in range(panel.list.count()) if panel.list.item(r).data(FIELD_ROLE) == EMBARGO_FIELD
    )
    assert panel.list.item(row).text().endswith("Field: Embargo")
    window.focus_form()
    window.window_actions.show_checks.trigger()
    rect = panel.list.visualItemRect(panel.list.item(row))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.focusWidget() is window.embargo_bar.edit

    _set_embargo(qtbot, window, "2031-01-01T06:00")  # a future embargo: no warning
    qtbot.waitUntil(lambda: all(f.code != "embargo_passed" for f in panel.findings))


def test_embargo_changes_undo_and_redo_like_edits(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(reference_release)
    bar, actions = window.embargo_bar, window.window_actions
    qtbot.mouseClick(bar.check, Qt.MouseButton.LeftButton)
    first = bar.embargo()
    assert first is not None and first > datetime.now()  # a new embargo starts ahead
    set_datetime(bar.edit, "2030-09-25T14:00")
    set_datetime(bar.edit, "2030-09-25T15:00")  # one editing session: one undo step
    assert window.session.release.embargo == datetime(2030, 9, 25, 15, 0)

    bar.edit.setFocus()
    actions.undo.trigger()
    assert bar.embargo() == first and window.session.release.embargo == first
    actions.undo.trigger()
    assert bar.embargo() is None and not bar.check.isChecked()
    assert window.session.release.embargo is None
    actions.redo.trigger()
    actions.redo.trigger()
    assert window.session.release.embargo == datetime(2030, 9, 25, 15, 0)
    assert bar.edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2030-09-25 15:00"
    qtbot.waitUntil(lambda: window.preview.embargo_banner.text() == NOTICE)


def test_ctrl_z_in_the_embargo_editor_undoes_the_embargo_change(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    """A plain QDateTimeEdit keeps Ctrl+Z for its inner line edit, so the key would never reach
    the window's Undo. Keys go through the window, as a user's do, so shortcuts apply."""
    window = make_window(reference_release)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: window._shortcuts is not None)  # the window's shortcut filter
    bar = window.embargo_bar
    qtbot.mouseClick(bar.check, Qt.MouseButton.LeftButton)
    first = bar.embargo()
    set_datetime(bar.edit, "2030-09-25T14:00")
    bar.edit.setFocus()
    handle = window.windowHandle()
    QTest.keyClick(handle, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert bar.embargo() == first
    QTest.keySequence(handle, QKeySequence(QKeySequence.StandardKey.Redo))
    assert bar.embargo() == datetime(2030, 9, 25, 14, 0)


def test_a_new_embargo_starts_on_the_release_date_in_the_morning(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    """It started at 19:00 today whatever the release's date."""
    from datetime import date, timedelta

    ahead = date.today() + timedelta(days=7)
    window = make_window(
        reference_release.with_values({**reference_release.values, "release_date": ahead})
    )
    bar = window.embargo_bar
    assert bar.edit.dateTime().toString("yyyy-MM-dd HH:mm") == f"{ahead.isoformat()} 08:00"
    qtbot.mouseClick(bar.check, Qt.MouseButton.LeftButton)
    assert window.session.release.embargo == datetime(ahead.year, ahead.month, ahead.day, 8, 0)


def test_a_new_embargo_on_a_release_of_today_starts_at_the_next_full_hour(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    from datetime import date, timedelta

    before = datetime.now()
    window = make_window(
        reference_release.with_values({**reference_release.values, "release_date": date.today()})
    )
    qtbot.mouseClick(window.embargo_bar.check, Qt.MouseButton.LeftButton)
    embargo = window.session.release.embargo
    assert embargo is not None and embargo.minute == 0
    assert before < embargo <= datetime.now() + timedelta(hours=1)


def test_the_embargo_on_and_off_again_leaves_the_release_unchanged(
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    tmp_path: Path,
    dialogs: ScriptedDialogs,
) -> None:
    from editor.storage.releases import save_release
    from editor.ui.dialogs import messages

    path = tmp_path / "avslut.pressklar"
    save_release(reference_release, path)
    window = make_window(load_release(path), str(path))
    check = window.embargo_bar.check
    assert not window.isWindowModified()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert window.isWindowModified() and window.session.is_modified
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert not window.isWindowModified() and not window.session.is_modified
    window.window_actions.exercise.trigger()
    assert window.session.is_modified
    dialogs.answers.append(messages.Button.Yes)  # "Remove the exercise mark?"
    window.window_actions.exercise.trigger()
    assert not window.session.is_modified

    assert window.form is not None
    window.form.field_editor("headline").setText("Stabsläget är avslutat")  # a real edit
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert window.session.is_modified  # the edit of the headline still is one


def test_ticking_the_embargo_then_tab_enters_its_first_section(
    qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    from PySide6.QtWidgets import QApplication, QDateTimeEdit

    window = make_window(reference_release)
    bar = window.embargo_bar
    qtbot.mouseClick(bar.check, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is bar.check
    qtbot.keyClick(bar.check, Qt.Key.Key_Tab)
    qtbot.waitUntil(bar.edit.hasFocus)
    assert bar.edit.currentSection() == QDateTimeEdit.Section.YearSection
    qtbot.keyClicks(bar.edit, "2031")
    bar.edit.interpretText()
    embargo = window.session.release.embargo
    assert embargo is not None and embargo.year == 2031
