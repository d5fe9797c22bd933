"""CAP alerts from the files: a thread of three releases gives Alert, Update and Cancel naming
the earlier alerts, and the language versions saved beside a release make one alert whichever
of them is exported."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from editor.model.incident import IncidentLink
from editor.model.release import Release, values_from_json
from editor.storage.alerts import language_versions
from editor.storage.incidents import follow_up_of
from editor.storage.releases import save_release
from tests.helpers import CAP, assert_valid_cap, builtin
from tests.reference.cases import case_template, raw_values
from tests.test_cli import run

SETTINGS = {
    "organisation_name": "Region Exempel",
    "cap_sender": "press@region.example",
    "cap_area": "Exempelby län",
}


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps(SETTINGS), encoding="utf-8")
    return home


def _reference(template_id: str, **changes: object) -> Release:
    template = case_template(template_id)  # in the level set the case picked
    parsed, problems = values_from_json(template, raw_values(template_id))
    assert not problems
    return replace(Release.new(template, parsed), **changes)  # type: ignore[arg-type]


def _export(path: Path, home: Path) -> ET.Element:
    out = path.with_suffix(".xml")
    result = run("export", str(path), "--to", "cap", "-o", str(out), home=home)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert_valid_cap(data)
    return ET.fromstring(data)


def _text(root: ET.Element, tag: str) -> str:
    return root.findtext(f"{CAP}{tag}") or ""


def test_a_thread_gives_alert_update_and_cancel_naming_the_earlier_alerts(tmp_path: Path) -> None:
    home = _home(tmp_path)
    first = tmp_path / "1.pressklar"
    save_release(_reference("readiness-raised-sv"), first)
    second = tmp_path / "2.pressklar"
    save_release(follow_up_of(first, builtin("incident-update-sv")), second)
    third = tmp_path / "3.pressklar"
    save_release(follow_up_of(second, builtin("readiness-ended-sv")), third)

    alerts = [_export(path, home) for path in (first, second, third)]
    assert [_text(a, "msgType") for a in alerts] == ["Alert", "Update", "Cancel"]
    named = [f"press@region.example,{_text(a, 'identifier')},{_text(a, 'sent')}" for a in alerts]
    assert len(set(named)) == 3
    assert _text(alerts[0], "references") == ""
    assert _text(alerts[1], "references") == named[0]
    assert _text(alerts[2], "references") == f"{named[0]} {named[1]}"
    assert _text(alerts[1], "incidents") == _text(alerts[2], "incidents") != ""
    assert alerts[2].findtext(f"{CAP}info/{CAP}responseType") == "AllClear"
    assert [_text(a, "identifier") for a in alerts] == [
        _text(_export(path, home), "identifier") for path in (first, second, third)
    ]  # the same at every export


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    """A Swedish release, number 2 of an incident, and its English copy made an hour later;
    beside them number 3 of the incident and a release of another incident."""
    link = IncidentLink("it-outage", "IT-avbrott", 2)
    swedish = tmp_path / "sv.pressklar"
    save_release(_reference("readiness-raised-sv", incident=link,
                            created=datetime(2018, 9, 21, 6, 50)), swedish)  # fmt: skip
    english = tmp_path / "en.pressklar"
    save_release(_reference("readiness-raised-en", incident=link,
                            created=datetime(2018, 9, 21, 7, 50)), english)  # fmt: skip
    save_release(_reference("incident-update-en", incident=replace(link, number=3)),
                 tmp_path / "later.pressklar")  # fmt: skip
    save_release(_reference("readiness-raised-en", incident=IncidentLink("other", "Annat", 2)),
                 tmp_path / "other.pressklar")  # fmt: skip
    (tmp_path / "broken.pressklar").write_text("{not json", encoding="utf-8")
    return swedish, english


def test_language_versions_are_the_same_incident_and_number_in_another_language(
    tmp_path: Path,
) -> None:
    swedish, english = _versions(tmp_path)
    assert [path.name for path, _ in language_versions(swedish)] == ["en.pressklar"]
    assert [path.name for path, _ in language_versions(english)] == ["sv.pressklar"]
    alone = tmp_path / "alone.pressklar"
    save_release(_reference("general-sv"), alone)
    assert language_versions(alone) == []


def test_either_language_version_exports_one_alert_in_both_languages(tmp_path: Path) -> None:
    home = _home(tmp_path)
    swedish, english = _versions(tmp_path)
    from_swedish, from_english = _export(swedish, home), _export(english, home)
    assert ET.tostring(from_swedish) == ET.tostring(from_english)
    infos = from_swedish.findall(f"{CAP}info")
    assert [info.findtext(f"{CAP}language") for info in infos] == ["sv-SE", "en-GB"]
    headlines = [info.findtext(f"{CAP}headline") or "" for info in infos]
    assert "höjer beredskapen" in headlines[0] and "readiness" in headlines[1].lower()
    assert _text(from_swedish, "identifier") == "pressklar-it-outage-2"
    assert _text(from_swedish, "msgType") == "Update"


def test_a_language_copy_and_its_original_export_one_alert(tmp_path: Path) -> None:
    home = _home(tmp_path)
    values_file = tmp_path / "values.json"
    values_file.write_text(json.dumps(raw_values("readiness-raised-sv")), encoding="utf-8")
    made = run("new", "readiness-raised-sv", "--values", str(values_file), "-o",
               str(tmp_path / "sv.pressklar"), home=home)  # fmt: skip
    assert made.returncode == 0, made.stderr
    copied = run("language-copy", str(tmp_path / "sv.pressklar"), "--language", "en", "-o",
                 str(tmp_path / "en.pressklar"), "--link-original", home=home)  # fmt: skip
    assert copied.returncode == 0, copied.stderr
    from_swedish = _export(tmp_path / "sv.pressklar", home)
    from_english = _export(tmp_path / "en.pressklar", home)
    assert ET.tostring(from_swedish) == ET.tostring(from_english)
    infos = from_english.findall(f"{CAP}info")
    assert [info.findtext(f"{CAP}language") for info in infos] == ["sv-SE", "en-GB"]
    english = infos[1]
    assert "at 6.15am today" in (english.findtext(f"{CAP}description") or "")
    assert english.findtext(f"{CAP}urgency") == "Expected"  # förstärkningsläge, in English too
