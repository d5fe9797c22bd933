"""The UI language: which one to use, and the Qt translators that give it.

Source strings are English, so English needs no translator; Swedish installs ours plus Qt's
own (``qtbase_sv.qm``) so that standard buttons and file dialogs speak Swedish too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from editor import resources
from editor.i18n import SOURCE_LANGUAGE
from editor.i18n import set_language as set_message_language
from editor.model.language import UI_LANGUAGES, ui_language

LANGUAGES = UI_LANGUAGES


def system_language() -> str:
    """The first UI language of the system that we have, else English."""
    for name in QLocale.system().uiLanguages():
        code = ui_language(name)
        if code:
            return code
    return "en"


def choose_language(*wishes: str | None) -> str:
    """The first wish we support (flag, then setting; ``sv-FI`` counts as ``sv``), else the
    system's language."""
    for wish in wishes:
        code = ui_language(wish)
        if code:
            return code
    return system_language()


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load and install the translators for ``language``; the caller keeps them alive. The
    core's messages (errors, problems, findings) follow the same language."""
    set_message_language(language)
    if language == "en":
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(resources.path("translations", f"pressklar_{language}.qm"))):
        installed.append(ours)
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(QLocale(language), "qtbase", "_", folder):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    set_message_language(SOURCE_LANGUAGE)
    for translator in translators:
        app.removeTranslator(translator)
