"""The user's own spelling dictionary: the words "Add to my dictionary" keeps, one a line in
UTF-8 in the user data folder, so a Notepad edit or a copy to another computer just works.

Several windows and processes may add words at once: each addition is merged onto what is on
disk under a lock, never a blind replace of someone else's additions. Reading never fails: a
missing or unreadable file is an empty dictionary (spelling is advice, not data to lose).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from editor.storage.atomic import atomic_write

MAX_WORD_CHARS = 100


def clean_word(word: str) -> str:
    """The word as stored: NFC, no surrounding spaces; "" for what is no word (blank, or with a
    space or line break inside)."""
    word = unicodedata.normalize("NFC", word.strip())
    if not word or len(word) > MAX_WORD_CHARS or any(c.isspace() for c in word):
        return ""
    return word


def load_words(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return set()
    return {w for w in (clean_word(line) for line in text.splitlines()) if w}


def add_word(path: Path, word: str) -> set[str]:
    """Add ``word`` to the dictionary file and return every word in it now (other windows'
    additions included). StorageError when the file cannot be written."""
    from editor.storage.locks import exclusive

    cleaned = clean_word(word)
    with exclusive(path.with_name(path.name + ".lock")):
        words = load_words(path)
        if cleaned and cleaned not in words:
            words.add(cleaned)
            text = "".join(f"{w}\n" for w in sorted(words, key=str.casefold))
            atomic_write(path, text, make_dirs=True)
    return words
