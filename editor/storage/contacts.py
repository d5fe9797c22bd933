"""The contact book: people who appear in contact blocks, kept in one versioned JSON file.

``load_contact_book`` never fails on a bad file. A corrupt file (not JSON, wrong shape, not
UTF-8, absurdly large) is renamed to ``contacts.corrupt-YYYYmmdd-HHMMSS.json`` beside it, never
overwriting an earlier one, and the book starts empty; the caller gets a warning to show.

A file written by a newer Pressklar is read as far as it can be, but the book is *read-only*:
``add``/``update``/``delete`` and ``save_contact_book`` raise NewerFormatError, so this version
can never overwrite contacts it does not fully understand. The same holds (with StorageError)
when the file exists but cannot be read, or when a corrupt file could not be moved aside.
"""

from __future__ import annotations

import json
import operator
import os
import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from itertools import compress, repeat
from pathlib import Path
from typing import Any, NamedTuple

from editor.errors import (
    NewerFormatError,
    PressklarError,
    StorageError,
    ValueFormatError,
    megabytes,
    os_reason,
)
from editor.i18n import Message
from editor.model.contacts import Contact, Phone
from editor.model.fields import clean_line
from editor.storage.atomic import atomic_write

CONTACTS_FORMAT = 1
MAX_CONTACTS_FILE = 20_000_000
_SEARCHED = ("name", "title", "organisation", "unit", "email")


