"""Run as its own process by test_autosave_recovery: the real app's first window, a user typing
into the form, then nothing but the event loop until the test kills the process (SIGKILL).

Usage: python autosave_driver.py FIELD_KEY TEXT   (with PRESSKLAR_HOME set)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from editor.ui.application import first_window
from editor.ui.context import AppContext


def main() -> int:
    key, text = sys.argv[1], sys.argv[2]
    app = QApplication([sys.argv[0]])
    context = AppContext.load("sv")
    window = first_window(context, None)
    assert window is not None and window.form is not None
    window.show()

    def type_like_a_user() -> None:
        assert window.form is not None
        editor = window.form.field_editor(key)
        editor.setFocus()
        if isinstance(editor, QLineEdit):
            editor.end(False)
        QTest.keyClicks(editor, text)  # one key press per character, through Qt's event loop
        print("typed", flush=True)

    QTimer.singleShot(0, type_like_a_user)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
