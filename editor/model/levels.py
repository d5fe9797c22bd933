"""Readiness levels: ordered sets of named levels with plain explanations per language."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from editor import resources
from editor.errors import InvalidFileError, NewerFormatError, Problem
from editor.i18n import Message
from editor.model.alerting import (
    ALL_CLEAR,
    CATEGORIES,
    DEFAULT_CATEGORY,
    GRADING_KEYS,
    Grading,
    grading_by_place,
    grading_problems,
)
from editor.model.language import base_language
from editor.model.reading import load_toml

LEVEL_SET_FORMAT = 1


@dataclass(frozen=True)
class Level:
    """One level as a template sees it, in the template's language.

    ``gloss`` is a noun phrase for running text ("den lägsta beredskapsgraden"), ``description``
    a sentence for the level picker. ``is_lowest`` is true for the lowest level above the
    baseline: the one a text can call "the lowest readiness level".
    """

    id: str
    name: str
    rank: int
    definite: str = ""  # sv "stabsläget": the name with the definite article, for running text
    description: str = ""
    gloss: str = ""
    is_baseline: bool = False
    is_lowest: bool = False
    is_highest: bool = False
    set_id: str = ""
    # The level set's wording for this level, a predicate after the organisation's name:
    # raised "höjde beredskapen till stabsläge" / "declared a critical incident"; raising (still
    # to come) "går upp i stabsläge" / "will declare a critical incident"; lowered "sänkte
    # beredskapen till stabsläge" / "downgraded the incident to a business continuity
    # incident"; ended "avslutade stabsläget" / "stood down the critical incident".
    raised: str = ""
    raising: str = ""
    lowered: str = ""
    lowering: str = ""  # still to come: "sänker beredskapen till stabsläge"
    ended: str = ""

    def __str__(self) -> str:
        return self.name

    @property
    def list_name(self) -> str:
        """The name as a list or a picker shows it, on its own: "Förstärkningsläge" (in running
        text it stays "förstärkningsläge")."""
        return self.name[:1].upper() + self.name[1:]


@dataclass(frozen=True)
class LevelDefinition:
    id: str
    rank: int
    baseline: bool
    names: dict[str, str]
    definites: dict[str, str]
    descriptions: dict[str, str]
    glosses: dict[str, str]
    wording: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> lang -> text
    cap: dict[str, str] = field(default_factory=dict)  # CAP urgency, severity, certainty


WORDING_KINDS = ("raised", "raising", "lowered", "lowering", "ended")
# Without wording of its own a set speaks of readiness, the way Swedish health care does.
DEFAULT_WORDING: dict[str, dict[str, str]] = {
    "raised": {"sv": "höjde beredskapen till {name}", "en": "raised its readiness level to {name}"},
    "raising": {"sv": "går upp i {name}", "en": "will raise its readiness level to {name}"},
    "lowered": {
        "sv": "sänkte beredskapen till {name}",
        "en": "lowered its readiness level to {name}",
    },
    "lowering": {
        "sv": "sänker beredskapen till {name}",
        "en": "will lower its readiness level to {name}",
    },
    "ended": {"sv": "avslutade {definite}", "en": "ended {definite}"},
}


@dataclass(frozen=True)
class LevelSet:
    id: str
    names: dict[str, str]
    levels: tuple[LevelDefinition, ...] = field(default_factory=tuple)
    wording: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> lang -> pattern
    cap_category: str = ""  # CAP's category of the events the set grades ("" for Other)
    _cache: dict[tuple[str, str], Level] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def name(self, lang: str) -> str:
        return _pick(self.names, lang) or self.id

    def level(self, level_id: str, lang: str) -> Level:
        """The level ``level_id`` in language ``lang``; KeyError if the set has no such level."""
        cached = self._cache.get((level_id, lang))
        if cached is None:
            cached = self._cache[(level_id, lang)] = self._build_level(level_id, lang)
        return cached

    def _build_level(self, level_id: str, lang: str) -> Level:
        ranked = sorted(self.levels, key=lambda d: d.rank)
        proper = [d for d in ranked if not d.baseline]
        for definition in ranked:
            if definition.id == level_id:
                name = _pick(definition.names, lang) or definition.id
                definite = _pick(definition.definites, lang) or name
                words = {
                    kind: _fill(self._wording(definition, kind, lang), name, definite)
                    for kind in WORDING_KINDS
                }
                return Level(
                    id=definition.id,
                    name=_pick(definition.names, lang) or definition.id,
                    rank=definition.rank,
                    definite=_pick(definition.definites, lang)
                    or _pick(definition.names, lang)
                    or definition.id,
                    description=_pick(definition.descriptions, lang),
                    gloss=_pick(definition.glosses, lang),
                    is_baseline=definition.baseline,
                    is_lowest=bool(proper) and proper[0] is definition,
                    is_highest=bool(proper) and proper[-1] is definition,
                    set_id=self.id,
                    **words,
                )
        raise KeyError(level_id)

    def _wording(self, definition: LevelDefinition, kind: str, lang: str) -> str:
        """The level's own wording, else the set's pattern, else the readiness default."""
        for texts in (definition.wording.get(kind), self.wording.get(kind)):
            if texts and _pick(texts, lang):
                return _pick(texts, lang)
        return _pick(DEFAULT_WORDING[kind], lang)

    def grading(self, level_id: str) -> Grading:
        """How CAP grades an alert at this level: the set's own mapping, else by the level's
        place in the set; the baseline (and an unknown level) is all clear."""
        proper = [d for d in sorted(self.levels, key=lambda d: d.rank) if not d.baseline]
        for definition in self.levels:
            if definition.id != level_id:
                continue
            if definition.cap:
                return replace(Grading(), **definition.cap)
            if definition.baseline:
                return ALL_CLEAR
            return grading_by_place(proper.index(definition), len(proper))
        return ALL_CLEAR

    @property
    def category(self) -> str:
        return self.cap_category or DEFAULT_CATEGORY

    def all_levels(self, lang: str) -> list[Level]:
        return [self.level(d.id, lang) for d in sorted(self.levels, key=lambda d: d.rank)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": LEVEL_SET_FORMAT,
            "id": self.id,
            "name": dict(self.names),
            "levels": [
                {
                    "id": d.id,
                    "rank": d.rank,
                    "baseline": d.baseline,
                    "name": dict(d.names),
                    "definite": dict(d.definites),
                    "description": dict(d.descriptions),
                    "gloss": dict(d.glosses),
                    **{kind: dict(texts) for kind, texts in d.wording.items()},
                    **({"cap": dict(d.cap)} if d.cap else {}),
                }
                for d in self.levels
            ],
            **({"wording": {k: dict(v) for k, v in self.wording.items()}} if self.wording else {}),
            **({"cap": {"category": self.cap_category}} if self.cap_category else {}),
        }


def _fill(pattern: str, name: str, definite: str) -> str:
    """A wording pattern with the level's name put in; other braces stay as typed."""
    return pattern.replace("{name}", name).replace("{definite}", definite)


