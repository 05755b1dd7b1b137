"""The README's two-organisation walk-through, run as written, on a fresh database.

The block after `<!-- walkthrough -->` is run by bash as one script (the server
on a free port instead of 8765); each `#=>` line under a command is what that
command must print (progress bars aside), `…` matching anything.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from support.cli import ROOT

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
README = ROOT / "README.md"
MARK = "@@walkthrough-command"
PROGRESS_BAR = "━"  # ingest's progress line, which the README leaves out


@dataclass
class Command:
    text: str
    expected: list[str] = field(default_factory=list)


def walkthrough(readme: str) -> list[Command]:
    """The commands of the walk-through block, each with the output lines it must print."""
    block = readme.split("<!-- walkthrough -->", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands: list[Command] = []
    pending = ""
    for line in block.splitlines():
        if line.startswith("#=> "):
            commands[-1].expected.append(line[4:])
        elif pending or (line.strip() and not line.startswith("#")):
            pending += line + "\n"
            if not line.endswith("\\"):
                commands.append(Command(pending))
                pending = ""
    return commands


def script(commands: list[Command], port: int) -> str:
    lines = ["set -eu -o pipefail"]
    for number, command in enumerate(commands):
        lines += [f"echo '{MARK} {number}'", command.text.replace("8765", str(port))]
    return "\n".join(lines) + "\n"


def matches(expected: str, line: str) -> bool:
    pattern = ".*".join(re.escape(" ".join(part.split())) for part in expected.split("…"))
    return re.fullmatch(pattern, " ".join(line.split())) is not None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_cli_walkthrough_block_is_found_with_its_outputs() -> None:
    commands = walkthrough(README.read_text(encoding="utf-8"))
    assert commands[0].text.startswith("export MOSAIC_DB_URL=")
    assert sum(len(c.expected) for c in commands) >= 15
    assert any("mosaic audit verify" in c.text for c in commands)


def test_cli_walkthrough_runs_as_the_readme_shows(tmp_path: Path) -> None:
    commands = walkthrough(README.read_text(encoding="utf-8"))
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "mosaic"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m mosaic "$@"\n')
    shim.chmod(0o755)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "COLUMNS": "200"}
    env.pop("MOSAIC_DB_URL", None)
    process = subprocess.Popen(
        ["bash", "-c", script(commands, free_port())],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=900)
    finally:
        _end_group(process.pid)
    assert process.returncode == 0, stderr[-3000:]
    outputs = re.split(rf"^{MARK} (\d+)\n", stdout, flags=re.MULTILINE)[1:]
    printed = {
        int(n): text.splitlines() for n, text in zip(outputs[::2], outputs[1::2], strict=True)
    }
    for number, command in enumerate(commands):
        if not command.expected:
            continue
        got = [line for line in printed[number] if line.strip() and PROGRESS_BAR not in line]
        assert len(got) == len(command.expected), (command.text, got)
        for want, line in zip(command.expected, got, strict=True):
            assert matches(want, line), (command.text, want, line)


def _end_group(pid: int) -> None:
    """Stop the server the script started, should the script have failed before `kill %1`."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
