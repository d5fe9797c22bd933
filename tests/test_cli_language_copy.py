"""``language-copy``: the release in another language, as a user runs it; its exit codes and
its messages when there is no pair, the file cannot be read, or the output exists."""

from __future__ import annotations

import json
from pathlib import Path

from editor.storage.releases import load_release
from tests.helpers import ROOT
from tests.test_cli import run

SV_VALUES = ROOT / "tests/reference/values/readiness-raised-sv.json"


def _swedish(home: Path) -> Path:
    result = run("new", "readiness-raised-sv", "--values", str(SV_VALUES), "-o", "sv.pressklar",
                 home=home)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return home / "sv.pressklar"


def test_an_english_copy_with_the_incident_and_its_marks(tmp_path: Path) -> None:
    original = _swedish(tmp_path)
    before = original.read_bytes()
    result = run("language-copy", "sv.pressklar", "--language", "en", "-o", "en.pressklar",
                 home=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "the English copy of sv.pressklar" in result.stdout
    assert "to_translate: Still in Swedish, to translate: Reason" in result.stdout
    assert "belonged to no incident" in result.stderr and "--link-original" in result.stderr
    assert original.read_bytes() == before  # the original is left as it is
    data = json.loads((tmp_path / "en.pressklar").read_text("utf-8"))
    assert data["template"]["id"] == "readiness-raised-en" and data["incident"]["number"] == 1
    assert "situation" in data["language_copy"]["to_translate"]
    exported = run("export", "en.pressklar", "--to", "txt", "-o", "-", home=tmp_path)
    assert exported.returncode == 0 and "21 September 2018" in exported.stdout
    checked = run("check", "en.pressklar", "--json", home=tmp_path)
    codes = [f["code"] for f in json.loads(checked.stdout)["findings"]]
    assert "to_translate" in codes


def test_link_original_records_the_shared_incident_in_both(tmp_path: Path) -> None:
    _swedish(tmp_path)
    result = run("language-copy", "sv.pressklar", "--language", "en", "-o", "en.pressklar",
                 "--link-original", home=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    sv, en = load_release(tmp_path / "sv.pressklar"), load_release(tmp_path / "en.pressklar")
    assert sv.incident is not None and sv.incident == en.incident and sv.incident.number == 1
    back = run("language-copy", "en.pressklar", "--language", "sv", "-o", "sv2.pressklar",
               home=tmp_path)  # fmt: skip
    assert back.returncode == 0, back.stderr
    assert load_release(tmp_path / "sv2.pressklar").incident == sv.incident


def test_no_pair_is_a_clear_message_in_swedish_too(tmp_path: Path) -> None:
    result = run("new", "critical-incident-declared-en", "-o", "nhs.pressklar", home=tmp_path)
    assert result.returncode == 0, result.stderr
    result = run("language-copy", "nhs.pressklar", "--language", "sv", "-o", "sv.pressklar",
                 home=tmp_path, lang="sv_SE.UTF-8")  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "har ingen mall på svenska" in result.stderr
    assert "critical-incident-declared-sv" in result.stderr
    assert not (tmp_path / "sv.pressklar").exists()
    same = run("language-copy", "nhs.pressklar", "--language", "en", "-o", "x.pressklar",
               home=tmp_path)  # fmt: skip
    assert same.returncode == 2 and "is in English already" in same.stderr


def test_an_unreadable_release_and_an_existing_output(tmp_path: Path) -> None:
    (tmp_path / "broken.pressklar").write_text("{not json", encoding="utf-8")
    result = run("language-copy", "broken.pressklar", "--language", "en", "-o", "en.pressklar",
                 home=tmp_path)  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("pressklar: ") and not (tmp_path / "en.pressklar").exists()
    missing = run("language-copy", "nowhere.pressklar", "--language", "en", "-o", "en.pressklar",
                  home=tmp_path)  # fmt: skip
    assert missing.returncode == 2 and "nowhere.pressklar" in missing.stderr
    _swedish(tmp_path)
    (tmp_path / "en.pressklar").write_text("mine", encoding="utf-8")
    clash = run("language-copy", "sv.pressklar", "--language", "en", "-o", "en.pressklar",
                home=tmp_path)  # fmt: skip
    assert clash.returncode == 2 and "exists already" in clash.stderr
    assert (tmp_path / "en.pressklar").read_text("utf-8") == "mine"
    forced = run("language-copy", "sv.pressklar", "--language", "en", "-o", "en.pressklar",
                 "--force", home=tmp_path)  # fmt: skip
    assert forced.returncode == 0 and load_release(tmp_path / "en.pressklar").template.id.endswith(
        "-en"
    )