def _pick(texts: dict[str, str], lang: str) -> str:
    """The text in ``lang``, else English, else Swedish, else any."""
    for key in (lang, base_language(lang), "en", "sv"):
        if texts.get(key):
            return texts[key]
    return next(iter(texts.values()), "")


def _texts(value: Any, where: str, problems: list[Problem], source: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"": value}
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return {str(k): v for k, v in value.items()}
    if value is not None:
        problems.append(Problem("levels.not_texts", {}, source, None, where))
    return {}


def level_set_from_dict(data: dict[str, Any], source: str = "") -> LevelSet:
    problems: list[Problem] = []
    version = data.get("format", LEVEL_SET_FORMAT)
    if isinstance(version, int) and version > LEVEL_SET_FORMAT:
        raise NewerFormatError(
            "levels.newer_format", file=source or Message("levels.this"), version=version
        )
    set_id = data.get("id")
    if not isinstance(set_id, str) or not set_id:
        problems.append(Problem("levels.no_id", {}, source, None, "id"))
        set_id = ""
    levels: list[LevelDefinition] = []
    raw_levels = data.get("levels")
    if not isinstance(raw_levels, list) or not raw_levels:
        problems.append(Problem("levels.no_levels", {}, source, None, "levels"))
        raw_levels = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_levels):
        where = f"levels[{index}]"
        if not isinstance(raw, dict):
            problems.append(Problem("levels.not_table", {}, source, None, where))
            continue
        level_id = raw.get("id")
        if not isinstance(level_id, str) or not level_id:
            problems.append(Problem("levels.level_no_id", {}, source, None, where + ".id"))
            continue
        if level_id in seen:
            params = {"id": level_id}
            problems.append(Problem("levels.duplicate_id", params, source, None, where))
        seen.add(level_id)
        rank = raw.get("rank", index)
        if not isinstance(rank, int):
            problems.append(Problem("levels.rank_not_number", {}, source, None, where + ".rank"))
            rank = index
        levels.append(
            LevelDefinition(
                id=level_id,
                rank=rank,
                baseline=bool(raw.get("baseline", False)),
                names=_texts(raw.get("name", level_id), where + ".name", problems, source),
                definites=_texts(raw.get("definite"), where + ".definite", problems, source),
                descriptions=_texts(
                    raw.get("description"), where + ".description", problems, source
                ),
                glosses=_texts(raw.get("gloss"), where + ".gloss", problems, source),
                wording=_wording(raw, where, problems, source),
                cap=_grading(raw.get("cap"), where + ".cap", problems, source),
            )
        )
    names = _texts(data.get("name", set_id), "name", problems, source)
    raw_wording = data.get("wording", {})
    wording = _wording(
        raw_wording if isinstance(raw_wording, dict) else {}, "wording", problems, source
    )
    category = _category(data.get("cap"), problems, source)
    if problems:
        raise InvalidFileError(problems)
    return LevelSet(
        id=set_id, names=names, levels=tuple(levels), wording=wording, cap_category=category
    )


