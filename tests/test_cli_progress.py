"""The progress bar: on a terminal only, with the total when the inputs can be counted."""
from __future__ import annotations

import io

from rich.console import Console

from newsevents import cli


def test_the_progress_bar_is_shown_on_a_terminal_only(monkeypatch, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Japan met India."}\n' * 3, encoding="utf-8")
    monkeypatch.setattr(cli, "err", Console(file=io.StringIO(), force_terminal=False))
    with cli._progress() as progress:
        assert progress.disable and cli._total(progress, [str(path)]) is None
    screen = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=screen, force_terminal=True, width=120))
    with cli._progress() as progress:
        task = progress.add_task("ingesting", total=cli._total(progress, [str(path)]))
        progress.advance(task)
        progress.refresh()
    assert "ingesting" in screen.getvalue() and "1/3" in screen.getvalue()
