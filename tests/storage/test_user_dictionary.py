"""The user's own dictionary: added words are kept in the user data folder, merged with what
another window added, and read back by a new session."""

from __future__ import annotations

from pathlib import Path

from editor.render.spelling import PersonalWords, load_speller
from editor.storage.paths import user_paths
from editor.storage.user_dictionary import add_word, clean_word, load_words


def test_added_words_persist_and_reload(pressklar_home: Path) -> None:
    path = user_paths().dictionary_file
    assert path.parent == pressklar_home / "data"
    assert load_words(path) == set()
    assert add_word(path, "  Kungsbackaviken ") == {"Kungsbackaviken"}
    assert add_word(path, "blorfa") == {"Kungsbackaviken", "blorfa"}
    assert path.read_text(encoding="utf-8") == "blorfa\nKungsbackaviken\n"
    speller = load_speller("sv", PersonalWords(added=load_words(path)))
    assert speller is not None
    assert speller.unknown_words("Kungsbackaviken är blorfa") == []


def test_another_windows_addition_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    add_word(path, "ett")
    path.write_text(path.read_text(encoding="utf-8") + "annat\n", encoding="utf-8")
    assert add_word(path, "tredje") == {"ett", "annat", "tredje"}


def test_no_word_is_no_addition(tmp_path: Path) -> None:
    path = tmp_path / "dictionary.txt"
    assert clean_word("två ord") == "" and clean_word("  ") == ""
    assert add_word(path, "två ord") == set()
    assert not path.exists()
    assert load_words(tmp_path / "missing.txt") == set()


def test_ignored_words_last_only_for_the_running_app(tmp_path: Path) -> None:
    personal = PersonalWords(added=load_words(tmp_path / "dictionary.txt"))
    personal.ignored.add("Qwxyz")
    assert personal.accepts("Qwxyz")
    assert not PersonalWords(added=load_words(tmp_path / "dictionary.txt")).accepts("Qwxyz")
