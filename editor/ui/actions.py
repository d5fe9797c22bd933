"""The main window's actions and menus: labels, standard shortcuts, tooltips.

The window connects each action to what it does; this module only describes them, and makes
sure a window command's shortcut works from every field: on X11 a line edit claims Ctrl+E
(end of line, Emacs style), and a date edit claims other keys, so Export did nothing while the
cursor was in one. ``WindowShortcuts`` gives the window's own commands priority over such
editing keys; the editing commands themselves (undo, cut, copy, paste) stay the field's.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from editor.model.language import other_language
from editor.ui.panels.recent_menu import RecentFilesMenu

# A widget with this dynamic property set gives Undo and Redo to the window's actions (which
# ask it, see MainWindow._apply_to_focused) instead of taking the keys for its own editing.
WINDOW_UNDO = "pressklarWindowUndo"

Key = QKeySequence.StandardKey


class WindowActions(QObject):
    def __init__(self, window: QMainWindow, recent: RecentFilesMenu) -> None:
        super().__init__(window)
        self._window = window
        self.recent = recent
        self.new = self._make(
            self.tr("&New…"), Key.New, self.tr("Start a new release from a template")
        )
        self.open = self._make(self.tr("&Open…"), Key.Open, self.tr("Open a saved release"))
        self.save = self._make(self.tr("&Save"), Key.Save, self.tr("Save the release"))
        self.save_as = self._make(
            self.tr("Save &As…"), Key.SaveAs, self.tr("Save the release under a new name")
        )
        self.export = self._make(
            self.tr("&Export…"),
            "Ctrl+E",
            self.tr("Make a Word, PDF, e-mail, web or text file of the release"),
        )
        self.publish_newsroom = self._make(
            self.tr("Pu&blish Newsroom Folder…"),
            None,
            self.tr(
                "Publish the releases of a folder as a web site of their own, with a feed and"
                " CAP alerts, for any web server or a USB stick"
            ),
        )
        self.new_follow_up = self._make(
            self.tr("New &Follow-up…"),
            "Ctrl+Shift+N",
            self.tr("The next release of this incident, with the facts that still hold"),
        )
        self.language_copy = self._make(
            self.tr("Also in &English…"),
            None,
            self.tr("The same release in the other language, in the same incident"),
        )
        self.exercise = self._make(
            self.tr("E&xercise"),
            None,
            self.tr("Mark the release as an exercise in every format"),
        )
        self.exercise.setCheckable(True)
        self.find_in_archive = self._make(
            self.tr("&Find in Archive…"),
            "Ctrl+Shift+F",
            self.tr("Find a release saved or sent before, by any word of its text"),
        )
        self.print = self._make(self.tr("&Print…"), Key.Print, self.tr("Print the release"))
        self.print_preview = self._make(
            self.tr("Print Pre&view…"),
            "Ctrl+Shift+P",
            self.tr("See the pages as they will print, in the PDF's look"),
        )
        self.quit = self._make(self.tr("&Quit"), Key.Quit, self.tr("Close Pressklar"))
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = self._make(
            self.tr("&Undo"), Key.Undo, self.tr("Undo the last edit in the field")
        )
        self.redo = self._make(self.tr("&Redo"), Key.Redo, self.tr("Redo the edit in the field"))
        self.cut = self._make(self.tr("Cu&t"), Key.Cut, self.tr("Cut the selected text"))
        self.copy = self._make(self.tr("&Copy"), Key.Copy, self.tr("Copy the selected text"))
        self.paste = self._make(self.tr("&Paste"), Key.Paste, self.tr("Paste into the field"))
        self.copy_formatted = self._make(
            self.tr("Copy &Formatted Release"),
            "Ctrl+Shift+C",
            self.tr("Copy the whole release, to paste it with its formatting into e-mail or Word"),
        )
        self.settings = self._make(
            self.tr("Se&ttings…"),
            Key.Preferences,
            self.tr("Language, organisation, letterhead, e-mail lists, autosave"),
        )
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)

        self.contact_book = self._make(
            self.tr("Contact &Book…"), None, self.tr("The people you name in contact blocks")
        )
        self.level_sets = self._make(
            self.tr("&Level Sets…"),
            None,
            self.tr("Readiness levels: the built-in sets and your own"),
        )
        self.new_template = self._make(
            self.tr("&New Template…"), None, self.tr("Design a new kind of release")
        )
        self.edit_template = self._make(
            self.tr("&Edit Template…"),
            None,
            self.tr("Change the fields and the text of this release's template"),
        )
        self.save_as_template = self._make(
            self.tr("&Save as Template…"),
            None,
            self.tr("Make a template of this release, to start others like it"),
        )
        self.manage_templates = self._make(
            self.tr("&Manage Templates…"),
            None,
            self.tr("Rename, duplicate, delete, import and export templates"),
        )
        self.import_template = self._make(
            self.tr("&Import Template…"), None, self.tr("Add a template file from a colleague")
        )

        self.show_formatted = self._make(
            self.tr("&Formatted Preview"), "Ctrl+1", self.tr("Show the release formatted")
        )
        self.show_plain = self._make(
            self.tr("&Plain Text Preview"), "Ctrl+2", self.tr("Show the release as plain text")
        )
        self.show_checks = self._make(
            self.tr("&Checks"), "Ctrl+3", self.tr("Show what to look at before sending")
        )
        self.show_channels = self._make(
            self.tr("C&hannels"), "Ctrl+4", self.tr("Show the SMS and social-media versions")
        )
        self.focus_form = self._make(
            self.tr("Go to the F&orm"), "F6", self.tr("Move the keyboard focus to the form")
        )
        self.focus_preview = self._make(
            self.tr("Go to the Pre&view"),
            "Shift+F6",
            self.tr("Move the keyboard focus to the preview"),
        )
        self.next_problem = self._make(
            self.tr("Next &Missing Value"),
            "F8",
            self.tr("Go to the next field that needs filling in"),
        )

        self.about = self._make(self.tr("&About Pressklar"), None, self.tr("Version and licences"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = self._make(self.tr("About &Qt"), None, "")
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

    def _make(self, text: str, shortcut: Key | str | None, tip: str) -> QAction:
        action = QAction(text, self._window)
        if isinstance(shortcut, str):
            action.setShortcut(QKeySequence(shortcut))
        elif shortcut is not None:
            action.setShortcuts(shortcut)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self._window.addAction(action)
        return action

    def show_language_copy_target(self, language: str) -> None:
        """Name the language a copy of a release in ``language`` goes into."""
        if other_language(language) == "en":
            self.language_copy.setText(self.tr("Also in &English…"))
        else:
            self.language_copy.setText(self.tr("Also in &Swedish…"))

    def window_commands(self) -> list[QAction]:
        """The actions whose shortcuts belong to the window, not to the field being edited."""
        editing = {self.undo, self.redo, self.cut, self.copy, self.paste}
        return [a for a in self._window.actions() if a not in editing and a.shortcuts()]

    def build_menus(self) -> None:
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new, self.new_follow_up, self.language_copy, self.open])
        file_menu.addMenu(self.recent)
        file_menu.addAction(self.find_in_archive)
        file_menu.addSeparator()
        file_menu.addActions([self.save, self.save_as])
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addAction(self.publish_newsroom)
        file_menu.addAction(self.exercise)
        file_menu.addActions([self.print_preview, self.print])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.cut, self.copy, self.paste])
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_formatted)
        edit_menu.addSeparator()
        edit_menu.addActions([self.contact_book, self.level_sets])
        edit_menu.addAction(self.settings)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions(
            [self.show_formatted, self.show_plain, self.show_checks, self.show_channels]
        )
        view_menu.addSeparator()
        view_menu.addActions([self.focus_form, self.focus_preview, self.next_problem])

        templates_menu = bar.addMenu(self.tr("&Templates"))
        templates_menu.addActions([self.new_template, self.edit_template, self.save_as_template])
        templates_menu.addSeparator()
        templates_menu.addActions([self.manage_templates, self.import_template])

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.about, self.about_qt])


class WindowShortcuts(QObject):
    """Gives a window's commands priority over the editing keys of the field with the focus.

    Qt first offers a key to the focused widget as a ShortcutOverride; a line edit accepts
    Ctrl+E there, and the window's Export never sees it. ``override`` declines it for the keys
    of the window's own commands, so Qt runs the command instead; the application's event filter
    (``editor.ui.app_events``) asks the shortcuts of the window the widget is in. The window
    makes them once it has painted: no key reaches it before."""

    def __init__(self, window: QMainWindow, actions: WindowActions) -> None:
        super().__init__(window)  # goes with the window
        self.window = window
        self._actions = actions

    def override(self, event: QEvent, widget: QWidget) -> bool:
        """True (the field's override declined) for a key of one of the window's commands, and
        for Undo and Redo in a widget marked ``WINDOW_UNDO``."""
        if not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        commands = self._actions.window_commands()
        if widget.property(WINDOW_UNDO):
            commands += [self._actions.undo, self._actions.redo]
        for action in commands:
            if action.isEnabled() and any(
                pressed.matches(shortcut) == QKeySequence.SequenceMatch.ExactMatch
                for shortcut in action.shortcuts()
            ):
                event.ignore()  # not the field's: Qt runs the window's shortcut
                return True
        return False
