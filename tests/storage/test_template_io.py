"""Sharing and managing templates on disk: import (and every way it is refused), export,
rename, duplicate, delete, save as template."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from pathlib import Path

import pytest

from editor import cli
from editor.errors import InvalidFileError, NewerFormatError, PressklarError, StorageError
from editor.model.contacts import Contact, Phone
from editor.model.release import Release
from editor.model.template import parse_template, template_id_from, template_to_toml
from editor.render.engine import render_markdown
from editor.storage.library import BUILTIN, ORGANISATION, USER, load_library
from editor.storage.paths import user_paths
from editor.storage.settings import Settings, save_settings
from editor.storage.template_files import read_template_file
from editor.storage.template_io import (
    TemplateClashError,
    delete_template,
    duplicate_template,
    export_template,
    folder_is_writable,
    import_template,
    rename_template,
    save_as_template,
    template_targets,
)
from tests.helpers import builtin, values

GOOD = """\
# Shared by the press office in Exempelby: keep this comment.
format = 1
id = "media-invitation"
name = "Media invitation"
language = "en"
description = "Invite the media to an event."
body = '''
# {{ headline }}

{{ organisation }} invites the media {{ when|relative_day }}.
'''

[[fields]]
key = "headline"
type = "text"
label = "Headline"
required = true

[[fields]]
key = "organisation"
type = "text"
label = "Organisation"
default = "Region Exempel"

[[fields]]
key = "when"
type = "date"
label = "Date"
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes] | None:
    if not folder.exists():
        return None
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def user_folder() -> Path:
    return user_paths().templates


@pytest.fixture
def incoming(tmp_path: Path) -> Path:
    return tmp_path / "incoming"


def test_import_validates_copies_and_the_library_lists_it(
    incoming: Path, user_folder: Path
) -> None:
    result = import_template(write(incoming, "invitation.toml", GOOD), user_folder)
    assert result.path == user_folder / "media-invitation.toml"
    assert result.path.read_text(encoding="utf-8") == GOOD  # comments and layout kept
    assert result.template.source == USER and result.warnings == ()

    library = load_library(user_folder)
    entry = library.find("user:media-invitation")
    assert entry is not None and entry.template == result.template
    text, _ = render_markdown(entry.template, values(entry.template, {"headline": "Opening"}))
    assert text.startswith("# Opening\n\nRegion Exempel invites the media")


def test_a_file_without_id_gets_a_file_safe_one(incoming: Path, user_folder: Path) -> None:
    text = GOOD.replace('id = "media-invitation"\n', "")
    result = import_template(write(incoming, "Inbjudan till Sjukhuset Öst.toml", text), user_folder)
    assert result.template.id == "inbjudan-till-sjukhuset-ost"
    assert result.path.name == "inbjudan-till-sjukhuset-ost.toml"


def test_an_unsafe_id_is_replaced_and_the_user_told(incoming: Path, user_folder: Path) -> None:
    text = GOOD.replace('"media-invitation"', '"../../Evil Twin"')
    result = import_template(write(incoming, "t.toml", text), user_folder)
    assert result.template.id == "evil-twin" and result.path.parent == user_folder
    assert any("changed to 'evil-twin'" in str(w) for w in result.warnings)


def test_unknown_level_set_is_a_warning(incoming: Path, user_folder: Path) -> None:
    text = GOOD + '\n[[fields]]\nkey = "stage"\ntype = "level"\nlabel = "S"\nlevel_set = "acme"\n'
    result = import_template(write(incoming, "t.toml", text), user_folder)
    assert any("'acme'" in str(w) for w in result.warnings)


SYNTAX_ERROR = GOOD.replace("{{ organisation }} invites", "{% if organisation %} invites")
ESCAPE = GOOD.replace(
    "{{ organisation }} invites", "{{ ''.__class__.__mro__[1].__subclasses__() }} invites"
)
HIDDEN_ESCAPE = GOOD.replace(
    "{{ organisation }} invites",
    "{% if headline == 'x' %}{{ headline|attr('__class__') }}{% endif %} invites",
)
DUPLICATE_KEYS = GOOD + '\n[[fields]]\nkey = "headline"\ntype = "text"\nlabel = "Again"\n'
UNKNOWN_TYPE = GOOD.replace('type = "date"', 'type = "calendar"')
NEWER = GOOD.replace("format = 1", "format = 7")
UNDEFINED_NAME = GOOD.replace("{{ organisation }}", "{{ organization }}")


