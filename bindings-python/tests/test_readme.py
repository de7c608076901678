"""The README's examples work when pasted: each ```python block runs, in order, in one namespace,
and what the first one prints is what its comments say."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def blocks():
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_examples_run_and_print_what_they_say():
    found = blocks()
    assert len(found) >= 2
    namespace: dict = {}
    printed = []
    for code in found:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(code, str(README), "exec"), namespace)
        printed.append(out.getvalue().splitlines())
    first = found[0]
    said = [re.sub(r"\s+\(.*\)$", "", c.split("# ", 1)[1]).strip()
            for c in first.splitlines() if "print(" in c and "# " in c]
    said += [re.sub(r"\s+\(.*\)$", "", line[2:]).strip()
             for line in first.splitlines() if line.startswith("# ")]
    assert said == [line.strip() for line in printed[0]], (said, printed[0])


GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide-python.md"


def test_the_python_guide_prints_what_it_shows():
    """docs/guide-python.md: every ```python block runs (in order, one namespace); a block followed
    by a ```text output block prints exactly that."""
    text = GUIDE.read_text(encoding="utf-8")
    pieces = re.findall(r"```(python|text output)\n(.*?)```", text, flags=re.S)
    assert sum(1 for kind, _ in pieces if kind == "python") >= 4
    namespace: dict = {}
    last = None
    checked = 0
    for kind, body in pieces:
        if kind == "python":
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                exec(compile(body, str(GUIDE), "exec"), namespace)
            last = out.getvalue()
        else:
            assert last is not None, "an output block without a python block before it"
            assert [l.rstrip() for l in last.strip().splitlines()] == \
                [l.rstrip() for l in body.strip().splitlines()]
            last = None
            checked += 1
    assert checked >= 4
