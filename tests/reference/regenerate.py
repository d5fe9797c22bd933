"""Write the expected outputs of the reference releases (``tests/reference/expected/``).

Run it deliberately, after a change to a template or a writer that is meant to change the
output, and read the diff it prints before you commit the files:

    .venv/bin/python tests/reference/regenerate.py            # show the diff and write
    .venv/bin/python tests/reference/regenerate.py --dry-run  # only show the diff
    .venv/bin/python tests/reference/regenerate.py readiness-ended-sv   # one case

The reference case itself is also guarded by explicit phrase assertions in
``tests/render/test_reference_case.py``, which no regeneration can change. Formats whose writer
does not exist yet are skipped.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.reference import cases  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="case ids (default: every values/*.json)")
    parser.add_argument("--dry-run", action="store_true", help="show the diff, write nothing")
    args = parser.parse_args(argv)

    templates = cases.builtin_templates()
    wanted = args.cases or cases.case_ids()
    unknown = [case for case in wanted if case not in cases.case_ids()]
    if unknown:
        parser.error(f"no values file for {', '.join(unknown)}")
    formats = cases.available_formats()
    cases.EXPECTED.mkdir(exist_ok=True)
    changed = 0
    for case in wanted:
        rendered = cases.render_case(case, templates)
        if rendered.doc.problems:
            problems = "; ".join(str(p) for p in rendered.doc.problems)
            print(f"{case}: the release has problems ({problems}); fix the values first.")
            return 1
        for fmt in formats:
            path = cases.expected_path(case, fmt)
            new = cases.output(rendered.doc, fmt)
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if cases.comparable(fmt, old) == cases.comparable(fmt, new):
                continue
            changed += 1
            name = str(path.relative_to(ROOT))
            sys.stdout.writelines(
                difflib.unified_diff(
                    old.splitlines(keepends=True),
                    new.splitlines(keepends=True),
                    fromfile=f"{name} (before)" if old else "/dev/null",
                    tofile=f"{name} (after)",
                )
            )
            if not args.dry_run:
                path.write_text(new, encoding="utf-8", newline="\n")
    verb = "would change" if args.dry_run else "changed"
    print(f"{changed} file(s) {verb}; formats: {', '.join(formats)}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
