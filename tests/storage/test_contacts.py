"""The contact book: round trip on disk, search, and what happens to damaged or newer files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from unittest.mock import patch

import pytest

from editor.errors import NewerFormatError, StorageError, ValueFormatError
from editor.model.contacts import Contact, Phone
from editor.storage.contacts import (
    CONTACTS_FORMAT,
    ContactBook,
    contacts_to_json,
    load_contact_book,
    save_contact_book,
)
from editor.storage.paths import user_paths
from tests.helpers import ROOT

NOW = datetime(2018, 9, 25, 15, 37, 0)

ANNA = Contact(
    name="Anna Exempel",
    title="Pressekreterare",
    organisation="Region Exempel",
    unit="Kommunikationsavdelningen",
    email="anna.exempel@example.se",
    phones=(Phone("0470-00 00 00", "Växel"), Phone("070-000 00 00", "Mobil")),
)
ASA = Contact(name="Åsa Öberg", title="Hälso- och sjukvårdsdirektör", email="asa@example.se")


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_round_trip_keeps_every_field_and_id(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    book = ContactBook()
    anna = book.add(ANNA)
    asa = book.add(ASA)
    save_contact_book(book, path)

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == CONTACTS_FORMAT and len(data["contacts"]) == 2

    loaded, warning = load_contact_book(path)
    assert warning is None
    assert loaded.get(anna.id) == anna
    assert loaded.get(asa.id) == asa
    assert loaded.get(anna.id).phones == ANNA.phones  # type: ignore[union-attr]
    assert [c.name for c in loaded.contacts] == ["Anna Exempel", "Åsa Öberg"]


def test_default_path_is_in_the_user_data_folder(pressklar_home: Path) -> None:
    path = user_paths().contacts_file
    assert path.is_relative_to(pressklar_home)
    book, _ = load_contact_book(path)
    book.add(ANNA)
    save_contact_book(book, path)  # creates the data folder
    assert len(load_contact_book(path)[0]) == 1


def test_missing_file_is_an_empty_book_without_warning(tmp_path: Path) -> None:
    book, warning = load_contact_book(tmp_path / "contacts.json")
    assert len(book) == 0 and warning is None and not book.read_only


def test_ids_are_stable_and_unique() -> None:
    book = ContactBook()
    first = book.add(ANNA)
    second = book.add(first)  # "add to contact book" twice: a second entry, its own id
    assert first.id and second.id and first.id != second.id
    kept = ContactBook().add(Contact(name="Per Prov", id="from-a-release"))
    assert kept.id == "from-a-release"


def test_update_and_delete() -> None:
    book = ContactBook()
    anna = book.add(ANNA)
    moved = book.update(Contact(name=anna.name, title="Kommunikationschef", id=anna.id))
    assert book.get(anna.id) == moved and moved.title == "Kommunikationschef"
    book.delete(anna.id)
    assert anna.id not in book
    with pytest.raises(StorageError):
        book.delete(anna.id)
    with pytest.raises(StorageError):
        book.update(anna)


def test_a_contact_needs_a_name_and_text_is_cleaned() -> None:
    book = ContactBook()
    with pytest.raises(ValueFormatError):
        book.add(Contact(name="  ", email="x@example.se"))
    stored = book.add(Contact(name=" Anna\nExempel ", phones=(Phone(" "), Phone("112"))))
    assert stored.name == "Anna Exempel"
    assert stored.phones == (Phone("112"),)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Anna Exempel", "Åsa Öberg"]),
        ("anna", ["Anna Exempel"]),
        ("ASA", ["Åsa Öberg"]),  # case and accents ignored
        ("oberg", ["Åsa Öberg"]),
        ("pressekreterare", ["Anna Exempel"]),  # title
        ("region exempel", ["Anna Exempel"]),  # organisation, both words
        ("kommunikations", ["Anna Exempel"]),  # unit
        ("asa@example", ["Åsa Öberg"]),  # e-mail
        ("sjukvårdsdirektör", ["Åsa Öberg"]),
        ("anna direktör", []),  # every word must match
    ],
)
def test_search(query: str, expected: list[str]) -> None:
    book = ContactBook([ASA, ANNA])
    assert [c.name for c in book.search(query)] == expected


def test_corrupt_json_is_kept_aside_and_the_user_told(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    path.write_text('{"format": 1, "contacts": [', encoding="utf-8")
    book, warning = load_contact_book(path, now=NOW)

    aside = tmp_path / "contacts.corrupt-20180925-153700.json"
    assert len(book) == 0 and not book.read_only
    assert warning is not None and "damaged" in warning and aside.name in warning
    assert not path.exists()
    assert aside.read_text(encoding="utf-8") == '{"format": 1, "contacts": ['

    book.add(ANNA)  # the new book saves normally
    save_contact_book(book, path)
    assert len(load_contact_book(path)[0]) == 1
    assert aside.read_text(encoding="utf-8") == '{"format": 1, "contacts": ['


@pytest.mark.parametrize(
    "content",
    [
        b'["not", "a", "book"]',
        b'{"contacts": []}',  # no format
        b'{"format": 1, "contacts": {"a": 1}}',
        b'{"format": 1, "contacts": [{"name": 42}]}',
        b"\xff\xfe\x00binary",
        b"",
    ],
)
def test_wrong_shape_is_kept_aside(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "contacts.json"
    path.write_bytes(content)
    book, warning = load_contact_book(path, now=NOW)
    assert len(book) == 0 and warning and "kept as" in warning
    assert (tmp_path / "contacts.corrupt-20180925-153700.json").read_bytes() == content


def test_an_earlier_corrupt_copy_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    path.write_text("first damage", encoding="utf-8")
    load_contact_book(path, now=NOW)
    path.write_text("second damage", encoding="utf-8")
    _, warning = load_contact_book(path, now=NOW)

    assert (tmp_path / "contacts.corrupt-20180925-153700.json").read_text() == "first damage"
    second = tmp_path / "contacts.corrupt-20180925-153700-2.json"
    assert second.read_text() == "second damage"
    assert warning and second.name in warning


def test_newer_format_is_read_only_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    newer = {
        "format": CONTACTS_FORMAT + 1,
        "contacts": [{"name": "Anna Exempel", "id": "a1"}, {"name": {"given": "Per"}}],
        "groups": ["press"],
    }
    path.write_text(json.dumps(newer), encoding="utf-8")
    before = files_in(tmp_path)

    book, warning = load_contact_book(path)
    assert warning and "newer Pressklar" in warning
    assert book.read_only and [c.name for c in book.contacts] == ["Anna Exempel"]
    with pytest.raises(NewerFormatError):
        book.add(ASA)
    with pytest.raises(NewerFormatError):
        save_contact_book(book, path)
    assert files_in(tmp_path) == before


def test_a_folder_in_place_of_the_file_is_reported_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    path.mkdir()
    book, warning = load_contact_book(path)
    assert warning and "cannot be read" in warning
    assert book.read_only
    with pytest.raises(StorageError):
        save_contact_book(book, path)
    assert path.is_dir()


def test_duplicate_ids_in_the_file_are_made_unique(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    data = {"format": 1, "contacts": [{"name": "A", "id": "x"}, {"name": "B", "id": "x"}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    book, warning = load_contact_book(path)
    assert warning is None
    assert len({c.id for c in book.contacts}) == 2 and book.get("x") is not None


def test_cli_lists_the_contact_book(capsys: pytest.CaptureFixture[str]) -> None:
    from editor import cli

    path = user_paths().contacts_file
    book = ContactBook()
    book.add(ANNA)
    save_contact_book(book, path)
    assert cli.main(["contacts", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in data["contacts"]] == ["Anna Exempel"] and data["warning"] == ""
    assert cli.main(["contacts"]) == 0
    assert "Anna Exempel | Pressekreterare" in capsys.readouterr().out

    path.write_text("{broken", encoding="utf-8")
    assert cli.main(["contacts"]) == 0
    assert "warning: The contact book was damaged" in capsys.readouterr().err


ADDER = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from editor.model.contacts import Contact
from editor.storage.contacts import load_contact_book, save_contact_book
path = Path({path!r})
book, _ = load_contact_book(path)  # read once, as a window does, then written many times
for n in range({count}):
    book.add(Contact({name!r} + " " + str(n)))
    save_contact_book(book, path)
"""


