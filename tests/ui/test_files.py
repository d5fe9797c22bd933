"""Release files from the window: new, open, save, save as, recent files, drag and drop, and the
prompt about unsaved changes."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from uihelpers import ScriptedDialogs, type_text, when_modal

from editor.model.release import Release
from editor.storage.releases import load_release, save_release
from editor.ui.context import AppContext
from editor.ui.dialogs import messages
from editor.ui.dialogs.messages import Button
from editor.ui.dialogs.template_picker import TemplatePicker
from editor.ui.windows.main_window import MainWindow


def _autosave_files(context: AppContext) -> list[Path]:
    folder = context.paths.autosave
    return sorted(folder.glob("*.autosave.json")) if folder.exists() else []


def test_save_as_then_open_gives_back_the_same_release(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    assert window.windowTitle() == "Untitled.pressklar[*] — Pressklar"
    type_text(qtbot, window.form.field_editor("organisation"), " län")
    assert window.isWindowModified()

    target = tmp_path / "stabsläget"
    dialogs.paths.append(str(target))  # the suffix is added
    window.window_actions.save_as.trigger()
    saved = tmp_path / "stabsläget.pressklar"
    assert saved.is_file()
    assert not window.isWindowModified()
    assert window.windowTitle() == "stabsläget.pressklar[*] — Pressklar"
    assert load_release(saved).values["organisation"] == "Region Kronoberg län"
    hidden = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert hidden == [".~stabsläget.pressklar.lock"]  # no temporary left; the open mark is there

    reopened = make_window(load_release(saved), str(saved))
    assert reopened.form is not None
    assert reopened.form.values() == load_release(saved).values
    assert reopened.form.values()["contact"][0].phones[1].number == "070-123 45 67"
    assert not reopened.isWindowModified()


def test_save_writes_to_the_same_file_without_asking(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
) -> None:
    path = tmp_path / "r.pressklar"
    save_release(reference_release, path)
    window = make_window(load_release(path), str(path))
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), "!")
    window.window_actions.save.trigger()  # no file dialog: ScriptedDialogs would fail the test
    assert load_release(path).values["headline"] == "Stabsläget avslutat!"
    assert not window.isWindowModified()


def test_a_failed_save_keeps_the_text_and_the_modified_mark(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), "!")
    dialogs.paths.append(str(tmp_path / "no such folder" / "r.pressklar"))
    window.window_actions.save_as.trigger()
    assert any("does not exist" in text for text in dialogs.texts("error"))
    assert window.isWindowModified()
    assert window.form.values()["headline"] == "Stabsläget avslutat!"


def test_closing_with_unsaved_changes_can_be_cancelled(
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), "!")
    dialogs.answers.append(Button.Cancel)
    assert not window.close()
    assert window.isVisible() and window.isWindowModified()
    assert "Untitled.pressklar" in dialogs.texts("question")[0]


def test_closing_and_discarding_removes_the_autosave(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), "!")
    window.autosave.write_now().result()  # type: ignore[union-attr]
    assert len(_autosave_files(context)) == 1
    dialogs.answers.append(Button.Discard)
    assert window.close()
    assert _autosave_files(context) == []


def test_closing_and_saving_writes_the_file(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), " i dag")
    dialogs.answers.append(Button.Save)
    dialogs.paths.append(str(tmp_path / "sparad.pressklar"))
    assert window.close()
    assert load_release(tmp_path / "sparad.pressklar").values["headline"] == (
        "Stabsläget avslutat i dag"
    )


def test_opening_over_unsaved_changes_asks_first(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    other = tmp_path / "annan.pressklar"
    save_release(Release.new(reference_release.template, {"headline": "Annan rubrik"}), other)
    window = make_window(reference_release)
    assert window.form is not None
    type_text(qtbot, window.form.field_editor("headline"), "!")
    dialogs.paths.append(str(other))
    dialogs.answers.append(Button.Cancel)
    window.window_actions.open.trigger()
    assert window.form.values()["headline"] == "Stabsläget avslutat!"

    dialogs.paths.append(str(other))
    dialogs.answers.append(Button.Discard)
    window.window_actions.open.trigger()
    assert window.form.values()["headline"] == "Annan rubrik"
    assert window.windowTitle().startswith("annan.pressklar")
    assert context.settings.recent_files[0] == str(other)


def test_recent_files_open_and_forget_missing_ones(
    tmp_path: Path,
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    first, second = tmp_path / "ett.pressklar", tmp_path / "två.pressklar"
    for path, headline in ((first, "Ett"), (second, "Två")):
        save_release(Release.new(reference_release.template, {"headline": headline}), path)
    window = make_window(reference_release)
    for path in (first, second):
        assert window.files.open_release(str(path))
    recent = window.window_actions.recent
    recent.rebuild()
    assert recent.recent_actions() == [str(second), str(first)]
    assert context.settings.recent_files == [str(second), str(first)]

    entry = next(a for a in recent.actions() if a.data() == str(first))
    entry.trigger()
    assert window.form is not None and window.form.values()["headline"] == "Ett"

    os.remove(second)
    recent.rebuild()
    next(a for a in recent.actions() if a.data() == str(second)).trigger()
    assert dialogs.texts("error")
    assert str(second) not in context.settings.recent_files
    assert window.form.values()["headline"] == "Ett"


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_dropping_a_release_file_on_the_window_opens_it(
    tmp_path: Path, qtbot: QtBot, reference_release: Release, make_window: Callable[..., MainWindow]
) -> None:
    path = tmp_path / "dropped.pressklar"
    save_release(Release.new(reference_release.template, {"headline": "Släppt hit"}), path)
    window = make_window(reference_release)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    how = (
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(QPoint(10, 10), *how)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(10, 10), *how))
    assert window.form is not None and window.form.values()["headline"] == "Släppt hit"


def test_new_release_from_the_template_picker(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    window = make_window(Release.new(reference_release.template))
    seen: dict[str, object] = {}

    def pick(picker: TemplatePicker) -> None:
        model = picker.view.model()
        seen["names"] = [model.index(r, 0).data() for r in range(model.rowCount())]
        seen["first language"] = model.index(0, 1).data()
        picker.select("readiness-raised-sv")
        picker.ok_button.click()

    when_modal(TemplatePicker, pick)
    window.window_actions.new.trigger()
    assert "Höjd beredskap" in seen["names"]  # type: ignore[operator]
    assert seen["first language"] == "English"  # the UI's language first
    assert window.session.template.id == "readiness-raised-sv"
    assert context.settings.last_template == "readiness-raised-sv"
    assert not window.isWindowModified()


def test_broken_templates_are_listed_with_their_error_and_cannot_be_chosen(
    qtbot: QtBot, context: AppContext
) -> None:
    context.paths.templates.mkdir(parents=True)
    (context.paths.templates / "trasig.toml").write_text("name = 'Trasig'\n", encoding="utf-8")
    picker = TemplatePicker(context.template_listing())
    qtbot.addWidget(picker)
    model = picker.view.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    broken = next(r for r in rows if r.data() == "trasig")
    assert "needs a body" in broken.siblingAtColumn(3).data()
    assert not model.flags(broken) & Qt.ItemFlag.ItemIsEnabled
    picker.view.setCurrentIndex(broken)
    assert picker.selected_key() != "user:trasig"
    assert any(r.data() == "Beredskapsläge avslutat" for r in rows)


def test_a_template_removed_after_it_was_listed_is_refused_with_a_message(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    context.paths.templates.mkdir(parents=True, exist_ok=True)
    doomed = context.paths.templates / "tillfallig.toml"
    doomed.write_text(
        "format = 1\nname = 'Tillfällig'\nlanguage = 'sv'\nbody = '# Rubrik'\n", encoding="utf-8"
    )
    window = make_window(Release.new(reference_release.template))

    def pick(picker: TemplatePicker) -> None:
        picker.select("user:tillfallig")
        doomed.unlink()  # another officer removes it while the dialog is open
        picker.ok_button.click()

    when_modal(TemplatePicker, pick)
    window.window_actions.new.trigger()
    assert window.session.template.id == reference_release.template.id  # nothing replaced
    (error,) = dialogs.texts("error")
    assert error.startswith("Could not use the template: ") and "tillfallig" in error


def test_a_release_open_in_another_window_is_offered_read_only_or_as_a_copy(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = tmp_path / "delad.pressklar"
    save_release(reference_release, saved)
    first = make_window(load_release(saved), str(saved))
    assert not first.session.read_only
    second = make_window(Release.new(reference_release.template))
    asked: list[str] = []

    def answer(choice: int) -> None:
        def choose(_parent: object, _title: str, text: str, *_: object, **__: object) -> int:
            asked.append(text)
            return choice

        monkeypatch.setattr(messages, "choose", choose)

    answer(0)  # read only
    assert second.files.open_release(str(saved))
    assert "delad.pressklar is open on" in asked[0] and " since " in asked[0]
    assert second.session.read_only and "(read only)" in second.windowTitle()
    assert second.form is not None
    type_text(qtbot, second.form.field_editor("headline"), " – läst")
    copy = tmp_path / "kopia.pressklar"
    dialogs.paths.append(str(copy))  # Save in a read-only window asks for another file
    second.window_actions.save.trigger()
    assert load_release(copy).values["headline"] == "Stabsläget avslutat – läst"
    assert load_release(saved).values["headline"] == "Stabsläget avslutat"  # untouched
    assert not second.session.read_only  # it is the copy's window now

    third = make_window(Release.new(reference_release.template))
    answer(1)  # a copy
    assert third.files.open_release(str(saved))
    assert third.session.path == "" and third.isWindowModified()
    assert third.session.release.id != load_release(saved).id

    first.close()  # the mark goes with the window: the file opens normally again
    asked.clear()
    fourth = make_window(Release.new(reference_release.template))
    assert fourth.files.open_release(str(saved))
    assert asked == [] and not fourth.session.read_only


def test_saving_over_a_file_open_elsewhere_is_refused(
    tmp_path: Path,
    qtbot: QtBot,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
) -> None:
    saved = tmp_path / "delad.pressklar"
    save_release(reference_release, saved)
    make_window(load_release(saved), str(saved))
    other = make_window(Release.new(reference_release.template))
    dialogs.paths.append(str(saved))
    dialogs.answers.append(messages.Button.Yes)  # replace the file? (if asked)
    dialogs.strict = False
    other.window_actions.save_as.trigger()
    errors = dialogs.texts("error")
    assert errors and "delad.pressklar is open on" in errors[-1]
    assert load_release(saved).values == reference_release.values


def test_templates_in_the_ui_language_come_first_whatever_their_region(
    qtbot: QtBot, context: AppContext
) -> None:
    """Was: a Finland-Swedish template (sv-FI) sorted among the other languages for sv."""
    context.paths.templates.mkdir(parents=True, exist_ok=True)
    (context.paths.templates / "finsk.toml").write_text(
        "format = 1\nid = 'finsk'\nname = 'Åländskt'\nlanguage = 'sv-FI'\nbody = 'x'\n",
        encoding="utf-8",
    )
    picker = TemplatePicker(context.template_listing(), language="sv")
    qtbot.addWidget(picker)
    languages = [row.columns[1] for row in picker.model.rows()]
    assert "sv-FI" in languages
    assert languages.index("sv-FI") < languages.index("English")


def test_new_lists_the_library_on_a_worker_with_progress_and_refuses_a_second_new_meanwhile(
    qtbot: QtBot,
    context: AppContext,
    reference_release: Release,
    make_window: Callable[..., MainWindow],
    dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Templates new since the last listing, or a shared folder on a slow network, froze the
    window for as long as the New dialog's listing took (1,000 new: 1.7 s)."""
    import threading
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    window = make_window(Release.new(reference_release.template))
    real = context.template_listing
    listed_on: list[bool] = []

    def slow_listing() -> object:
        listed_on.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.6)  # a slow share
        return real()

    monkeypatch.setattr(context, "template_listing", slow_listing)
    ticks: list[float] = []
    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start(10)
    progress: list[str] = []
    pickers: list[TemplatePicker] = []

    def meanwhile() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, QProgressDialog):
            progress.append(shown.labelText())
        window.window_actions.new.trigger()  # again, before the first New has its list

    def pick(picker: TemplatePicker) -> None:
        pickers.append(picker)
        picker.select("readiness-raised-sv")
        picker.ok_button.click()

    QTimer.singleShot(400, meanwhile)  # the progress dialog is up after 250 ms
    when_modal(TemplatePicker, pick)
    started = time.perf_counter()
    window.window_actions.new.trigger()
    ticker.stop()
    assert listed_on == [False]  # once, and not on the GUI thread
    assert progress == ["Listing the templates…"]
    assert len([t for t in ticks if t > started]) >= 20  # the window's timers ran meanwhile
    assert len(pickers) == 1 and window.session.template.id == "readiness-raised-sv"