def _grading(value: Any, where: str, problems: list[Problem], source: str) -> dict[str, str]:
    """A level's CAP grading; each value one CAP allows (``levels.bad_cap`` names the others)."""
    if value is None:
        return {}
    for key, bad in grading_problems(value):
        allowed = ", ".join(GRADING_KEYS.get(key, ("urgency", "severity", "certainty")))
        params = {"name": key, "value": bad, "allowed": allowed}
        problems.append(Problem("levels.bad_cap", params, source, None, where))
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def _category(value: Any, problems: list[Problem], source: str) -> str:
    if value is None:
        return ""
    category = value.get("category", "") if isinstance(value, dict) else value
    if category == "" or category in CATEGORIES:
        return str(category)
    params = {"name": "category", "value": str(category), "allowed": ", ".join(CATEGORIES)}
    problems.append(Problem("levels.bad_cap", params, source, None, "cap.category"))
    return ""


def _wording(
    table: dict[str, Any], where: str, problems: list[Problem], source: str
) -> dict[str, dict[str, str]]:
    """The wording kinds a table holds (raised, raising, lowered, ended), each by language."""
    found = {}
    for kind in WORDING_KINDS:
        texts = _texts(table.get(kind), f"{where}.{kind}", problems, source)
        if texts:
            found[kind] = texts
    return found


def parse_level_set(text: str, source: str = "") -> LevelSet:
    return level_set_from_dict(load_toml(text, source), source)


class LevelSetRegistry:
    """The level sets a template can name: the built-in ones plus any the user defined."""

    def __init__(
        self, sets: list[LevelSet] | None = None, problems: list[Problem] | None = None
    ) -> None:
        self._sets: dict[str, LevelSet] = {}
        for level_set in sets or []:
            self.add(level_set)
        # Files that could not be used (a broken user level set): shown, never fatal.
        self.problems: list[Problem] = list(problems or [])

    def add(self, level_set: LevelSet) -> None:
        self._sets[level_set.id] = level_set

    def get(self, set_id: str) -> LevelSet | None:
        return self._sets.get(set_id)

    def ids(self) -> list[str]:
        return sorted(self._sets)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._sets.values())


def builtin_level_sets() -> list[LevelSet]:
    return [
        parse_level_set(f.read_text(encoding="utf-8"), f.name)
        for f in resources.listing("levelsets", suffix=".toml")
    ]


_default_registry: LevelSetRegistry | None = None


def default_registry() -> LevelSetRegistry:
    """The built-in level sets, read once. User-defined sets are added by storage."""
    global _default_registry
    if _default_registry is None:
        _default_registry = LevelSetRegistry(builtin_level_sets())
    return _default_registry