def test_two_processes_adding_hundreds_of_contacts_keep_every_one(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    count = 200
    scripts = [
        ADDER.format(root=str(ROOT), path=str(path), count=count, name=name)
        for name in ("Anna", "Bo")
    ]
    processes = [subprocess.Popen([sys.executable, "-c", script]) for script in scripts]
    assert [p.wait(180) for p in processes] == [0, 0]
    book, warning = load_contact_book(path)
    assert warning is None
    assert len(book) == 2 * count


def test_a_deletion_elsewhere_and_an_addition_here_both_hold(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    first = ContactBook([Contact("Anna"), Contact("Bo")])
    save_contact_book(first, path)
    here, _ = load_contact_book(path)
    elsewhere, _ = load_contact_book(path)
    bo = next(c for c in elsewhere.contacts if c.name == "Bo")
    elsewhere.delete(bo.id)
    save_contact_book(elsewhere, path)
    here.add(Contact("Cecilia"))
    save_contact_book(here, path)
    assert sorted(c.name for c in load_contact_book(path)[0].contacts) == ["Anna", "Cecilia"]
    assert sorted(c.name for c in here.contacts) == ["Anna", "Cecilia"]


def _old_search(contacts: list[Contact], query: str) -> list[Contact]:
    """The search as it was before the keys were folded once per load: the reference."""
    from editor.storage.contacts import fold

    ordered = sorted(contacts, key=lambda c: (fold(c.name), c.name, c.id))
    words = fold(query).split()
    fields = ("name", "title", "organisation", "unit", "email")
    return [
        c
        for c in ordered
        if all(word in " ".join(fold(getattr(c, key)) for key in fields) for word in words)
    ]


def big_book(count: int = 10_000) -> list[Contact]:
    first = ["Anna", "Åsa", "Bo", "Örjan", "Élise", "Karl", "Lena", "Per", "Märta", "Zoë"]
    last = ["Exempel", "Öberg", "Berg", "Åström", "Lind", "Nilsson", "Ek", "Sandén"]
    titles = ["Pressekreterare", "Hälso- och sjukvårdsdirektör", "Chef", "Kommunikatör"]
    return [
        Contact(
            name=f"{first[i % 10]} {last[(i // 10) % 8]} {i}",
            title=titles[i % 4],
            organisation=f"Region {['Exempel', 'Kronoberg', 'Skåne'][i % 3]}",
            unit="Enheten för media" if i % 5 else "",
            email=f"person{i}@example.se",
            id=f"id{i:05}",
        )
        for i in range(count)
    ]


@pytest.mark.parametrize(
    "query", ["", "a", "asa", "ÅSA öberg", "press region skåne", "1234", "ÉLISE", "zzz", "e ek"]
)
def test_search_on_ten_thousand_contacts_equals_the_old_search(query: str) -> None:
    contacts = big_book()
    book = ContactBook.as_read(contacts)
    assert book.search(query) == _old_search(contacts, query)


def test_typing_a_query_key_by_key_finds_what_a_fresh_search_finds() -> None:
    contacts = big_book(2000)
    book = ContactBook.as_read(contacts)
    for query in ("press region skåne", "Åsa  Öb", "e ek", "anna e", "zzz"):
        for end in range(1, len(query) + 1):
            typed = query[:end]
            assert book.search(typed) == _old_search(contacts, typed), typed
    assert book.search("asa") == _old_search(contacts, "asa")  # a shorter query: from scratch
    changed = book.update(replace(book.get("id00009") or ANNA, name="Asa Zoëson"))
    assert changed in book.search("asa z")  # typed on after a change: the change is seen


def test_search_sees_every_change_to_the_book(tmp_path: Path) -> None:
    contacts = big_book(300)
    book = ContactBook.as_read(contacts)
    assert [c.id for c in book.search("zoë")] == [c.id for c in _old_search(contacts, "zoe")]
    changed = book.update(replace(book.get("id00009") or ANNA, name="Aaron Zoëson"))
    added = book.add(Contact(name="Åke Zoëgren", title="Chef"))
    book.delete("id00019")
    expected = _old_search(book.contacts, "zoe")
    assert book.search("zoe") == expected
    assert changed in book.search("aaron") and added in book.search("ake zoe")
    assert all(c.id != "id00019" for c in book.search("zoe"))
    assert book.contacts[0] == changed  # re-sorted: "Aaron" now comes first
    path = tmp_path / "contacts.json"
    save_contact_book(book, path)
    other = ContactBook.as_read(book.contacts)
    other.update(replace(changed, name="Zacharias Zoë"))
    save_contact_book(other, path)
    save_contact_book(book, path)  # merges what the other window saved
    assert book.search("aaron") == [] and book.search("zacharias")[0].id == changed.id


def test_fold_per_character_equals_folding_the_whole_text() -> None:
    import unicodedata

    def whole(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    from editor.storage.contacts import fold

    samples = ["Åsa Öberg", "ÉLISE Sandén", "Straße", "İstanbul", "ﬁ ǅ", "e\u0301", "Ωμέγα", ""]
    samples += ["".join(chr(c) for c in range(start, start + 40)) for start in range(160, 9000, 40)]
    assert [fold(s) for s in samples] == [whole(s) for s in samples]


def test_a_book_read_again_is_the_same_and_a_changed_file_is_read_anew(tmp_path: Path) -> None:
    path = tmp_path / "contacts.json"
    save_contact_book(ContactBook([ANNA, ASA]), path)
    first, _ = load_contact_book(path)
    again, _ = load_contact_book(path)
    assert again.contacts == first.contacts and again is not first
    again.add(Contact(name="Bo Berg"))  # a book read again is its own: changing it
    assert [c.name for c in load_contact_book(path)[0].contacts] == ["Anna Exempel", "Åsa Öberg"]
    # rewritten in place, same size, only a later modification time tells it apart
    text = path.read_text(encoding="utf-8").replace("Anna Exempel", "Anne Exempel")
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert path.stat().st_size == stat.st_size
    changed, _ = load_contact_book(path)
    assert [c.name for c in changed.contacts] == ["Anne Exempel", "Åsa Öberg"]
    assert [c.name for c in changed.search("anne exempel")] == ["Anne Exempel"]
    path.write_text("not json", encoding="utf-8")  # damaged now: kept aside, not served stale
    broken, warning = load_contact_book(path, now=NOW)
    assert warning and len(broken) == 0


def test_a_saved_book_reads_back_as_saved_and_later_changes_on_disk_are_seen(
    tmp_path: Path,
) -> None:
    path = tmp_path / "contacts.json"
    book = ContactBook([ANNA])
    save_contact_book(book, path)
    book.add(ASA)
    save_contact_book(book, path)
    again, _ = load_contact_book(path)
    assert again.contacts == book.contacts
    assert json.loads(path.read_text(encoding="utf-8"))["contacts"] == [
        c.to_dict() for c in again.contacts
    ]
    data = json.loads(path.read_text(encoding="utf-8"))
    data["contacts"].pop()
    path.write_text(json.dumps(data), encoding="utf-8")  # another program, not under the lock
    assert [c.name for c in load_contact_book(path)[0].contacts] == ["Anna Exempel"]


def test_a_book_read_again_from_its_file_searches_as_the_old_search(tmp_path: Path) -> None:
    """The second read of an unchanged file hands out the order and search texts of the first;
    a save hands out those of the saved book."""
    path = tmp_path / "contacts.json"
    save_contact_book(ContactBook(big_book(500)), path)
    for _read_again in range(2):
        book, _ = load_contact_book(path)
        for query in ("", "a", "åsa öb", "press skåne", "person12", "zzz"):
            assert book.search(query) == _old_search(book.contacts, query), query
    added = book.add(Contact(name="Aaron Zoëson", title="Chef"))
    save_contact_book(book, path)
    again, _ = load_contact_book(path)
    assert again.search("zoeson") == [added] and again.search("a")[0] == added
    assert again.search("a") == _old_search(again.contacts, "a")


@pytest.mark.parametrize(
    "text",
    [
        '{"format": 1, "contacts": [{"name": "Anna"}, "Bo", {"name": "Åsa", "phones": ["1"]}]}',
        '  {\n "contacts" : [ ] , "format" : 1 }\n',
        '{"format": 1, "contacts": [], "contacts": [{"name": "Sist"}]}',
        '{"format": 1, "contacts": {"name": "Anna"}}',
        '{"format": 1, "contacts": [{"name": "Anna"},]}',
        '{"format": 1, "contacts": [{"name": "Anna"}] "x": 1}',
        '{"format": 1, "contacts": [{"name": "Anna"}]} trailing',
        '{"format": 1, "contacts": [{"name": "Anna"}],}',
        '{"format": 1, "contacts": [{"name": "Anna"} {"name": "Bo"}]}',
        '{"format": 1, "contacts": [{"name": "Anna"}',
        '[{"name": "Anna"}]',
        '{"format": 1, 2: []}',
        '{"format": 1, "contacts": [' + "[" * 100_000 + "]",
        '{"format": 1, "n": 1' + "0" * 5000 + "}",
        "",
    ],
)
def test_a_book_read_in_pieces_reads_as_one_json_document(tmp_path: Path, text: str) -> None:
    """The same contacts, or the same damage found, as reading the file in one go."""
    from editor.storage.contacts import _parse

    def outcome(parse: Callable[[str], object]) -> object:
        try:
            return parse(text)
        except Exception as error:  # the outcome compared is the error
            return (type(error), getattr(error, "why", None))

    def in_one_go(text: str) -> object:
        with patch("editor.storage.contacts._loads_in_pieces", json.loads):
            return _parse(text)

    assert outcome(_parse) == outcome(in_one_go)


def test_reading_ahead_finds_the_book_and_leaves_a_damaged_or_newer_one_to_the_load(
    tmp_path: Path,
) -> None:
    from editor.storage.contacts import read_ahead

    path = tmp_path / "contacts.json"
    assert read_ahead(path) == []  # no book yet
    path.write_text(contacts_to_json(ContactBook(big_book(300))), encoding="utf-8")
    ahead = read_ahead(path)
    book, warning = load_contact_book(path)
    assert warning is None and ahead == book.contacts
    assert book.search("åsa öberg") == _old_search(ahead, "asa oberg")

    path.write_text("{not json", encoding="utf-8")
    assert read_ahead(path) == [] and path.read_text(encoding="utf-8") == "{not json"
    assert not list(tmp_path.glob("contacts.corrupt-*"))
    book, warning = load_contact_book(path)  # the load still keeps it aside and says so
    assert warning and len(book) == 0 and len(list(tmp_path.glob("contacts.corrupt-*"))) == 1

    path.write_text(json.dumps({"format": 99, "contacts": [{"name": "Ny"}]}), encoding="utf-8")
    assert read_ahead(path) == []
    book, warning = load_contact_book(path)
    assert warning and book.read_only and [c.name for c in book.contacts] == ["Ny"]
