"""The C Hunspell library through ctypes: one loaded dictionary, asked whether a word is known.

Why ctypes and not the Cython binding that brings the library (``chunspell``, imported as
``hunspell``): its calls hold the GIL, so loading the Swedish dictionary (one to two seconds)
in a worker thread still froze the GUI thread for that long (measured: a 1.09 s gap against
0.02 s through ctypes, which releases the GIL around every foreign call). We still depend on
``chunspell`` because its wheels carry ``libhunspell`` for every platform, so ``pip install .``
alone gives a working checker; a system ``libhunspell`` is the fallback.

Qt-free. An engine is used by one thread at a time (loaded in a worker, then asked on the GUI
thread); Hunspell itself keeps no global state.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import importlib.util
import threading
from pathlib import Path
from typing import Final

_LIBRARY_NAMES: Final = ("hunspell-1.7", "hunspell")
_BUNDLED_PATTERNS: Final = ("libhunspell*.so*", "libhunspell*.dylib", "*hunspell*.dll")


class HunspellUnavailable(Exception):
    """No Hunspell library could be loaded (spelling is then simply not checked)."""


def _bundled_library() -> str | None:
    """The libhunspell that the ``chunspell`` wheel ships in its ``hunspell`` package, found
    without importing that package (its extension module is of no use to us)."""
    try:
        spec = importlib.util.find_spec("hunspell")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for pattern in _BUNDLED_PATTERNS:
            for candidate in sorted(Path(folder).glob(pattern)):
                return str(candidate)
    return None


@functools.cache
def library() -> ctypes.CDLL:
    """libhunspell with its C functions typed; HunspellUnavailable when there is none."""
    candidates = [_bundled_library()] + [ctypes.util.find_library(n) for n in _LIBRARY_NAMES]
    for candidate in candidates:
        if not candidate:
            continue
        try:
            lib = ctypes.CDLL(candidate)
        except OSError:
            continue
        _declare(lib)
        return lib
    raise HunspellUnavailable("libhunspell")


def _declare(lib: ctypes.CDLL) -> None:
    handle, text = ctypes.c_void_p, ctypes.c_char_p
    lib.Hunspell_create.restype = handle
    lib.Hunspell_create.argtypes = [text, text]
    lib.Hunspell_destroy.restype = None
    lib.Hunspell_destroy.argtypes = [handle]
    lib.Hunspell_spell.restype = ctypes.c_int
    lib.Hunspell_spell.argtypes = [handle, text]
    lib.Hunspell_get_dic_encoding.restype = text
    lib.Hunspell_get_dic_encoding.argtypes = [handle]
    lib.Hunspell_suggest.restype = ctypes.c_int
    lib.Hunspell_suggest.argtypes = [handle, ctypes.POINTER(ctypes.POINTER(text)), text]
    lib.Hunspell_free_list.restype = None
    lib.Hunspell_free_list.argtypes = [handle, ctypes.POINTER(ctypes.POINTER(text)), ctypes.c_int]


class HunspellEngine:
    """One dictionary (``.aff`` + ``.dic``) loaded into Hunspell."""

    def __init__(self, aff: Path, dic: Path) -> None:
        """Slow (0.3 s for English, 1-2 s for Swedish): call it off the GUI thread."""
        self._lib = library()
        self.aff, self.dic = aff, dic
        self._handle = self._lib.Hunspell_create(bytes(aff), bytes(dic))
        if not self._handle:
            raise HunspellUnavailable(str(dic))
        raw = self._lib.Hunspell_get_dic_encoding(self._handle) or b"UTF-8"
        self.encoding = raw.decode("ascii", errors="replace")
        self.try_letters = _try_letters(aff)
        # one call at a time: the checks ask from a worker while the form's underlining asks
        # from the GUI thread, and a Hunspell handle is not made for two at once
        self._lock = threading.Lock()

    def spell(self, word: str) -> bool:
        """True when the dictionary accepts the word (with its case and affix rules)."""
        try:
            encoded = word.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        with self._lock:
            return bool(self._lib.Hunspell_spell(self._handle, encoded))

    def hunspell_suggest(self, word: str) -> list[str]:
        """Hunspell's own suggestions: thorough but slow for Swedish compounds (often over a
        second), so the GUI uses ``editor.render.spelling.suggestions`` instead."""
        result = ctypes.POINTER(ctypes.c_char_p)()
        with self._lock:
            count = self._lib.Hunspell_suggest(self._handle, ctypes.byref(result), word.encode())
            try:
                return [result[i].decode(self.encoding, errors="replace") for i in range(count)]
            finally:
                self._lib.Hunspell_free_list(self._handle, ctypes.byref(result), count)

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle:
            self._lib.Hunspell_destroy(handle)
            self._handle = None


def _try_letters(aff: Path) -> str:
    """The letters of the affix file's TRY line (most frequent first): the alphabet that
    suggestions try, so Swedish tries å, ä and ö and English does not."""
    try:
        with aff.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if line.startswith("TRY "):
                    letters = line[4:].strip()
                    return "".join(c for c in dict.fromkeys(letters.lower()) if c.isalpha())
    except OSError:
        pass
    return "abcdefghijklmnopqrstuvwxyz"
