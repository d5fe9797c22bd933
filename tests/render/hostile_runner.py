"""Render one template body under a memory limit and print what happened as one JSON line:
{"outcome": "refused", "code": ...} or {"outcome": "rendered", "length": N}. A crash or a
hang is what the parent sees when no line comes. Run by test_hostile_templates."""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

MEMORY_LIMIT = 1_500_000_000  # bytes of address space: a bomb fails here, not on the machine


def main() -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    from editor.errors import TemplateError
    from editor.render.engine import render_markdown
    from tests.helpers import make_template

    body = sys.stdin.read()
    try:
        text, _ = render_markdown(make_template(body, language="sv"), {})
    except TemplateError as error:
        print(json.dumps({"outcome": "refused", "code": error.code, "text": error.text("sv")}))
        return 0
    print(json.dumps({"outcome": "rendered", "length": len(text)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
