"""The type information shipped with the package (inline annotations, `_arrears.pyi` for the
native module, `py.typed`) matches what the built module really has: mypy's stubtest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import arrears


def test_py_typed_is_shipped():
    assert (Path(arrears.__file__).parent / "py.typed").exists()


def test_stubtest_is_clean():
    run = subprocess.run([sys.executable, "-m", "mypy.stubtest", "arrears", "--mypy-config-file",
                          str(Path(__file__).resolve().parents[1] / "pyproject.toml")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
