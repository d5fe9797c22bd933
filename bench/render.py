"""Rendering benchmark: each step of template -> Markdown -> HTML / text / DOCX as a ratio
against the floor it cannot beat, both measured in this same run (alternating, so machine noise
hits both alike).

    python bench/render.py [--rounds N]

Floors: Markdown <- Jinja2 rendering the same body with no sandbox and no escaping;
HTML <- markdown-it-py's own render of the same Markdown; text <- markdown-it-py's parse plus
textwrap of the paragraphs; DOCX <- python-docx building and saving the same paragraphs
directly. When pandoc is installed it also times whole processes against pandoc.
"""

from __future__ import annotations

import sys

# bench/typing.py would shadow the standard library's ``typing``: keep this folder off the path.
sys.path[:] = [p for p in sys.path if p not in ("", sys.path[0])]

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx
from markdown_it import MarkdownIt

from editor.model.release import values_from_json
from editor.model.template import Template, parse_template, template_from_dict
from editor.render import writers
from editor.render.document import RenderedDocument
from editor.render.engine import render_document, render_markdown

REFERENCE_VALUES = {
    "label": "PRESSMEDDELANDE",
    "release_date": "2018-09-25",
    "organisation": "Region Exempel",
    "headline": "Stabsläget i Region Exempel är avslutat",
    "cause": "en omfattande störning i regionens IT-system",
    "raised_at": "2018-09-21T06:30",
    "raised_to": "forstarkningslage",
    "consequences": "Under fredagen bedrevs enbart akut verksamhet. Mottagningsbesök ställdes in.",
    "lowered_at": "2018-09-21T10:30",
    "lowered_to": "stabslage",
    "ended_at": "2018-09-25T15:37",
    "follow_up": "En teknisk analys har inletts. En utvärdering följer de kommande veckorna.",
    "contact": {
        "name": "Anna Exempel",
        "title": "Pressekreterare",
        "email": "anna@example.se",
        "phones": ["0470-00 00 00", "070-000 00 00"],
    },
}

PARAGRAPH = (
    "Regionen har under **dagen** arbetat med att återställa de system som påverkades, och "
    "[mer information finns på webben](https://example.se/info). Patienter med bokade besök "
    "kontaktas av sin mottagning; den som har frågor kan ringa 1177 Vårdguiden."
)


def long_release() -> tuple[Template, dict[str, object]]:
    fields = [
        {"key": "headline", "type": "text", "label": "Rubrik", "required": True},
        {"key": "body", "type": "paragraphs", "label": "Text"},
    ]
    template = template_from_dict(
        {
            "format": 1,
            "name": "Lång",
            "language": "sv",
            "fields": fields,
            "body": "# {{ headline }}\n\n{{ body }}\n",
        }
    )
    body = "\n\n".join(
        PARAGRAPH if i % 10 else "## Mellanrubrik\n\n- punkt ett\n- punkt två" for i in range(40)
    )
    values, _ = values_from_json(template, {"headline": "Fyrtio stycken", "body": body})
    return template, values


def reference_release() -> tuple[Template, dict[str, object]]:
    path = ROOT / "resources" / "templates" / "readiness-ended-sv.toml"
    template = parse_template(path.read_text(encoding="utf-8"), path.name, path.stem)
    values, problems = values_from_json(template, REFERENCE_VALUES)
    assert not problems, problems
    return template, values


def floor_markdown(template: Template, values: dict[str, object]) -> Callable[[], object]:
    """Jinja2's sandbox (required: templates come from colleagues) with the same date filters
    (Babel's work is unavoidable), but no escaping, no placeholders, values handed in
    ready-made."""
    from datetime import date

    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from editor.model.levels import default_registry
    from editor.render.engine import environment

    lang = template.language
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
    env.filters.update(environment(lang).filters)
    compiled = env.from_string(template.body)
    levels = default_registry().get(template.level_set)
    plain = dict(values)
    plain.setdefault("release_date", date.today())
    for field in template.fields:
        if field.type == "level" and plain.get(field.key) and levels:
            plain[field.key] = levels.level(str(plain[field.key]), lang)
    return lambda: compiled.render(plain)


def floor_html(markdown: str) -> Callable[[], object]:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    return lambda: md.render(markdown)


def floor_text(markdown: str) -> Callable[[], object]:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])

    def run() -> str:
        tokens = md.parse(markdown)
        return "\n\n".join(textwrap.fill(t.content, 72) for t in tokens if t.type == "inline")

    return run


def floor_docx(doc: RenderedDocument) -> Callable[[], object]:
    blocks = [
        (t.tag, doc.tokens[i + 1].content)
        for i, t in enumerate(doc.tokens)
        if t.type in ("heading_open", "paragraph_open")
    ]

    def run() -> bytes:
        document = docx.Document()
        for tag, text in blocks:
            if tag.startswith("h"):
                document.add_heading(text, level=int(tag[1]))
            else:
                document.add_paragraph(text)
        out = BytesIO()
        document.save(out)
        return out.getvalue()

    return run