class _FoldedCharacters(dict[int, str]):
    """Each character's fold, worked out the first time it is met. Folding is a per-character
    mapping (case folding is, and NFKD's reordering only moves the marks that are dropped)."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code).casefold())
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLDED = _FoldedCharacters()


def fold(text: str) -> str:
    """``text`` for matching: case- and accent-insensitive ("Åsa Öberg" ~ "asa oberg")."""
    folded = text.casefold()
    return folded if folded.isascii() else folded.translate(_FOLDED)


def _clean(contact: Contact) -> Contact:
    return replace(
        contact,
        name=clean_line(contact.name).strip(),
        title=clean_line(contact.title).strip(),
        organisation=clean_line(contact.organisation).strip(),
        unit=clean_line(contact.unit).strip(),
        email=clean_line(contact.email).strip(),
        phones=tuple(
            Phone(clean_line(p.number).strip(), clean_line(p.label).strip())
            for p in contact.phones
            if p.number.strip()
        ),
    )


class ContactBook:
    """The contacts, by id. Contacts are frozen dataclasses: ``update`` replaces one whole.

    ``read_only`` is None for a normal book; otherwise the message that says why changes are
    refused (``read_only_reason`` gives it in the UI language).
    """

    def __init__(
        self, contacts: Iterable[Contact] = (), *, read_only: Message | None = None
    ) -> None:
        self._contacts: dict[str, Contact] = {}
        self._changes: dict[str, Contact | None] = {}  # since loaded or saved; None: deleted
        self._read_only = read_only
        self._read_only_error: type[PressklarError] = StorageError
        self._sorted: list[Contact] | None = None  # ``contacts``, made once per change
        self._keys: dict[str, tuple[str, str]] = {}  # id -> (folded name, folded search text)
        # the last search: the sorted contacts it ran on, its folded query, the positions
        # (in that order) of what it found
        self._last_search: tuple[list[Contact], str, list[int]] | None = None
        # the folded search text of each contact of the sorted list named, in its order
        self._texts: tuple[list[Contact], list[str]] | None = None
        for contact in contacts:  # a new book: its contacts are changes to save
            if not contact.id or contact.id in self._contacts:
                contact = replace(contact, id=uuid.uuid4().hex)
            self._contacts[contact.id] = self._changes[contact.id] = contact

    @classmethod
    def as_read(
        cls, contacts: Iterable[Contact], *, read_only: Message | None = None
    ) -> ContactBook:
        """A book as read from its file: nothing in it is a change yet."""
        listed = list(contacts)
        by_id = {contact.id: contact for contact in listed}
        if len(by_id) < len(listed) or "" in by_id:  # ids to give, as a new book does
            book = cls(listed, read_only=read_only)
            book._changes.clear()
            return book
        book = cls(read_only=read_only)
        book._contacts = by_id
        return book

    @property
    def read_only(self) -> bool:
        return self._read_only is not None

    @property
    def read_only_reason(self) -> str:
        return self._read_only.text() if self._read_only is not None else ""

    def _check_writable(self) -> None:
        if self._read_only is not None:
            raise self._read_only_error(self._read_only.code, **self._read_only.params)

    def _key(self, contact: Contact) -> tuple[str, str]:
        """The contact's folded name and search text, folded once per contact version."""
        key = self._keys.get(contact.id)
        if key is None:
            # one fold of the joined fields: "\n" keeps a word from matching across two fields
            text = fold("\n".join(getattr(contact, k) for k in _SEARCHED))
            key = (text[: text.index("\n")], text)
            self._keys[contact.id] = key
        return key

    def _changed(self, contact_id: str) -> None:
        self._sorted = None
        self._keys.pop(contact_id, None)

    def _in_order(self) -> list[Contact]:
        """The contacts sorted; every one of them has its keys in ``_keys`` then."""
        if self._sorted is None:
            self._sorted = sorted(
                self._contacts.values(), key=lambda c: (self._key(c)[0], c.name, c.id)
            )
        return self._sorted

    @property
    def contacts(self) -> list[Contact]:
        """Every contact, sorted by name (case and accents ignored)."""
        return list(self._in_order())

    def __len__(self) -> int:
        return len(self._contacts)

    def __contains__(self, contact_id: object) -> bool:
        return contact_id in self._contacts

    def get(self, contact_id: str) -> Contact | None:
        return self._contacts.get(contact_id)

    def add(self, contact: Contact) -> Contact:
        """Store a new contact and return it with its id (kept if unused here, else a new one).

        "Add to contact book" from a filled contact field passes the field's contact as is.
        """
        self._check_writable()
        cleaned = _clean(contact)
        if not cleaned.name:
            raise ValueFormatError("contacts.no_name")
        contact_id = cleaned.id if cleaned.id and cleaned.id not in self._contacts else ""
        stored = replace(cleaned, id=contact_id or uuid.uuid4().hex)
        self._changed(stored.id)
        self._contacts[stored.id] = self._changes[stored.id] = stored
        return stored

    def update(self, contact: Contact) -> Contact:
        """Replace the contact with ``contact.id``; StorageError if the book has no such id."""
        self._check_writable()
        if contact.id not in self._contacts:
            raise StorageError("contacts.gone", name=contact.name or Message("contacts.this"))
        cleaned = _clean(contact)
        if not cleaned.name:
            raise ValueFormatError("contacts.no_name")
        self._changed(cleaned.id)
        self._contacts[cleaned.id] = self._changes[cleaned.id] = cleaned
        return cleaned

    def delete(self, contact_id: str) -> None:
        self._check_writable()
        if self._contacts.pop(contact_id, None) is None:
            raise StorageError("contacts.gone", name=Message("contacts.that"))
        self._changed(contact_id)
        self._changes[contact_id] = None

    def merged_onto(self, other: ContactBook) -> ContactBook:
        """``other`` (the book on disk now) with this book's own changes applied: what another
        window or process added, changed or deleted in the meantime is kept."""
        merged = ContactBook.as_read(other._contacts.values())
        for contact_id, contact in self._changes.items():
            merged._changed(contact_id)
            if contact is None:
                merged._contacts.pop(contact_id, None)
            else:
                merged._contacts[contact_id] = contact
        return merged

    def _take(self, saved: ContactBook) -> None:
        old = self._contacts
        self._contacts = dict(saved._contacts)
        self._changes.clear()
        self._sorted = None
        self._keys = {  # a contact the save left as it was keeps its folded keys
            contact_id: key
            for contact_id, key in self._keys.items()
            if self._contacts.get(contact_id) == old.get(contact_id)
        }

    def search(self, query: str) -> list[Contact]:
        """Contacts matching every word of ``query`` in name, title, organisation, unit or
        e-mail, ignoring case and accents; an empty query gives every contact."""
        folded = fold(query)
        words = folded.split()
        ordered = self._in_order()
        if not words:
            return list(ordered)
        texts = self._search_texts(ordered)
        last = self._last_search
        if last is not None and last[0] is ordered and folded.startswith(last[1]):
            # typed on: every word of the last query is within a word of this one, so what
            # this one finds is among what that one found
            found, rest = last[2], words
        else:
            found, rest = list(range(len(texts))), words
        # positions, not (text, contact) pairs: a scan of the whole book makes no object the
        # cycle collector tracks (10,000 of them set off a full collection); and the loops run
        # in C (``map``, ``compress``), a tenth of the time of a comprehension
        for word in rest:
            matches = map(operator.contains, map(texts.__getitem__, found), repeat(word))
            found = list(compress(found, matches))
        self._last_search = (ordered, folded, found)
        return list(map(ordered.__getitem__, found))

    def _search_texts(self, ordered: list[Contact]) -> list[str]:
        """The folded search text of each contact of ``ordered`` (the sorted book), in its
        order; made once per order."""
        if self._texts is None or self._texts[0] is not ordered:
            keys = self._keys
            self._texts = (ordered, [keys[c.id][1] for c in ordered])
        return self._texts[1]

    def to_dict(self) -> dict[str, Any]:
        return {"format": CONTACTS_FORMAT, "contacts": [c.to_dict() for c in self.contacts]}


