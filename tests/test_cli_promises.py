"""The command line's promises under careless or hostile use: a coded error (exit 2) whenever
output could not be written, devices and pipes refused, control characters in file names
never printed raw, and temporary files of a killed run cleaned by the next one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sourcelint.cli import main

QUOTED = 'The minister said "we are ready" on Monday.\n'
DEV_FULL = Path("/dev/full")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full on this system")
def test_a_full_disk_is_an_error_and_a_device_is_never_replaced(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "a.txt").write_text(QUOTED)
    status, _, err = run(["scan", "a.txt", "-o", str(DEV_FULL)], capsys)
    assert status == 2
    assert err.startswith("error: /dev/full: SL909 cannot write output")
    assert stat.S_ISCHR(DEV_FULL.stat().st_mode)  # written in place, never swapped for a file


@pytest.mark.skipif(not DEV_FULL.exists(), reason="no /dev/full on this system")
def test_standard_output_on_a_full_disk_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(QUOTED)
    with DEV_FULL.open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "sourcelint.cli", "scan", "a.txt"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert "SL909" in result.stderr
    assert "Traceback" not in result.stderr


def test_writing_to_a_device_that_accepts_works(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "a.txt").write_text(QUOTED)
    status, _, err = run(["scan", "a.txt", "-o", os.devnull], capsys)
    assert status == 0, err
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_a_link_to_an_endless_device_is_refused(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "zero.txt").symlink_to("/dev/zero")
    (tmp_cwd / "a.txt").write_text(QUOTED)
    status, out, err = run(["scan", "zero.txt", "a.txt"], capsys)
    assert status == 2
    assert "error: zero.txt: SL901 not a regular file" in err
    assert "1 document" in out  # the other file is still scanned
    status, _, err = run(["scan", "."], capsys)
    assert status == 2
    assert "zero.txt: SL901 not a regular file" in err


def test_a_pipe_in_a_folder_is_skipped_but_a_named_pipe_is_read(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(tmp_cwd / "pipe.txt")
    (tmp_cwd / "a.txt").write_text(QUOTED)
    status, _, err = run(["scan", "."], capsys)  # reading the pipe here would block forever
    assert status == 2
    assert "pipe.txt: SL901 not a regular file (a pipe, device or socket); skipped" in err
    writer = subprocess.Popen(["sh", "-c", f"printf '{QUOTED.strip()}' > pipe.txt"], cwd=tmp_cwd)
    status, out, err = run(["scan", "pipe.txt", "--select", "ALL"], capsys)
    writer.wait(timeout=30)
    assert status == 0, err
    assert "we are ready" in out


def test_a_growing_file_is_read_no_further_than_the_limit(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "pyproject.toml").write_text("[tool.sourcelint]\nmax-file-size = 1024\n")
    os.mkfifo(tmp_cwd / "big.txt")  # a pipe has no size to check before reading
    writer = subprocess.Popen(
        ["sh", "-c", "yes 'He said \"yes\".' | head -c 100000 > big.txt"], cwd=tmp_cwd
    )
    status, _, err = run(["scan", "big.txt"], capsys)
    writer.kill()
    writer.wait(timeout=30)
    assert status == 2
    assert "SL907" in err


def test_an_unreadable_folder_is_a_coded_error(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_cwd / "posts" / "private").mkdir(parents=True)
    (tmp_cwd / "posts" / "a.md").write_text(QUOTED)
    real_walk = os.walk

    def walk_without_permission(top: str, **options: object) -> object:
        # The tests may run as root, who reads every folder: the refusal is simulated.
        onerror = options.pop("onerror")
        for folder, subfolders, names in real_walk(top, **options):  # type: ignore[call-overload]
            if folder.endswith("private"):
                onerror(PermissionError(13, "Permission denied", folder))  # type: ignore[operator]
                continue
            yield folder, subfolders, names

    monkeypatch.setattr(os, "walk", walk_without_permission)
    status, out, err = run(["scan", "posts"], capsys)
    assert status == 2
    assert "posts/private: SL901 cannot read this folder: Permission denied" in err
    assert "1 document" in out


CONTROLS = "\x1b[31m\u202e"
RAW = ("\x1b", "\u202e")


def test_file_names_never_reach_the_terminal_raw(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = f"evil{CONTROLS}.txt"
    (tmp_cwd / name).write_text('A claim.[4]\n\nHe said "yes".\n')
    for output_format in ("text", "github"):
        _, out, err = run(["scan", ".", "--format", output_format], capsys)
        assert "evil\\u001b[31m\\u202e.txt" in out
        assert not any(char in out + err for char in RAW)
    _, out, err = run(["scan", name.replace(".txt", ".md")], capsys)  # no such file
    assert "SL901" in err
    assert not any(char in err for char in RAW)


def test_the_stdin_file_name_never_reaches_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", _Bytes(b"A claim.[4]\n"))
    _, out, _ = run(["scan", "-", "--stdin-filename", f"x{CONTROLS}.txt"], capsys)
    assert "x\\u001b[31m\\u202e.txt:1:9: SL101" in out


class _Bytes:
    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


def test_temporary_files_of_a_killed_run_are_cleaned_by_the_next(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "a.txt").write_text(QUOTED)
    dead = subprocess.Popen(["true"])
    dead.wait()
    left = tmp_cwd / f".report.txt.sourcelint-{dead.pid}.abc123.tmp"
    left.write_text("half a report")
    ours = tmp_cwd / f".report.txt.sourcelint-{os.getpid()}.def456.tmp"
    ours.write_text("a run still writing")  # a live writer's file is left alone
    status, _, err = run(["scan", "a.txt", "-o", "report.txt"], capsys)
    assert status == 0, err
    assert not left.exists()
    assert ours.exists()
    assert (tmp_cwd / "report.txt").read_text().startswith("1 document")


@pytest.mark.parametrize("pattern", ["**/" * 500 + "*.md", "*" * 3000 + "x", "[", "\\"])
def test_any_include_pattern_ends_in_a_coded_line(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str], pattern: str
) -> None:
    (tmp_cwd / "a.txt").write_text(QUOTED)
    status, _, err = run(["scan", ".", "--include", pattern], capsys)
    assert status == 2
    assert err.startswith("error: .: SL905 no file to scan")
    assert len(err.splitlines()) == 1