@pytest.mark.parametrize(
    ("content", "error", "expected"),
    [
        (SYNTAX_ERROR, InvalidFileError, "bad.toml, line 10: "),
        (ESCAPE, InvalidFileError, "bad.toml, line 10: "),
        (HIDDEN_ESCAPE, InvalidFileError, "bad.toml, line 10: uses '__class__'"),
        (
            DUPLICATE_KEYS,
            InvalidFileError,
            "line 31, fields: the key 'headline' is used by two fields",
        ),
        (UNKNOWN_TYPE, InvalidFileError, "unknown type 'calendar'"),
        (NEWER, NewerFormatError, "newer Pressklar"),
        (
            UNDEFINED_NAME,
            InvalidFileError,
            "line 10: There is no field or variable called “organization”",
        ),
        ("# Minutes\n\nThis is a *Markdown* file.\n", InvalidFileError, "cannot be read as TOML"),
        ("[tool.ruff]\nline-length = 100\n", InvalidFileError, "is not a Pressklar template"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\xff\xfe", InvalidFileError, "not a text file"),
    ],
    ids=[
        "syntax-error",
        "sandbox-escape",
        "escape-in-untaken-branch",
        "duplicate-field-keys",
        "unknown-type",
        "newer-format",
        "misspelt-key",
        "not-toml",
        "toml-but-not-a-template",
        "binary",
    ],
)
def test_bad_templates_are_refused_clearly_and_change_nothing(
    incoming: Path,
    user_folder: Path,
    content: str | bytes,
    error: type[PressklarError],
    expected: str,
) -> None:
    write(user_folder, "already-there.toml", GOOD.replace("media-invitation", "already-there"))
    before = snapshot(user_folder)
    incoming.mkdir()
    bad = incoming / "bad.toml"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        bad.write_text(content, encoding="utf-8")
    with pytest.raises(error) as caught:
        import_template(bad, user_folder, on_clash="replace")
    assert expected in str(caught.value)
    assert snapshot(user_folder) == before


def test_the_sandbox_escape_problem_carries_its_line(incoming: Path) -> None:
    with pytest.raises(InvalidFileError) as caught:
        read_template_file(write(incoming, "evil.toml", ESCAPE))
    lines = [p.line for p in caught.value.problems]
    assert lines == [10] and "unsafe" in str(caught.value)


def test_a_50_mb_file_is_refused_before_it_is_read(incoming: Path, user_folder: Path) -> None:
    incoming.mkdir()
    huge = incoming / "huge.toml"
    with huge.open("wb") as stream:  # sparse: instant, takes no disk space
        stream.truncate(50 * 1024 * 1024)
    start = time.perf_counter()
    with pytest.raises(InvalidFileError) as caught:
        import_template(huge, user_folder)
    assert time.perf_counter() - start < 1.0
    assert "too large to be a template (52.4 MB" in str(caught.value)
    assert snapshot(user_folder) is None  # not even the folder was created


def test_missing_file_and_folder(incoming: Path, user_folder: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        import_template(incoming / "nothing.toml", user_folder)
    incoming.mkdir()
    with pytest.raises(StorageError, match="is a folder"):
        import_template(incoming, user_folder)


def test_clash_asks_then_replace_or_rename(incoming: Path, user_folder: Path) -> None:
    source = write(incoming, "invitation.toml", GOOD)
    import_template(source, user_folder)
    before = snapshot(user_folder)

    with pytest.raises(TemplateClashError) as caught:
        import_template(source, user_folder)
    clash = caught.value
    assert "Media invitation" in str(clash) and "Replace it" in str(clash)
    assert clash.suggested_id == "media-invitation-2"
    assert clash.suggested_name == "Media invitation (2)"
    assert [Path(e.path).name for e in clash.clashes] == ["media-invitation.toml"]
    assert snapshot(user_folder) == before

    changed = write(incoming, "v2.toml", GOOD.replace("Invite the media", "Version 2:"))
    replaced = import_template(changed, user_folder, on_clash="replace")
    assert replaced.replaced == (user_folder / "media-invitation.toml",)
    assert sorted(snapshot(user_folder) or {}) == ["media-invitation.toml"]
    assert replaced.template.description.startswith("Version 2:")

    renamed = import_template(source, user_folder, on_clash="rename")
    assert renamed.template.id == "media-invitation-2"
    assert renamed.template.name == "Media invitation (2)"
    assert sorted(snapshot(user_folder) or {}) == [
        "media-invitation-2.toml",
        "media-invitation.toml",
    ]

    chosen = import_template(
        source, user_folder, on_clash="rename", new_id="invite", new_name="Invitation"
    )
    assert (chosen.template.id, chosen.template.name) == ("invite", "Invitation")
    with pytest.raises(TemplateClashError, match="also taken"):
        import_template(source, user_folder, on_clash="rename", new_id="invite")
    with pytest.raises(PressklarError, match="cannot be a template id"):
        import_template(source, user_folder, on_clash="rename", new_id="../x")


def test_a_name_clash_under_another_id_is_a_clash_too(incoming: Path, user_folder: Path) -> None:
    write(
        user_folder, "old-invitation.toml", GOOD.replace('"media-invitation"', '"old-invitation"')
    )
    source = write(incoming, "invitation.toml", GOOD)
    with pytest.raises(TemplateClashError):
        import_template(source, user_folder)
    result = import_template(source, user_folder, on_clash="replace")
    assert sorted(snapshot(user_folder) or {}) == ["media-invitation.toml"]
    assert result.replaced == (user_folder / "old-invitation.toml",)


def test_the_same_name_in_another_source_is_no_clash(incoming: Path, user_folder: Path) -> None:
    incoming.mkdir()
    exported = incoming / "exported.toml"
    export_template(builtin("readiness-ended-sv"), exported)
    result = import_template(exported, user_folder)
    library = load_library(user_folder)
    same = [e for e in library.entries if e.template and e.template.id == "readiness-ended-sv"]
    assert sorted(e.source for e in same) == [BUILTIN, USER]
    assert result.template.name == builtin("readiness-ended-sv").name


def test_import_into_the_organisation_folder(incoming: Path, tmp_path: Path) -> None:
    organisation = tmp_path / "share"
    source = write(incoming, "invitation.toml", GOOD)
    with pytest.raises(StorageError, match="cannot be found"):
        import_template(source, organisation, source=ORGANISATION)
    assert not organisation.exists()  # a missing share is never created
    organisation.mkdir()
    result = import_template(source, organisation, source=ORGANISATION)
    library = load_library(None, str(organisation))
    entry = library.find("org:media-invitation")
    assert entry is not None and entry.source == ORGANISATION
    assert result.template.source == ORGANISATION


def test_export_then_import_round_trip(tmp_path: Path) -> None:
    original = builtin("readiness-ended-sv")
    exported = tmp_path / "shared.toml"
    export_template(original, exported)
    again, warnings = read_template_file(exported)
    assert warnings == []
    assert replace(again, source="", path="", body_line=None) == replace(
        original, source="", path="", body_line=None
    )


def test_rename(incoming: Path, user_folder: Path) -> None:
    template = import_template(write(incoming, "t.toml", GOOD), user_folder).template
    renamed = rename_template(template, "Press invitation")
    assert renamed.name == "Press invitation" and renamed.path == template.path
    assert load_library(user_folder).find("user:media-invitation").name == "Press invitation"  # type: ignore[union-attr]

    moved = rename_template(renamed, "Press invitation", new_id="press-invitation")
    assert sorted(snapshot(user_folder) or {}) == ["press-invitation.toml"]
    assert moved.id == "press-invitation"

    other = import_template(write(incoming, "t.toml", GOOD), user_folder).template
    with pytest.raises(TemplateClashError):
        rename_template(other, "press INVITATION")
    with pytest.raises(StorageError, match="built-in"):
        rename_template(builtin("readiness-ended-sv").with_source(BUILTIN), "Mine")


def test_duplicate_a_builtin_to_edit_it(user_folder: Path) -> None:
    original = load_library(None).find("readiness-ended-sv")
    assert original is not None and original.template is not None
    assert original.template.read_only
    first = duplicate_template(original.template, user_folder)
    second = duplicate_template(original.template, user_folder)
    assert first.name == "Kopia av Beredskapsläge avslutat"
    assert second.name == "Kopia av Beredskapsläge avslutat (2)"
    assert (first.id, second.id) == ("readiness-ended-sv-kopia", "readiness-ended-sv-kopia-2")
    assert first.source == USER and not first.read_only
    assert first.fields == original.template.fields and first.body == original.template.body
    english = duplicate_template(replace(original.template, language="en"), user_folder)
    assert english.name == "Copy of Beredskapsläge avslutat"
    names = [parse_template(f.read_text(encoding="utf-8")).name for f in user_folder.glob("*.toml")]
    assert len(names) == len({name.casefold() for name in names}) == 3


def test_delete(incoming: Path, user_folder: Path) -> None:
    template = import_template(write(incoming, "t.toml", GOOD), user_folder).template
    write(user_folder, "broken.toml", "this is [ not toml")
    library = load_library(user_folder)
    broken = library.find("user:broken")
    assert broken is not None and broken.template is None and broken.error
    delete_template(template)
    delete_template(broken)  # a file that fails to load can be removed too
    assert snapshot(user_folder) == {}
    builtin_entry = library.find("readiness-ended-sv")
    assert builtin_entry is not None
    with pytest.raises(StorageError, match="built-in template and cannot be deleted"):
        delete_template(builtin_entry)
    with pytest.raises(StorageError, match="not a template in the library"):
        delete_template(Release.new(template).template)


RELEASE_VALUES = {
    "release_date": "2018-09-25",
    "organisation": "Region Exempel",
    "headline": "Stabsläget är avslutat",
    "cause": "en störning i IT-systemen",
    "raised_at": "2018-09-21T06:30",
    "raised_to": "forstarkningslage",
    "consequences": "Planerade operationer **sköts upp**.",
    "lowered_at": "2018-09-21T10:30",
    "lowered_to": "stabslage",
    "ended_at": "2018-09-25T15:37",
    "press_phone_closed": False,
    "contact": [
        {
            "name": "Anna Exempel",
            "title": "Pressekreterare",
            "phones": [{"number": "0470-00 00 00", "label": "Växel"}, "070-000 00 00"],
        }
    ],
}


@pytest.fixture
def release() -> Release:
    template = builtin("readiness-ended-sv")
    return Release.new(template, values(template, RELEASE_VALUES))


@pytest.mark.parametrize("use_values", [False, True])
def test_save_as_template_renders_the_release_identically(
    release: Release, user_folder: Path, use_values: bool
) -> None:
    saved = save_as_template(
        release,
        name="Vårt avslut",
        description="Som förra gången",
        language="sv",
        use_values_as_defaults=use_values,
        folder=user_folder,
    )
    assert saved.id == "vart-avslut" and saved.source == USER
    assert Path(saved.path) == user_folder / "vart-avslut.toml"
    listed = load_library(user_folder).find("user:vart-avslut")
    assert listed is not None and listed.template == saved

    original, _ = render_markdown(release.template, release.values)
    again, _ = render_markdown(saved, release.values)
    assert again == original
    assert [f.key for f in saved.fields] == [f.key for f in release.template.fields]


def test_values_become_defaults_but_dates_stay_relative(
    release: Release, user_folder: Path
) -> None:
    saved = save_as_template(
        release,
        name="Vårt avslut",
        description="",
        language="sv",
        use_values_as_defaults=True,
        folder=user_folder,
    )
    fresh = Release.new(saved)
    date_keys = {"release_date", "raised_at", "lowered_at", "ended_at"}
    for key, value in release.values.items():
        if key not in date_keys:
            assert fresh.values[key] == value, key
    for key in date_keys:  # the template's own defaults ("today", "now" or none), not the values
        assert saved.field(key) == release.template.field(key), key
    assert fresh.values["contact"] == [
        Contact(
            name="Anna Exempel",
            title="Pressekreterare",
            phones=(Phone("0470-00 00 00", "Växel"), Phone("070-000 00 00")),
            group="Presskontakt",  # none named: the field's first heading, as the form shows
        )
    ]
    # With this release's dates filled in, the saved template gives the same release.
    fresh = fresh.with_values({**fresh.values, **{k: release.values[k] for k in date_keys}})
    assert render_markdown(saved, fresh.values) == render_markdown(release.template, release.values)


def test_save_as_template_refuses_bad_input_and_asks_on_a_clash(
    release: Release, user_folder: Path
) -> None:
    common = {"description": "", "use_values_as_defaults": False, "folder": user_folder}
    with pytest.raises(PressklarError, match="needs a name"):
        save_as_template(release, name="  ", language="sv", **common)  # type: ignore[arg-type]
    with pytest.raises(PressklarError, match="language code"):
        save_as_template(release, name="X", language="svenska", **common)  # type: ignore[arg-type]
    assert snapshot(user_folder) is None
    save_as_template(release, name="Vårt avslut", language="sv", **common)  # type: ignore[arg-type]
    with pytest.raises(TemplateClashError):
        save_as_template(release, name="VÅRT AVSLUT", language="sv", **common)  # type: ignore[arg-type]
    second = save_as_template(
        release,
        name="Vårt avslut",
        language="sv",
        on_clash="rename",
        **common,  # type: ignore[arg-type]
    )
    assert second.name == "Vårt avslut (2)"


def test_writable_folders(tmp_path: Path, user_folder: Path) -> None:
    assert folder_is_writable(tmp_path)
    assert list(tmp_path.iterdir()) == []  # the probe is cleaned up
    assert not folder_is_writable(tmp_path / "missing")
    (tmp_path / "file").write_text("x")
    assert not folder_is_writable(tmp_path / "file")
    assert template_targets(user_folder, str(tmp_path)) == {
        USER: user_folder,
        ORGANISATION: tmp_path,
    }
    assert template_targets(user_folder, str(tmp_path / "missing")) == {USER: user_folder}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_organisation_folder_is_not_a_target(tmp_path: Path, user_folder: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    share.chmod(0o555)
    try:
        assert not folder_is_writable(share)
        assert template_targets(user_folder, str(share)) == {USER: user_folder}
    finally:
        share.chmod(0o755)


def test_template_ids_from_names() -> None:
    assert template_id_from("Beredskapsläge – höjt") == "beredskapslage-hojt"
    assert template_id_from("Lex Maria-anmälan (IVO)") == "lex-maria-anmalan-ivo"
    assert template_id_from("Ærø Straße") == "aero-strasse"
    assert template_id_from("???") == "template"
    assert template_id_from("CON") == "con-template"


def test_cli_import_and_export(
    incoming: Path, user_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(incoming, "invitation.toml", GOOD)
    assert cli.main(["import-template", str(source)]) == 0
    assert "user:media-invitation" in capsys.readouterr().out

    assert cli.main(["import-template", str(source)]) == 2
    error = capsys.readouterr().err
    assert "--replace" in error and "--rename NEW_ID (such as media-invitation-2)" in error

    assert cli.main(["import-template", str(source), "--rename", "invite"]) == 0
    assert cli.main(["import-template", str(source), "--replace"]) == 0
    assert sorted(snapshot(user_folder) or {}) == ["invite.toml", "media-invitation.toml"]

    bad = write(incoming, "bad.toml", ESCAPE)
    assert cli.main(["import-template", str(bad)]) == 2
    assert "line 10" in capsys.readouterr().err

    out = incoming / "out.toml"
    assert cli.main(["export-template", "user:invite", "-o", str(out)]) == 0
    assert read_template_file(out)[0].id == "invite"
    assert cli.main(["export-template", "readiness-ended-sv", "-o", "-"]) == 0
    assert 'id = "readiness-ended-sv"' in capsys.readouterr().out


def test_cli_import_to_the_organisation_folder(
    incoming: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(incoming, "invitation.toml", GOOD)
    assert cli.main(["import-template", str(source), "--to", "organisation"]) == 2
    assert "No organisation folder" in capsys.readouterr().err
    share = tmp_path / "share"
    share.mkdir()
    save_settings(Settings(organisation_folder=str(share)), user_paths().settings_file)
    assert cli.main(["import-template", str(source), "--to", "organisation"]) == 0
    assert (share / "media-invitation.toml").is_file()
    assert cli.main(["templates", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out.split("\n", 1)[1])["templates"]
    assert {"id": "org:media-invitation", "source": ORGANISATION}.items() <= next(
        r for r in rows if r["id"] == "org:media-invitation"
    ).items()


def test_toml_written_for_a_template_is_what_the_library_reads(release: Release) -> None:
    text = template_to_toml(release.template)
    assert "format = 1" in text


def test_every_builtin_template_passes_import_validation(tmp_path: Path) -> None:
    library = load_library(None)
    for entry in library.entries:
        assert entry.template is not None, entry.error
        exported = tmp_path / f"{entry.key}.toml"
        export_template(entry.template, exported)
        again, _ = read_template_file(exported)
        assert again.body == entry.template.body and again.fields == entry.template.fields


def test_saving_over_a_file_with_a_name_another_template_has_is_refused(
    incoming: Path, user_folder: Path
) -> None:
    from editor.storage.template_io import check_name_free

    first = import_template(write(incoming, "t.toml", GOOD), user_folder).template
    second = duplicate_template(first, user_folder)
    check_name_free(second, second.path, USER)  # its own name: free
    with pytest.raises(TemplateClashError) as caught:
        check_name_free(replace(second, name=f" {first.name.upper()} "), second.path, USER)
    assert caught.value.code == "templates.name_taken"
    assert caught.value.params["name"].strip() == first.name.upper()
