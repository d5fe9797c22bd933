"""The incident: a thread of follow-ups rebuilt from the files alone, facts carried and the news
left empty, a hash-chained log written by several processes, exercise marks in every format,
and the archive searched after a rebuild."""

from __future__ import annotations

import email
import email.policy
import json
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from editor.model.followup import follow_up
from editor.model.incident import suggested_next
from editor.model.release import Release
from editor.render import writers
from editor.render.session import RenderSettings, render_release
from editor.render.short import short_versions
from editor.storage import incident_log
from editor.storage.archive import Archive, fts_query
from editor.storage.incidents import follow_up_of, incident_thread, record
from editor.storage.paths import user_paths
from editor.storage.releases import save_release
from tests.helpers import ROOT, builtin, values

FACTS = {
    "headline": "Region Exempel höjer beredskapen",
    "organisation": "Region Exempel",
    "cause": "ett omfattande IT-avbrott",
    "raised_at": "2026-12-01T06:30",
    "raised_to": "stabslage",
    "situation": "Journalsystemet ligger nere sedan i morse.",
    "contact": {"name": "Anna Exempel", "title": "Pressekreterare", "phones": ["070-000 00 00"]},
}


def _first(tmp_path: Path) -> Path:
    template = builtin("readiness-raised-sv")
    path = tmp_path / "1.pressklar"
    save_release(Release.new(template, values(template, FACTS)), path)
    return path


def test_a_follow_up_carries_the_facts_and_leaves_the_news_empty(tmp_path: Path) -> None:
    first = _first(tmp_path)
    second = follow_up_of(first)
    assert second.values["organisation"] == "Region Exempel"
    assert second.values["cause"] == "ett omfattande IT-avbrott"
    assert second.values["raised_to"] == "stabslage"
    assert second.values["contact"][0].name == "Anna Exempel"
    assert not second.values["headline"] and not second.values["situation"]
    assert second.values["release_date"] == date.today()
    assert second.incident is not None and second.incident.number == 2
    assert second.incident.title == "Region Exempel höjer beredskapen"


def test_a_new_incident_is_named_by_the_headline_the_template_wrote(tmp_path: Path) -> None:
    """With no headline typed, the incident took an empty title ("Händelse: –")."""
    template = builtin("readiness-raised-sv")
    path = tmp_path / "1.pressklar"
    save_release(Release.new(template, values(template, {**FACTS, "headline": ""})), path)
    second = follow_up_of(path)
    assert second.incident is not None
    assert second.incident.title == "Region Exempel höjer beredskapen till stabsläge"


def test_a_three_release_thread_is_rebuilt_from_the_files_alone(tmp_path: Path) -> None:
    first = _first(tmp_path)
    update = builtin(suggested_next("readiness-raised-sv"))
    assert update.id == "incident-update-sv"
    second = follow_up_of(first, update)
    save_release(second, tmp_path / "2.pressklar")
    third = follow_up_of(tmp_path / "2.pressklar", builtin("readiness-lowered-sv"))
    save_release(third, tmp_path / "3.pressklar")
    assert second.incident is not None
    thread = incident_thread(tmp_path, second.incident.incident_id)
    assert [item.path.name for item in thread] == ["2.pressklar", "3.pressklar"]
    assert [item.release.incident.number for item in thread if item.release.incident] == [2, 3]
    assert all(item.intact for item in thread[1:])
    (tmp_path / "2.pressklar").write_text(
        (tmp_path / "2.pressklar").read_text(encoding="utf-8").replace("Region", "Regionen"),
        encoding="utf-8",
    )  # changed after the follow-up was made from it
    assert not incident_thread(tmp_path, second.incident.incident_id)[1].intact


def test_the_next_kind_follows_the_incident() -> None:
    assert suggested_next("readiness-raised-en") == "incident-update-en"
    assert suggested_next("readiness-lowered-sv") == "readiness-ended-sv"
    assert suggested_next("critical-incident-declared-en") == "critical-incident-update-en"
    assert suggested_next("general-sv") == "general-sv"


