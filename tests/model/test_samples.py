"""The template editor's sample values and starter template, without Qt."""

from __future__ import annotations

from datetime import datetime

from editor.model.levels import default_registry
from editor.model.samples import sample_values, starter_template
from tests.helpers import make_template

FIELDS = [
    {"key": "headline", "type": "text", "label": "Rubrik"},
    {"key": "who", "type": "contact", "label": "Kontakt"},
    {"key": "open", "type": "yesno", "label": "Öppet"},
]
NOW = datetime(2018, 9, 25, 15, 37, 12)


def test_samples_speak_the_template_language_in_every_spelling() -> None:
    for code in ("sv", "sv-FI"):
        samples = sample_values(make_template("x", FIELDS, language=code), default_registry(), NOW)
        assert samples["headline"] == "Exempel (Rubrik)"
        assert samples["who"][0].title == "pressekreterare"
        assert samples["open"] is True
    english = sample_values(make_template("x", FIELDS, language="en-GB"), default_registry(), NOW)
    assert english["headline"] == "Example (Rubrik)"


def test_the_starter_template_is_in_the_language_asked_for() -> None:
    assert [f.label for f in starter_template("sv-FI").fields][:2] == ["Rubrik", "Datum"]
    assert [f.label for f in starter_template("en").fields][:2] == ["Headline", "Date"]
