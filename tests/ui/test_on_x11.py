"""What a user feels, on a real X server (Xvfb, Qt's xcb platform) with real X input from
xdotool: offscreen has other key bindings, no real focus and no real pointer.

Each test drives a Pressklar window in a process of its own (``xcb/driver.py``)."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from uihelpers import REFERENCE_VALUES

from tests.helpers import ROOT

DRIVER = Path(__file__).with_name("xcb") / "driver.py"
pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")),
    reason="needs Xvfb and xdotool (CI installs them)",
)


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A fresh X server at 1366x768, the smallest common laptop screen."""
    number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    deadline = time.monotonic() + 20
    while not socket.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert socket.exists(), "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(10)


class App:
    """One driven window: send it commands, read its answers, and send it real X input."""

    def __init__(self, display: str, home: Path) -> None:
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PRESSKLAR_HOME": str(home),
        }
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), json.dumps(REFERENCE_VALUES)],
            cwd=ROOT,
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.read(30) == "ready"
        time.sleep(0.5)  # mapped and exposed

    def read(self, seconds: float = 10) -> str:
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], seconds)
        assert ready, "the window did not answer"
        return self.process.stdout.readline().strip()

    def ask(self, line: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.read()

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=20)
        time.sleep(0.3)  # the X server delivers, Qt handles

    def close(self) -> None:
        assert self.process.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.process.stdin.write("quit\n")
            self.process.stdin.flush()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def app(display: str, pressklar_home: Path) -> Iterator[App]:
    driven = App(display, pressklar_home)
    yield driven
    driven.close()


@pytest.mark.parametrize(
    "field", ["headline", "organisation", "ended_at", "raised_to", "consequences"]
)
def test_ctrl_e_exports_from_every_kind_of_field(app: App, field: str) -> None:
    assert app.ask(f"focus {field}") == "focused"
    app.xdotool("key", "--clearmodifiers", "ctrl+e")
    assert app.read() == "command export"


def test_window_shortcuts_work_from_a_one_line_field(app: App) -> None:
    assert app.ask("focus headline") == "focused"
    for keys, name in (
        ("ctrl+s", "save"),
        ("ctrl+shift+c", "copy_formatted"),
        ("F8", "next_problem"),
    ):
        app.xdotool("key", "--clearmodifiers", keys)
        assert app.read() == f"command {name}"


def test_the_wheel_over_levels_and_dates_scrolls_without_changing_them(app: App) -> None:
    assert app.ask("focus headline") == "focused"
    before = json.loads(app.ask("state"))
    for field in ("raised_to", "raised_at", "lowered_to", "ended_at"):
        x, y = app.ask(f"where {field}").split()
        app.xdotool("mousemove", x, y)
        app.xdotool("click", "--repeat", "3", "5")  # the wheel, towards the user
        app.xdotool("click", "--repeat", "3", "4")
    assert json.loads(app.ask("state")) == before


@pytest.mark.parametrize("typed", ["0630", "6.30", "6 30"])
def test_a_click_into_a_date_time_then_digits_change_it(app: App, typed: str) -> None:
    x, y = app.ask("where raised_at start").split()  # on the year, wherever the cursor was
    app.xdotool("mousemove", x, y)
    app.xdotool("click", "1")
    app.xdotool("type", "--delay", "60", f"2019-10-03 {typed}")
    app.xdotool("key", "Return")
    assert app.ask("value raised_at") == "2019-10-03 06:30:00"


def test_ticking_an_empty_date_and_pressing_tab_lands_on_its_first_section(app: App) -> None:
    assert app.ask("unset lowered_at") == "unset"
    x, y = app.ask("where lowered_at box").split()
    app.xdotool("mousemove", x, y)
    app.xdotool("click", "1")
    app.xdotool("key", "Tab")
    app.xdotool("type", "--delay", "60", "2017")
    app.xdotool("key", "Return")
    assert app.ask("value lowered_at").startswith("2017-")


def test_a_click_on_an_empty_date_sets_it_and_takes_digits(app: App) -> None:
    assert app.ask("unset lowered_at") == "unset"
    x, y = app.ask("where lowered_at start").split()
    app.xdotool("mousemove", x, y)
    app.xdotool("click", "1")
    app.xdotool("type", "--delay", "60", "2016")
    app.xdotool("key", "Return")
    assert app.ask("value lowered_at").startswith("2016-")