def test_an_edited_log_entry_breaks_the_chain_where_it_was_edited(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    for number in range(1, 5):
        incident_log.append(folder, "export", release="r", number=number, format="pdf")
    entries, breaks = incident_log.read_log(folder)
    assert [e.get("number") for e in entries] == [1, 2, 3, 4] and breaks == []
    (log_file,) = folder.glob("*.jsonl")
    lines = log_file.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"pdf"', '"docx"')
    log_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, breaks = incident_log.read_log(folder)
    assert [(b.file, b.line) for b in breaks] == [(log_file.name, 2)]
    del lines[1]  # removing an entry breaks the next one's link
    log_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [b.line for b in incident_log.read_log(folder)[1]] == [2]


APPENDER = """
import sys, socket
sys.path.insert(0, {root!r})
socket.gethostname = lambda: {host!r}  # another computer sharing the folder
from pathlib import Path
from editor.storage import incident_log
for n in range({count}):
    incident_log.append(Path({folder!r}), "export", release={host!r}, number=n)
"""


def test_two_computers_appending_at_once_lose_nothing(tmp_path: Path) -> None:
    folder, count = tmp_path / "shared-log", 150
    scripts = [
        APPENDER.format(root=str(ROOT), host=host, count=count, folder=str(folder))
        for host in ("dator-a", "dator-b")
    ]
    processes = [subprocess.Popen([sys.executable, "-c", script]) for script in scripts]
    assert [p.wait(120) for p in processes] == [0, 0]
    entries, breaks = incident_log.read_log(folder)
    assert breaks == [] and len(entries) == 2 * count
    assert len(list(folder.glob("*.jsonl"))) == 2  # one file per computer and user


def test_record_logs_saves_and_exports_of_incident_releases_only(tmp_path: Path) -> None:
    first = _first(tmp_path)
    plain = Release.new(builtin("general-sv"))
    assert record(plain, str(first), tmp_path, "save") is None
    second = follow_up_of(first)
    save_release(second, tmp_path / "2.pressklar")
    data = b"%PDF-1.7 ..."
    record(second, str(tmp_path / "2.pressklar"), tmp_path, "export", fmt="pdf",
           written=str(tmp_path / "2.pdf"), data=data)  # fmt: skip
    assert second.incident is not None
    folder = incident_log.log_folder(tmp_path / "2.pressklar", second.incident.incident_id)
    (entry,) = incident_log.read_log(folder)[0]
    assert entry.get("format") == "pdf" and entry.get("file") == "2.pdf"
    import hashlib

    assert entry.get("sha256") == hashlib.sha256(data).hexdigest()


def _exercise() -> Release:
    template = builtin("readiness-raised-sv")
    release = Release.new(template, values(template, FACTS)).with_exercise(True)
    return follow_up(release, b"{}")  # a follow-up of an exercise is an exercise


@pytest.mark.parametrize("fmt", ["html", "txt", "md", "docx", "eml", "pdf"])
def test_an_exercise_is_marked_in_every_format(fmt: str, qapp: object) -> None:
    """(``qapp``: the process's one Qt application is a QApplication, which the PDF writer
    uses, rather than a QGuiApplication it would make that the GUI tests cannot use.)"""
    release = _exercise()
    assert release.exercise
    data = writers.get(fmt).write(render_release(release, RenderSettings()))
    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(BytesIO(data)).paragraphs)
    elif fmt == "eml":
        message = email.message_from_bytes(data, policy=email.policy.default)
        assert str(message["Subject"]).startswith("ÖVNING: ")
        text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    elif fmt == "pdf":
        text = PdfReader(BytesIO(data)).pages[0].extract_text()
    elif fmt == "html":
        text = _visible_text(data.decode("utf-8"))
    else:
        text = data.decode("utf-8")
    first_lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()][:6]
    assert any("ÖVNING" in line for line in first_lines[:2]), first_lines
    assert "Uppdatering 2" in " ".join(text.split())


def _visible_text(page: str) -> str:
    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.lines: list[str] = []
            self._skip = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self._skip += tag in ("head", "style", "script")

        def handle_endtag(self, tag: str) -> None:
            self._skip -= tag in ("head", "style", "script")

        def handle_data(self, data: str) -> None:
            if not self._skip and data.strip():
                self.lines.append(data.strip())

    parser = Text()
    parser.feed(page)
    return "\n".join(parser.lines)


def test_an_exercise_is_marked_in_the_short_forms() -> None:
    release = _exercise()
    versions = short_versions(release.template, release.values, exercise=True)
    assert all(v.text.startswith("ÖVNING: ") for v in versions.values())


def test_the_archive_finds_any_word_after_a_rebuild(tmp_path: Path) -> None:
    paths = user_paths(tmp_path / "home")
    archive = Archive(paths.archive_index, [tmp_path / "organisation"])
    first = _first(tmp_path)
    archive.remember(first)
    (tmp_path / "organisation").mkdir()
    other = Release.new(builtin("general-sv"), values(builtin("general-sv"),
                        {"headline": "Vattenläcka på sjukhuset"}))  # fmt: skip
    save_release(other, tmp_path / "organisation" / "vatten.pressklar")
    assert [Path(h.path).name for h in archive.search("journalsystemet")] == ["1.pressklar"]
    assert [Path(h.path).name for h in archive.search("vattenl")] == ["vatten.pressklar"]
    paths.archive_index.write_bytes(b"not a database")  # damaged: rebuilt from the files
    archive.remember(first)
    assert [Path(h.path).name for h in archive.search("IT-avbrott")] == ["1.pressklar"]
    first.unlink()
    assert archive.search("journalsystemet") == []