def contacts_to_json(book: ContactBook) -> str:
    return json.dumps(book.to_dict(), ensure_ascii=False, indent=2) + "\n"


class _Corrupt(Exception):
    """The file's content cannot be a contact book; ``why`` says why, for the warning."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.why = Message(code, params)


_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def _loads_in_pieces(text: str) -> Any:
    """``json.loads(text)`` for a book: an object whose values are decoded one by one and the
    ``contacts`` list one contact at a time. One ``json.loads`` of 10,000 contacts holds the
    GIL for 40-60 ms, which the window (the warm-up reads the book on its thread) would feel;
    in pieces it holds it for microseconds at a time. Anything else (another shape, an error)
    is left to ``json.loads``, which says what and where."""
    decode, end = _DECODER.raw_decode, len(text)

    def skip(at: int) -> int:
        while at < end and text[at] in _SPACE:
            at += 1
        return at

    at = skip(0)
    if not text.startswith("{", at):
        return json.loads(text)
    data: dict[str, Any] = {}
    at = skip(at + 1)
    try:
        while not text.startswith("}", at):
            key, at = decode(text, at)
            at = skip(at)
            if not isinstance(key, str) or not text.startswith(":", at):
                return json.loads(text)
            at = skip(at + 1)
            if key == "contacts" and text.startswith("[", at):
                items: list[Any] = []
                at = skip(at + 1)
                while not text.startswith("]", at):
                    item, at = decode(text, at)
                    items.append(item)
                    at = skip(at)
                    if text.startswith(",", at):
                        at = skip(at + 1)
                        if text.startswith("]", at):  # a trailing comma is not JSON
                            return json.loads(text)
                    elif not text.startswith("]", at):
                        return json.loads(text)
                data[key], at = items, at + 1
            else:
                data[key], at = decode(text, at)
            at = skip(at)
            if text.startswith(",", at):
                at = skip(at + 1)
                if text.startswith("}", at):
                    return json.loads(text)
            elif not text.startswith("}", at):
                return json.loads(text)
    except (ValueError, RecursionError):
        return json.loads(text)
    if skip(at + 1) != end:
        return json.loads(text)
    return data


def _parse(text: str) -> tuple[list[Contact], int]:
    try:
        data = _loads_in_pieces(text)
    except (json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        if line:
            raise _Corrupt("contacts.not_json_at", line=line) from None
        raise _Corrupt("contacts.not_json") from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise _Corrupt("file.number_too_large") from None
    if not isinstance(data, dict):
        raise _Corrupt("contacts.not_book")
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _Corrupt("contacts.no_format")
    raw = data.get("contacts")
    if not isinstance(raw, list):
        raise _Corrupt("contacts.no_list")
    contacts: list[Contact] = []
    for index, item in enumerate(raw, start=1):
        try:
            contacts.append(Contact.from_dict(item))
        except ValueFormatError as error:
            if version > CONTACTS_FORMAT:
                continue  # a newer entry shape: skip it, the file stays untouched anyway
            reason = Message(error.code, error.params)
            raise _Corrupt("contacts.bad_contact", index=index, reason=reason) from None
    return contacts, version


def _corrupt_name(path: Path, now: datetime) -> Path:
    """A free ``<stem>.corrupt-YYYYmmdd-HHMMSS[-n]<suffix>`` beside ``path``."""
    base = f"{path.stem}.corrupt-{now:%Y%m%d-%H%M%S}"
    candidate = path.with_name(base + path.suffix)
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{base}-{counter}{path.suffix}")
        counter += 1
    return candidate


def _keep_aside(path: Path, now: datetime) -> Path:
    """Rename ``path`` to a free corrupt-name; never overwrites (hard link, then unlink)."""
    for _attempt in range(100):
        target = _corrupt_name(path, now)
        try:
            os.link(path, target)
        except FileExistsError:
            continue  # taken between the check and the link: try the next name
        except OSError:
            # Hard links are not available everywhere (FAT, some network shares).
            if target.exists():
                continue
            os.rename(path, target)
            return target
        os.unlink(path)
        return target
    raise OSError("no free name to keep the damaged contact book aside")


_Stamp = tuple[int, int, int, int]


def _stamp(stat: os.stat_result) -> _Stamp:
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)


class _Kept(NamedTuple):
    """A version of a book's file as read, sorted and folded: contacts are frozen, so each load
    of it hands out a new book over the same contacts (none of this is changed once kept)."""

    stamp: _Stamp
    ordered: list[Contact]  # the book's order
    keys: dict[str, tuple[str, str]]  # id -> (folded name, folded search text)
    texts: list[str]  # the folded search texts in the book's order
    by_id: dict[str, Contact]

    def book(self) -> ContactBook:
        book = ContactBook()
        book._contacts = dict(self.by_id)
        book._keys = dict(self.keys)
        book._sorted = list(self.ordered)
        book._texts = (book._sorted, self.texts)
        return book


_read: dict[Path, _Kept] = {}  # the last version read of each file


def load_contact_book(path: Path, *, now: datetime | None = None) -> tuple[ContactBook, str | None]:
    """The contact book at ``path`` and a warning for the user, or None when all is well.

    A missing file is an empty book. See the module docstring for damaged and newer files.
    A file read before and not changed since (same inode, size and modification time: every
    save replaces the file) is not parsed again.
    """
    try:
        stat = path.stat()
    except FileNotFoundError:
        return ContactBook(), None
    except OSError as error:
        return _unreadable(path, error)
    stamp = _stamp(stat)
    known = _read.get(path)
    if known is not None and known.stamp == stamp:
        return known.book(), None
    book, warning = _load_contact_book(path, stat.st_size, now)
    _read.pop(path, None)
    if warning is None and not book.read_only:
        _remember(path, stamp, book)
    return book, warning


def read_ahead(path: Path) -> list[Contact]:
    """Read the book at ``path`` for a later ``load_contact_book`` of it to find it read,
    sorted and folded (the warm-up does this on its thread, so that the first contact field
    the user enters, or the book window, does not read 10,000 contacts on the GUI thread).
    The contacts in order; none when the file is missing, damaged, newer or unreadable: it is
    left as it is, for ``load_contact_book`` to deal with and say so."""
    try:
        stat = path.stat()
    except OSError:
        return []
    stamp = _stamp(stat)
    known = _read.get(path)
    if known is not None and known.stamp == stamp:
        return known.ordered
    if stat.st_size > MAX_CONTACTS_FILE:
        return []
    try:
        contacts, version = _parse(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, _Corrupt):
        return []
    if version > CONTACTS_FORMAT:
        return []
    book = ContactBook.as_read(contacts)
    _remember(path, stamp, book)
    return book._in_order()


def _remember(path: Path, stamp: _Stamp, book: ContactBook) -> None:
    """Keep ``book`` as the version of ``path`` with ``stamp``: sorted and folded once for
    every later load of it."""
    ordered = book._in_order()
    texts = book._search_texts(ordered)
    _read[path] = _Kept(stamp, list(ordered), dict(book._keys), texts, dict(book._contacts))


def _load_contact_book(
    path: Path, size: int, now: datetime | None
) -> tuple[ContactBook, str | None]:
    why: Message | None = None
    contacts: list[Contact] = []
    version = CONTACTS_FORMAT
    if size > MAX_CONTACTS_FILE:
        why = Message("contacts.too_large", {"size": megabytes(size)})
    else:
        try:
            raw = path.read_bytes()
        except OSError as error:
            return _unreadable(path, error)
        try:
            contacts, version = _parse(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            why = Message("contacts.not_text")
        except _Corrupt as error:
            why = error.why
    if why:
        try:
            kept = _keep_aside(path, now or datetime.now())
        except OSError as error:
            params = {"path": str(path), "why": why, "reason": os_reason(error)}
            stuck = Message("contacts.damaged_stuck", params)
            return ContactBook(read_only=stuck), stuck.text()
        params = {"why": why, "file": kept.name, "folder": str(kept.parent)}
        return ContactBook(), Message("contacts.damaged_kept", params).text()
    if version > CONTACTS_FORMAT:
        newer = Message("contacts.newer_format", {"version": version, "supported": CONTACTS_FORMAT})
        book = ContactBook.as_read(contacts, read_only=newer)
        book._read_only_error = NewerFormatError
        return book, newer.text()
    return ContactBook.as_read(contacts), None


def _unreadable(path: Path, error: OSError) -> tuple[ContactBook, str]:
    unreadable = Message("contacts.unreadable", {"path": str(path), "reason": os_reason(error)})
    return ContactBook(read_only=unreadable), unreadable.text()


def save_contact_book(book: ContactBook, path: Path) -> None:
    """Write the book's changes, merged onto the book on disk now, under a lock, atomically.

    Another window or process may have written the file since this book was read: its
    contacts are kept and this book's additions, changes and deletions are laid over them
    (``book`` then holds the merged contacts). A read-only book raises (NewerFormatError for a
    newer file, else StorageError), and so does a file on disk that has become read-only;
    the file is then left untouched.
    """
    from editor.storage.locks import exclusive

    book._check_writable()
    with exclusive(path.with_name(path.name + ".lock")):
        on_disk, _ = load_contact_book(path)
        on_disk._check_writable()
        merged = book.merged_onto(on_disk)
        atomic_write(path, contacts_to_json(merged), make_dirs=True)
        book._take(merged)
        try:  # under the lock no other Pressklar writes: the file on disk is this book
            stat = path.stat()
        except OSError:
            _read.pop(path, None)
        else:
            _remember(path, (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns), book)
