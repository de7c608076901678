#!/usr/bin/env python3
"""Fails when bindings-swift/README.md or docs/guide-mobile.md does not quote its examples verbatim
(the files the Swift and Kotlin suites run)."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
FIRST = ["swift/Tests/ArrearsTests/FirstExample.swift", "kotlin/test/FirstExample.kt"]
AGENDA = ["swift/Tests/ArrearsTests/AgendaExample.swift", "kotlin/test/AgendaExample.kt"]
PAGES = {HERE / "README.md": FIRST, HERE.parent / "docs" / "guide-mobile.md": FIRST + AGENDA}
problems = []
for page, files in PAGES.items():
    text = page.read_text()
    for f in files:
        if (HERE / f).read_text().rstrip() not in text:
            problems.append(f"{page.relative_to(HERE.parent)} does not quote bindings-swift/{f}")
if problems:
    print("\n".join(problems) + ": copy the files into them", file=sys.stderr)
    sys.exit(1)
print("the examples of the README and the guide are the tested files")