def measure(
    ours: Callable[[], object], floor: Callable[[], object], rounds: int
) -> dict[str, float]:
    for _ in range(3):
        ours(), floor()
    mine: list[float] = []
    base: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        floor()
        base.append(time.perf_counter() - start)
        start = time.perf_counter()
        ours()
        mine.append(time.perf_counter() - start)

    def p95(xs: list[float]) -> float:
        return sorted(xs)[max(0, int(len(xs) * 0.95) - 1)]

    return {
        "ours_median_ms": statistics.median(mine) * 1000,
        "ours_p95_ms": p95(mine) * 1000,
        "floor_median_ms": statistics.median(base) * 1000,
        "floor_p95_ms": p95(base) * 1000,
        "median_ratio": statistics.median(mine) / statistics.median(base),
        "p95_ratio": p95(mine) / p95(base),
    }


def bench_release(name: str, template: Template, values: dict[str, object], rounds: int) -> None:
    markdown, _ = render_markdown(template, values)
    doc = render_document(template, values)
    html_writer, text_writer, docx_writer = (writers.get(n) for n in ("html", "txt", "docx"))

    def fresh() -> RenderedDocument:
        return render_document(template, values)

    steps = {
        "template->Markdown": (
            lambda: render_markdown(template, values),
            floor_markdown(template, values),
        ),
        "template->HTML": (lambda: html_writer.write(fresh()), floor_html(markdown)),
        "template->text": (lambda: text_writer.write(fresh()), floor_text(markdown)),
        "template->DOCX bytes": (lambda: docx_writer.write(fresh()), floor_docx(doc)),
    }
    print(f"\n{name}")
    print(
        f"  {'step':<22} {'ours med':>9} {'p95':>8} {'floor med':>10} {'p95':>8}"
        f" {'ratio med':>10} {'p95':>6}"
    )
    for step, (ours, floor) in steps.items():
        n = rounds if "DOCX" not in step else max(20, rounds // 10)
        r = measure(ours, floor, n)
        print(
            f"  {step:<22} {r['ours_median_ms']:>8.3f}ms {r['ours_p95_ms']:>6.3f}ms "
            f"{r['floor_median_ms']:>8.3f}ms {r['floor_p95_ms']:>6.3f}ms "
            f"{r['median_ratio']:>10.2f} {r['p95_ratio']:>6.2f}"
        )


def bench_pandoc(template: Template, values: dict[str, object], runs: int) -> None:
    pandoc = shutil.which("pandoc")
    if not pandoc:
        print("\npandoc not installed: whole-process comparison skipped")
        return
    from editor.model.release import values_to_json

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "values.json").write_text(json.dumps(values_to_json(template, values)), "utf-8")
        markdown, _ = render_markdown(template, values)
        (work / "in.md").write_text(markdown, "utf-8")
        ours_cmd = [
            sys.executable,
            str(ROOT / "main.py"),
            "--home",
            str(work / "home"),
            "render",
            "readiness-ended-sv",
            "--values",
            str(work / "values.json"),
            "--to",
            "docx",
            "-o",
            str(work / "ours.docx"),
        ]
        pandoc_cmd = [pandoc, str(work / "in.md"), "-o", str(work / "pandoc.docx")]
        ours_t, pandoc_t = [], []
        for _ in range(runs):
            for cmd, into in ((pandoc_cmd, pandoc_t), (ours_cmd, ours_t)):
                start = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True)
                into.append(time.perf_counter() - start)
        o, p = statistics.median(ours_t), statistics.median(pandoc_t)
        print(
            f"\nwhole process, one DOCX: pressklar {o * 1000:.0f}ms, pandoc {p * 1000:.0f}ms, "
            f"ratio {o / p:.2f}"
        )
        start = time.perf_counter()
        docx_writer = writers.get("docx")
        for _ in range(50):
            docx_writer.write(render_document(template, values))
        api = time.perf_counter() - start
        start = time.perf_counter()
        for _ in range(50):
            subprocess.run(pandoc_cmd, check=True, capture_output=True)
        fifty = time.perf_counter() - start
        print(
            f"50 releases: pressklar in one process {api * 1000:.0f}ms, 50 pandoc runs "
            f"{fifty * 1000:.0f}ms, ratio {api / fifty:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--pandoc-runs", type=int, default=7)
    args = parser.parse_args()
    template, values = reference_release()
    bench_release("reference release (readiness-ended-sv)", template, values, args.rounds)
    bench_release("40-paragraph release", *long_release(), rounds=args.rounds // 4)
    bench_pandoc(template, values, args.pandoc_runs)
    print("\ngoal: every ratio <= 1.3; template->HTML for the reference release well under 1 ms")


if __name__ == "__main__":
    main()
