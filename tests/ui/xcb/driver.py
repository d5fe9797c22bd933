"""A real Pressklar window on an X server (the xcb platform), driven from a test process that
sends real X input with xdotool. Commands on stdin, one per line; answers on stdout:

    focus KEY      give the keyboard focus to a field; prints "focused"
    where KEY [box|start]  prints the field widget's centre on the screen: "X Y" (or its
                   check box's centre, or a point on the first section of its text)
    unset KEY      empties an optional field; prints "unset"
    value KEY      prints the field's value, as str() of the Python value
    state          prints a JSON object: every combo box's index and date/time text, by field
    scroll         prints the form's scroll position
    quit

Every window command run prints "command NAME" (Export, Save...), instead of opening a dialog.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox

from editor.model.release import Release, values_from_json
from editor.ui.context import AppContext
from editor.ui.windows.main_window import MainWindow


def main() -> int:
    reference = json.loads(sys.argv[1])
    app = QApplication([sys.argv[0]])
    context = AppContext.load("en")
    entry = context.library().find("readiness-ended-sv")
    assert entry is not None and entry.template is not None
    values, problems = values_from_json(entry.template, reference)
    assert not problems, problems
    window = MainWindow(context, Release.new(entry.template, values))
    actions = window.window_actions
    for name in ("export", "save", "save_as", "new", "open", "copy_formatted", "next_problem"):
        action = getattr(actions, name)
        action.triggered.disconnect()
        action.triggered.connect(lambda _=False, n=name: print(f"command {n}", flush=True))
    window.resize(900, 560)
    window.show()
    form = window.form
    assert form is not None

    def state() -> dict[str, str]:
        found: dict[str, str] = {}
        for key, editor in form._editors.items():
            for combo in editor.findChildren(QComboBox):
                found[f"{key}:{combo.objectName()}"] = str(combo.currentIndex())
            for spin in editor.findChildren(QAbstractSpinBox):
                found[f"{key}:{spin.objectName()}"] = spin.text()
        return found

    def command() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        word, _, rest = line.strip().partition(" ")
        if word == "focus":
            widget = form.field_editor(rest)
            widget.activateWindow()
            widget.setFocus(Qt.FocusReason.MouseFocusReason)
            print("focused", flush=True)
        elif word == "where":
            key, _, part = rest.partition(" ")
            widget = form.field_editor(key)
            form.ensureWidgetVisible(widget)
            app.processEvents()
            if part == "box":
                widget = form.editor(key).set_box
            point = widget.rect().center()
            if part == "start":
                point.setX(6)
            centre = widget.mapToGlobal(point)
            print(f"{centre.x()} {centre.y()}", flush=True)
        elif word == "unset":
            form.editor(rest).set_value(None)
            print("unset", flush=True)
        elif word == "value":
            print(str(form.values()[rest]), flush=True)
        elif word == "state":
            print(json.dumps(state()), flush=True)
        elif word == "scroll":
            print(form.verticalScrollBar().value(), flush=True)
        elif word == "quit":
            window.session.load(window.session.release)  # nothing unsaved: close quietly
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(command)
    # Ready once painted and every row is built (on a busy machine that takes longer than the
    # test's grace time, and a row added below can still shift the ones on screen).
    said: list[bool] = []

    def ready_when_settled() -> None:
        if not said and form.is_complete():
            said.append(True)
            print("ready", flush=True)

    window.preview.first_painted.connect(ready_when_settled)
    form.completed.connect(lambda: QTimer.singleShot(0, ready_when_settled))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