def test_the_archive_follows_files_changed_added_and_removed_in_the_folder(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "organisation"
    folder.mkdir()
    archive = Archive(user_paths(tmp_path / "home").archive_index, [folder])
    general = builtin("general-sv")

    def save(name: str, headline: str) -> None:
        release = Release.new(general, values(general, {"headline": headline}))
        save_release(release, folder / name)

    save("a.pressklar", "Vattenläcka på sjukhuset")
    assert [Path(h.path).name for h in archive.search("vattenläcka")] == ["a.pressklar"]
    save("a.pressklar", "Strömavbrott i centrum")  # the same file, saved again
    save("b.pressklar", "Vattenläcka vid skolan")
    assert [Path(h.path).name for h in archive.search("vattenläcka")] == ["b.pressklar"]
    assert [Path(h.path).name for h in archive.search("strömavbrott")] == ["a.pressklar"]
    (folder / "b.pressklar").unlink()
    assert archive.search("vattenläcka") == []


def test_a_search_sees_what_another_app_put_in_the_index_since(tmp_path: Path) -> None:
    """The files table kept between searches (so a search need not read 5,000 rows when
    nothing changed) is read again once the index file was written, here by another app."""
    folder = tmp_path / "organisation"
    folder.mkdir()
    index = user_paths(tmp_path / "home").archive_index
    mine, theirs = Archive(index, [folder]), Archive(index, [folder])
    general = builtin("general-sv")
    release = Release.new(general, values(general, {"headline": "Vattenläcka på sjukhuset"}))
    save_release(release, folder / "a.pressklar")
    assert [Path(h.path).name for h in mine.search("vattenläcka")] == ["a.pressklar"]
    assert [Path(h.path).name for h in mine.search("vattenläcka")] == ["a.pressklar"]
    elsewhere = tmp_path / "elsewhere.pressklar"
    other = Release.new(general, values(general, {"headline": "Vattenläcka vid skolan"}))
    save_release(other, elsewhere)
    theirs.remember(elsewhere)  # saved through the other app: known from now on
    found = sorted(Path(h.path).name for h in mine.search("vattenläcka"))
    assert found == ["a.pressklar", "elsewhere.pressklar"]
    elsewhere.unlink()
    assert [Path(h.path).name for h in mine.search("vattenläcka")] == ["a.pressklar"]


def test_search_words_are_never_fts5_syntax() -> None:
    assert fts_query('stab" OR 1=1 NEAR(') == '"stab""" "OR" "1=1" "NEAR("*'
    assert fts_query("   ") == ""


def test_the_cli_followup_log_and_search(tmp_path: Path) -> None:
    from tests.test_cli import run

    first = _first(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    result = run("followup", str(first), "--exercise", "-o", str(tmp_path / "2.pressklar"),
                 home=home)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert run("export", str(tmp_path / "2.pressklar"), "--to", "txt", "-o",
               str(tmp_path / "2.txt"), home=home).returncode == 0  # fmt: skip
    log = run("log", str(tmp_path / "2.pressklar"), "--json", home=home)
    assert log.returncode == 0, log.stderr
    actions = [e["action"] for e in json.loads(log.stdout)["entries"]]
    assert actions == ["followup", "export"]
    hits = json.loads(run("search", "övning", "--json", home=home).stdout)["hits"]
    assert [Path(h["path"]).name for h in hits] == ["2.pressklar"]


def test_the_log_exports_as_csv_and_as_a_word_report(tmp_path: Path) -> None:
    import csv
    import io

    from tests.test_cli import run

    first = _first(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    assert (
        run("followup", str(first), "-o", str(tmp_path / "2.pressklar"), home=home).returncode == 0
    )
    settings = home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"distribution_lists": {"Media": ["tt@example.se"]}}', encoding="utf-8")
    sent = run("export", str(tmp_path / "2.pressklar"), "--to", "eml", "--bcc-list", "Media",
               "-o", str(tmp_path / "2.eml"), home=home)  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    table = run("log", str(tmp_path / "2.pressklar"), "--csv", home=home)
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [r["action"] for r in rows] == ["followup", "export"]
    assert rows[1]["distribution_list"] == "Media" and rows[1]["format"] == "eml"
    assert len(rows[1]["sha256"]) == 64
    report = tmp_path / "rapport.docx"
    made = run("log", str(tmp_path / "2.pressklar"), "--report", str(report), home=home)
    assert made.returncode == 0, made.stderr
    text = "\n".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "Log" in text and "export" in text and "2.pressklar" in text
    assert "Uppdatering 2" in text  # the second release, as it reads
