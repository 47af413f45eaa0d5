"""The README documents every command, and its set-up commands are what CI runs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from newsevents.cli import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    return sorted(typer.main.get_command(app).commands)


def _section(markdown: str, heading: str) -> str:
    match = re.search(rf"^##\s+{re.escape(heading)}\s*$(.*?)(?=^##\s|\Z)", markdown,
                      flags=re.M | re.S)
    assert match, f"README has no '## {heading}' section"
    return match.group(1)


def _code_lines(markdown: str) -> list[str]:
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", markdown, flags=re.M | re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def _ci_commands() -> list[str]:
    """Commands of .ci/run, without comments, shell options, the cd into the repo and the
    system packages step (Chromium, Java), which a user's machine may already have."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines
            if line.strip() and not line.lstrip().startswith("#")
            and not line.strip().startswith(("set ", "cd ", ".ci/system-packages"))]


def test_the_cli_has_the_documented_command_set():
    assert {"extract", "ingest", "events", "eval", "when", "where"} <= set(_command_names())


@pytest.mark.parametrize("command", _command_names())
def test_every_cli_command_is_shown_in_the_readme(readme, command):
    assert re.search(rf"`newsevents {re.escape(command)}\b", readme), \
        f"README.md does not document `newsevents {command}`"


def test_readme_set_up_commands_are_exactly_what_ci_runs(readme):
    set_up = _code_lines(_section(readme, "Set up"))
    assert set_up, "README's Set up section has no commands"
    assert set_up == _ci_commands()


def test_ci_installs_with_the_test_extra_and_runs_pytest():
    commands = _ci_commands()
    assert any(c.startswith("pip install") and "[test]" in c for c in commands)
    assert commands[-1].startswith("python -m pytest")
