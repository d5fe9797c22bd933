"""Start the GUI: arguments, translators, the first window, crash recovery.

Start-up stays lean: the template library reads TOML only, the first preview compiles one
template body, and nothing only an export needs (python-docx) is imported.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication

from editor import __version__, resources
from editor.errors import PressklarError
from editor.model.language import base_language
from editor.model.release import Release
from editor.model.template import Template, parse_template
from editor.render.compiling import keep_compiled_in
from editor.storage.compiled_cache import CompiledCache
from editor.storage.library import BUILTIN, TEMPLATE_SUFFIX, folder_entry
from editor.storage.paths import HOME_VARIABLE
from editor.storage.releases import load_release
from editor.ui.context import AppContext
from editor.ui.dialogs import messages
from editor.ui.i18n import LANGUAGES, choose_language, install_translators, remove_translators
from editor.ui.icon import install_app_icon
from editor.ui.warm_up import WarmUpAfter
from editor.ui.windows.main_window import MainWindow

EXIT_NO_TEMPLATE = 2
READY_TIMEOUT_MS = 60_000
SPELLING_AT_THE_LATEST_MS = 5_000  # dictionaries load then even if no preview has painted


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="pressklar", description="Press releases from templates.")
    parser.add_argument("release_file", metavar="RELEASE_FILE", nargs="?", help="a .pressklar file")
    parser.add_argument("--home", metavar="DIR", help="keep settings and user data in DIR")
    parser.add_argument("--lang", choices=LANGUAGES, help="the language of the program")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="exit as soon as the first preview has been painted (benchmarks, smoke tests)",
    )
    parser.add_argument("--version", action="version", version=f"Pressklar {__version__}")
    return parser.parse_args(list(argv))


def initial_template(context: AppContext) -> Template | None:
    """The template used last; the first time, the general release in the UI's language."""
    wanted = [context.settings.last_template, f"general-{context.language}", "general-en"]
    for key in filter(None, wanted):
        template = _builtin_template(key)  # one TOML file, not the whole library
        if template is not None:
            return template
        entry = folder_entry(
            key, context.paths.templates, context.settings.organisation_folder
        ) or context.library().find(key)
        if entry is not None and entry.template is not None:
            return entry.template
    usable = context.library().ok()
    builtin = [e for e in usable if e.source == BUILTIN]
    in_language = [e for e in builtin if base_language(e.language) == context.language]
    return (in_language or builtin or usable)[0].template if usable else None


def _builtin_template(key: str) -> Template | None:
    """A built-in template by its file name, read alone; None if there is none that loads."""
    resource = resources.path("templates", key + TEMPLATE_SUFFIX)
    if ":" in key or "/" in key or not resource.is_file():
        return None
    try:
        template = parse_template(resource.read_text(encoding="utf-8"), resource.name, key)
    except PressklarError:
        return None  # the library lists it with its error
    return template.with_source(BUILTIN, resource.name)


def open_window(
    context: AppContext, release: Release, path: str = "", modified: bool = False
) -> MainWindow:
    """A new top-level window, kept alive in the context until it closes."""
    window = MainWindow(context, release, path, modified)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    context.windows.append(window)
    window.destroyed.connect(lambda: context.windows.remove(window))
    return window


def first_window(context: AppContext, path: str | None) -> MainWindow | None:
    release = None
    if path:
        try:
            release = load_release(path)
            context.settings.add_recent(path)
            context.save_settings_quietly()
        except PressklarError as problem:
            title = QCoreApplication.translate("Application", "Could not open the release")
            messages.error(None, title, problem.text())
            path = None
    if release is None:
        template = initial_template(context)
        if template is None:
            messages.error(
                None,
                QCoreApplication.translate("Application", "No templates"),
                QCoreApplication.translate(
                    "Application", "Pressklar found no template it can use. Reinstall Pressklar."
                ),
            )
            return None
        release = context.new_release(template)
    return open_window(context, release, path or "")


def offer_recovery(context: AppContext, window: MainWindow) -> None:
    """Offer what autosave kept from a process that is gone; recovered releases open modified."""
    from editor.ui.dialogs.recovery_dialog import RecoveryDialog

    autosaver = context.autosaver()
    items = autosaver.recoverable()
    if not items:
        return
    (recover, discard), accepted = RecoveryDialog.get_data(window, items)
    if not accepted:
        return
    for item in discard:
        autosaver.remove(item)
    for item in recover:
        untouched = not window.session.is_modified and not window.session.path
        if untouched and window.isVisible():
            window.load_marked(item.release, item.original_path, modified=True)
            target = window
        else:
            target = open_window(context, item.release, item.original_path, modified=True)
            target.show()
        target.autosave.adopt(item)  # the autosave is this window's own now


def _start_up_notes(context: AppContext, window: MainWindow) -> None:
    """After the first paint: what was wrong with the settings file, then crash recovery."""
    if context.settings_warning:
        title = QCoreApplication.translate("Application", "Settings")
        messages.warn(window, title, context.settings_warning)
    offer_recovery(context, window)


def _resume_collector() -> None:
    """Start-up creates tens of thousands of objects that live as long as the app (modules, Qt
    wrappers, Babel's locale data), and Python's cyclic collector would walk them over and over:
    ``run`` pauses it until the first preview is painted. Then they are frozen into the permanent
    generation, so later collections (while the user types) and the one at exit skip them."""
    gc.freeze()
    gc.enable()


def run(argv: Sequence[str]) -> int:
    args = parse_arguments(argv)
    gc.disable()  # until the first preview is painted: see _resume_collector
    if args.home:
        os.environ[HOME_VARIABLE] = os.path.abspath(os.path.expanduser(args.home))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Pressklar")
    app.setApplicationVersion(__version__)
    install_app_icon(app)
    context = AppContext.load()
    keep_compiled_in(CompiledCache(context.paths.compiled_bodies))  # the first render's compile
    context.language = choose_language(args.lang, context.settings.ui_language)
    translators = install_translators(app, context.language)
    QLocale.setDefault(QLocale(context.language))  # dates and numbers in the UI's language
    context.spelling().defer_loading()  # dictionaries load once the first window has painted
    window = first_window(context, args.release_file)
    if window is None:
        gc.enable()
        return EXIT_NO_TEMPLATE
    window.preview.first_painted.connect(_resume_collector)
    window.preview.first_painted.connect(context.spelling().resume_loading)
    window.preview.first_painted.connect(lambda: WarmUpAfter.for_window(window, context))
    QTimer.singleShot(SPELLING_AT_THE_LATEST_MS, context.spelling().resume_loading)
    if args.exit_when_ready:
        session = window.session
        window.preview.first_painted.connect(lambda: app.exit(0 if session.error is None else 1))
        QTimer.singleShot(READY_TIMEOUT_MS, lambda: app.exit(3))
    window.show()
    if not args.exit_when_ready:
        QTimer.singleShot(0, lambda: _start_up_notes(context, window))
    code = app.exec()
    if QApplication.platformName() == "offscreen":
        # Qt's offscreen platform crashes at exit while its clipboard holds mime data.
        QApplication.clipboard().clear()
    gc.enable()
    remove_translators(app, translators)
    return int(code)
