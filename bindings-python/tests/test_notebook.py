"""examples/notebook.ipynb runs from top to bottom on the built package (nbclient, a fresh
kernel), so the analyst's walk-through cannot rot."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebook.ipynb"


def test_the_notebook_runs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    # The report's charts are shown inline, and the tables as HTML.
    assert "iframe srcdoc=" in html and "&lt;svg" in html
    assert "<table" in html
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "C0" in printed
