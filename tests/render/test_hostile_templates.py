"""Templates come from colleagues' folders: each hostile body here is refused with one line
naming the budget it ran into, in a separate process with a memory limit and a time limit, so
a template that got around a budget shows up as "hung" or "crashed" instead of taking the test
run with it. The corpus is what a tester tried against the sandbox."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

RUNNER = Path(__file__).with_name("hostile_runner.py")
SECONDS = 20  # far above the render budget (2 s): past it, the template hung the app

HOSTILE = {
    "macro fan-out": "{% macro f(n) %}{% if n %}{{ f(n-1) }}{{ f(n-1) }}{% endif %}{% endmacro %}"
    "{{ f(40) }}",
    "endless recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "lipsum": "{{ lipsum(10**6) }}",
    "power tower": "{{ ((2**100)**100)**100 }}",
    "product tower": "{% set n = 10**90 %}{{ " + "*".join(["n"] * 60) + " }}",
    "list of lists printed": "{% set a = [0] * 100000 %}{% set b = [a] * 100000 %}{{ b }}",
    "nested format width": "{{ '{:{w}}'.format('x', w=10**9) }}",
    "format precision": "{{ '{:.{p}f}'.format(1.5, p=10**8) }}",
    "written format width": "{{ '{:>999999999}'.format(1) }}",
    "star width": "{{ '%*s' % (10**9, 'x') }}",
    "percent width": "{{ '%999999999s' % 'x' }}",
    "ljust": "{{ 'x'.ljust(10**9) }}",
    "rjust": "{{ 'x'.rjust(10**9) }}",
    "zfill": "{{ '1'.zfill(10**9) }}",
    "expandtabs": "{{ 'a\\tb'.expandtabs(10**9) }}",
    "center method": "{{ 'x'.center(10**9) }}",
    "indent filter": "{{ 'x\\ny' | indent(10**9) }}",
    "center filter": "{{ 'x' | center(10**9) }}",
    "concatenation doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s | length }}",
    "plus doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
    "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s | length }}",
    "replace doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
    "{% set ns.s = ns.s.replace('x', 'xx') %}{% endfor %}{{ ns.s | length }}",
    "join doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
    "{% set ns.s = [ns.s, ns.s] | join %}{% endfor %}{{ ns.s | length }}",
    "join method doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
    "{% set ns.s = ''.join([ns.s, ns.s]) %}{% endfor %}{{ ns.s | length }}",
    "nested loops": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
    "{% endfor %}",
    "a gigabyte of output": "{% for i in range(100000) %}{{ 'x' * 100000 }}{% endfor %}",
    "huge range": "{{ range(10**9) | list | length }}",
    "25 nested for": "{% for a in [1] %}" * 25 + "x" + "{% endfor %}" * 25,
    "400 nested if": "{% if true %}" * 400 + "x" + "{% endif %}" * 400,
    "5000 parentheses": "{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
    "include": "{% include 'other.toml' %}",
    "extends": "{% extends 'base' %}",
    "import": "{% import 'macros' as m %}{{ m.x() }}",
    "class escape": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals escape": "{{ cycler.__init__.__globals__.os }}",
}


def run(body: str) -> dict[str, object]:
    try:
        result = subprocess.run(
            [sys.executable, str(RUNNER)],
            input=body,
            capture_output=True,
            text=True,
            timeout=SECONDS,
            cwd=ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"outcome": "hung"}
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        return {"outcome": "crashed", "stderr": result.stderr[-2000:]}
    outcome: dict[str, object] = json.loads(lines[-1])
    return outcome


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_template_is_refused_with_one_line(name: str) -> None:
    outcome = run(HOSTILE[name])
    assert outcome["outcome"] == "refused", outcome
    text = str(outcome["text"])
    assert "\n" not in text and "Traceback" not in text
    assert str(outcome["code"]).startswith("template."), outcome


def test_the_budgets_leave_a_long_real_release_alone() -> None:
    body = "{% for i in range(2000) %}Ett stycke om läget nummer {{ i }}, " * 1 + (
        "med text som en riktig lång release har.\n\n{% endfor %}"
    )
    outcome = run(body)
    assert outcome["outcome"] == "rendered" and int(str(outcome["length"])) > 100_000
