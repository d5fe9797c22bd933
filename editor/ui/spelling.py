"""The app's spelling: dictionaries loaded in a worker thread, the user's own words, and the
signals that tell every field and window to underline again.

One per app (in ``AppContext``), so a word added in one window is known in all of them and each
dictionary is loaded once. ``speller`` never waits: before a dictionary is loaded it asks for it
and answers None (the fields then mark only a word twice and the stray "i"); ``ready`` follows
when it has loaded. Loading starts ``LOAD_DELAY_MS`` after it is first asked for, and the app
defers it until its first window has painted, so it never competes with start-up.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from editor.ui.gc_guard import before_a_worker_starts

if TYPE_CHECKING:  # the spelling modules are imported when the first field asks
    from editor.render.spelling import PersonalWords, Speller

LOAD_DELAY_MS = 500


class SpellingService(QObject):
    ready = Signal(str)  # a language's dictionary has loaded (the language asked for)
    words_changed = Signal()  # a word was added to the user's dictionary or ignored

    def __init__(self, dictionary_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dictionary_file = dictionary_file
        self._personal: PersonalWords | None = None
        self._asked: set[str] = set()
        self._deferred: list[str] | None = None  # languages asked for while loading waits

    @property
    def personal(self) -> PersonalWords:
        """The user's words, read from the user data folder on first use."""
        if self._personal is None:
            from editor.render.spelling import PersonalWords
            from editor.storage.user_dictionary import load_words

            self._personal = PersonalWords(added=load_words(self.dictionary_file))
        return self._personal

    def speller(self, lang: str) -> Speller | None:
        """The language's speller if its dictionary is loaded, else None (and it is loaded in
        the background, ``ready`` telling when)."""
        from editor.render.spelling import loaded_speller

        speller = loaded_speller(lang, self.personal)
        if speller is None and lang not in self._asked:
            self._asked.add(lang)
            if self._deferred is not None:
                self._deferred.append(lang)
            else:
                QTimer.singleShot(LOAD_DELAY_MS, self, lambda: self._start_loading(lang))
        return speller

    def defer_loading(self) -> None:
        """Load nothing until ``resume_loading``: the app calls it until its first window has
        painted, so a dictionary never competes with start-up, however slow the machine."""
        if self._deferred is None:
            self._deferred = []

    def resume_loading(self) -> None:
        waiting, self._deferred = self._deferred or [], None
        for lang in waiting:
            QTimer.singleShot(LOAD_DELAY_MS, self, lambda lang=lang: self._start_loading(lang))

    def _start_loading(self, lang: str) -> None:
        thread = threading.Thread(
            target=self._load, args=(lang,), name=f"spelling-{lang}", daemon=True
        )
        before_a_worker_starts()
        thread.start()

    def _load(self, lang: str) -> None:
        """In the worker thread: Hunspell releases the GIL while it reads (through ctypes)."""
        from editor.render.spelling import load_speller

        if load_speller(lang) is not None:
            self.ready.emit(lang)  # queued to the GUI thread, where the receivers live

    def load_now(self, lang: str) -> Speller | None:
        """Load the language's dictionary in this thread (tests, and the benchmark)."""
        from editor.render.spelling import load_speller

        self._asked.add(lang)
        speller = load_speller(lang, self.personal)
        if speller is not None:
            self.ready.emit(lang)
        return speller

    def add_word(self, word: str) -> None:
        """Keep ``word`` in the user's dictionary; StorageError when it cannot be written (the
        word is still known for as long as the app runs)."""
        from editor.storage.user_dictionary import add_word

        self.personal.added.add(word)
        try:
            self.personal.added |= add_word(self.dictionary_file, word)
        finally:
            self.words_changed.emit()

    def ignore_word(self, word: str) -> None:
        """Accept ``word`` everywhere until the app quits."""
        self.personal.ignored.add(word)
        self.words_changed.emit()
