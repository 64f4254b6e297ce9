"""`sourcelint lsp`: the real server over stdio, driven by a small JSON-RPC client written
here (Content-Length framing), and the pure pieces it is built from."""

from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import pytest

from sourcelint.lsp import (
    CITATION_NEEDED,
    Edit,
    TextPositions,
    document_format,
    from_client_character,
    lint,
    markdown_text,
    rule_docs_url,
    suppression_edit,
    to_client_character,
)

# A short article: a quotation with a named speaker, a statistic, a resolved marker [1] and
# an unresolved [4] (SL101, and SL403 on its sentence) after an emoji, which is one
# character but two UTF-16 code units.
ARTICLE = """---
title: Ferry fares to rise in spring
date: 2024-03-14
---

# Ferry fares to rise in spring

Fares on the island ferry will rise by 8 percent from April, the operator said on Monday.[1]

“We have held our prices for three years,” said Anna Berg, the operator's chief executive, on Tuesday.

Island traders 🚢 fear a slow season, and harbour fees have doubled.[4]

## References

[1] Island Ferries, "Fare changes 2024", press release, 11 March 2024. https://example.org/fares
"""
FIXED = ARTICLE.replace("[4]", "[1]")
LINES = ARTICLE.split("\n")
MARKER_LINE = next(index for index, line in enumerate(LINES) if "[4]" in line)
QUOTE_LINE = next(index for index, line in enumerate(LINES) if "held our prices" in line)
FIGURE_LINE = next(index for index, line in enumerate(LINES) if "8 percent" in line)
TIMEOUT = 60.0  # the first analysis waits for the model (about 2 s); a hang fails, not blocks


def utf16(line: str, column: int) -> int:
    """A character column of a line in UTF-16 code units, as the test computes it."""
    return len(line[:column].encode("utf-16-le")) // 2


class Client:
    """A minimal LSP client: JSON-RPC over the server's stdin and stdout."""

    def __init__(self, command: list[str], cwd: Path, stderr: IO[bytes]) -> None:
        self.process = subprocess.Popen(
            command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr
        )
        self.incoming: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.backlog: list[dict[str, Any]] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers: dict[str, str] = {}
            while True:
                line = stream.readline()
                if not line:
                    self.incoming.put(None)
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.incoming.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, payload: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any] | None) -> Any:
        self.next_id += 1
        number = self.next_id
        self.send({"id": number, "method": method, "params": params})
        reply = self.wait_for(
            lambda message: message.get("id") == number and "method" not in message
        )
        assert "error" not in reply, reply
        return reply["result"]

    def wait_for(
        self, wanted: Callable[[dict[str, Any]], bool], timeout: float = TIMEOUT
    ) -> dict[str, Any]:
        for index, message in enumerate(self.backlog):
            if wanted(message):
                return self.backlog.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no awaited message within {timeout} s")
            try:
                received = self.incoming.get(timeout=remaining)
            except queue.Empty:
                raise AssertionError(f"no awaited message within {timeout} s") from None
            if received is None:
                raise AssertionError("the server closed its output")
            message = received
            if "method" in message and "id" in message:  # a request to the client
                self.send({"id": message["id"], "result": None})
                continue
            if wanted(message):
                return message
            self.backlog.append(message)

    def diagnostics(self, uri: str, version: int | None = None) -> list[dict[str, Any]]:
        """The next diagnostics published for `uri` (for `version`, when given)."""
        message = self.wait_for(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and (version is None or m["params"].get("version") == version)
            )
        )
        result: list[dict[str, Any]] = message["params"]["diagnostics"]
        return result

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    with (tmp_path / "server-stderr.txt").open("wb") as stderr:
        started = Client([sys.executable, "-m", "sourcelint.cli", "lsp"], tmp_path, stderr)
        try:
            yield started
        finally:
            started.close()


def test_server_diagnoses_hovers_fixes_and_exits(client: Client, tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    uri = article.as_uri()
    capabilities = client.request(
        "initialize", {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}
    )["capabilities"]
    assert capabilities["positionEncoding"] == "utf-16"  # the client offered no other
    assert capabilities["hoverProvider"]
    assert capabilities["codeActionProvider"]
    client.notify("initialized", {})
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE}},
    )

    diagnostics = client.diagnostics(uri, 1)
    assert sorted(d["code"] for d in diagnostics) == ["SL101", "SL403"]
    unresolved = next(d for d in diagnostics if d["code"] == "SL101")
    line = LINES[MARKER_LINE]
    column = line.index("[4]")
    assert utf16(line, column) == column + 1  # the emoji before it counts twice
    assert unresolved["range"] == {
        "start": {"line": MARKER_LINE, "character": utf16(line, column)},
        "end": {"line": MARKER_LINE, "character": utf16(line, column + 3)},
    }
    assert unresolved["severity"] == 1
    assert unresolved["source"] == "sourcelint"
    assert unresolved["codeDescription"]["href"].endswith("#sl101-unresolved-marker")
    assert "[4]" in unresolved["message"]
    claim = next(d for d in diagnostics if d["code"] == "SL403")
    assert claim["severity"] == 2

    def hover(line_number: int, column: int) -> str:
        result = client.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": uri},
                "position": {
                    "line": line_number,
                    "character": utf16(LINES[line_number], column),
                },
            },
        )
        assert result is not None
        assert result["contents"]["kind"] == "markdown"
        value: str = result["contents"]["value"]
        return value

    quotation = hover(QUOTE_LINE, LINES[QUOTE_LINE].index("held"))
    assert "Anna Berg" in quotation
    assert "chief executive" in quotation
    assert "said" in quotation
    assert "date: 2024-03-12" in quotation  # on Tuesday, before the article's date
    figure = hover(FIGURE_LINE, LINES[FIGURE_LINE].index("percent"))
    assert "value: 8 percent" in figure
    assert "fares" in figure
    assert "points nowhere" in hover(MARKER_LINE, column + 1)
    assert "Island Ferries" in hover(FIGURE_LINE, LINES[FIGURE_LINE].index("[1]"))

    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": unresolved["range"],
            "context": {"diagnostics": [unresolved]},
        },
    )
    assert len(actions) == 1  # SL101 is no missing source: no [citation needed]
    (edit,) = actions[0]["edit"]["changes"][uri]
    comment = "<!-- sourcelint: disable-next-line=SL101 -->"
    assert edit == {
        "range": {
            "start": {"line": MARKER_LINE, "character": 0},
            "end": {"line": MARKER_LINE, "character": 0},
        },
        "newText": comment + "\n",
    }
    flag_actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": claim["range"],
            "context": {"diagnostics": [claim]},
        },
    )
    flag = next(a for a in flag_actions if CITATION_NEEDED in a["title"])
    (flag_edit,) = flag["edit"]["changes"][uri]
    end_of_sentence = {"line": MARKER_LINE, "character": utf16(line, len(line))}
    assert flag_edit["range"] == {"start": end_of_sentence, "end": end_of_sentence}
    assert flag_edit["newText"] == CITATION_NEEDED

    # The comment the action inserts silences SL101 (its sentence's SL403 stays).
    silenced = "\n".join([*LINES[:MARKER_LINE], comment, *LINES[MARKER_LINE:]])
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": silenced}]},
    )
    assert [d["code"] for d in client.diagnostics(uri, 2)] == ["SL403"]

    # Two quick changes: only the latest version is analysed and published.
    for version, text in ((3, ARTICLE), (4, FIXED)):
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
    published = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert published["params"]["version"] == 4
    assert published["params"]["diagnostics"] == []

    assert client.request("shutdown", None) is None
    client.notify("exit", {})
    assert client.process.wait(timeout=10) == 0


def test_server_reads_the_file_configuration_and_offers_no_comment_in_plain_text(
    client: Client, tmp_path: Path
) -> None:
    (tmp_path / "sourcelint.toml").write_text('ignore = ["SL403"]\n', encoding="utf-8")
    article = tmp_path / "notes.txt"
    text = "We think it is 🚢 too slow.[4]\n\nReferences\n[1] Ministry of Agriculture, Bulletin, 2024.\n"
    uri = article.as_uri()
    negotiated = client.request(
        "initialize",
        {
            "processId": None,
            "rootUri": tmp_path.as_uri(),
            "capabilities": {"general": {"positionEncodings": ["utf-32", "utf-16"]}},
        },
    )
    assert negotiated["capabilities"]["positionEncoding"] == "utf-32"
    client.notify("initialized", {})
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
    )
    (diagnostic,) = client.diagnostics(uri, 1)
    assert diagnostic["code"] == "SL101"
    assert diagnostic["range"]["start"] == {
        "line": 0,
        "character": text.index("[4]"),
    }  # code points
    actions = client.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]},
        },
    )
    assert actions == []  # plain text cannot hold the comment
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []
    assert client.request("shutdown", None) is None
    client.notify("exit", {})
    assert client.process.wait(timeout=10) == 0


@pytest.mark.parametrize(("encoding", "expected"), [("utf-8", 10), ("utf-16", 7), ("utf-32", 6)])
def test_columns_convert_to_and_from_each_position_encoding(encoding: str, expected: int) -> None:
    line = "a 🚢 é [4]"  # the marker is at character 6
    assert to_client_character(line, 6, encoding) == expected
    assert from_client_character(line, expected, encoding) == 6
    positions = TextPositions("first\r\n" + line, encoding)
    assert positions.lines[1] == line
    assert positions.position(1, 6).character == expected
    assert positions.offset_at(positions.position_at(len("first\n") + 6)) == len("first\n") + 6


def test_suppression_comment_goes_where_it_works() -> None:
    own_line = ["Intro.", "", "> A quoted claim.[4]"]
    assert suppression_edit(own_line, 2, "SL101", "md") == Edit(
        2, 0, 2, 0, "> <!-- sourcelint: disable-next-line=SL101 -->\n"
    )
    paragraph = ["First line of a paragraph  ", "goes on here.[4]"]
    assert suppression_edit(paragraph, 1, "SL101", "md") == Edit(
        0, 25, 0, 25, " <!-- sourcelint: disable-next-line=SL101 -->"
    )
    merged = ["Text <!-- sourcelint: disable-next-line=SL403 -->", "more.[4]"]
    assert suppression_edit(merged, 1, "SL101", "md") == Edit(0, 40, 0, 45, "SL403,SL101")
    assert suppression_edit(merged, 1, "SL403", "md") is None
    # a directive above a blank line already targets the flagged line: extend it, do not
    # insert a line it would silence instead
    spaced = ["<!-- sourcelint: disable-next-line=SL1 -->", "", "Slow.[4] Unsourced."]
    assert suppression_edit(spaced, 2, "SL101", "md") is None  # SL1 covers SL101
    assert suppression_edit(spaced, 2, "SL403", "md") == Edit(0, 35, 0, 38, "SL1,SL403")
    lone_disable = ["<!-- sourcelint: disable=SL403 -->", "", "Slow.[4]"]
    assert suppression_edit(lone_disable, 2, "SL101", "md") == Edit(
        0, 34, 0, 34, " <!-- sourcelint: disable-next-line=SL101 -->"
    )
    assert suppression_edit(["Too slow.[4]"], 0, "SL101", "txt") is None
    assert suppression_edit(["---", "date: 0001-01-01", "---"], 1, "SL914", "md") is None
    assert suppression_edit(["<p>", "  Slow.[4]</p>"], 1, "SL101", "html") == Edit(
        1, 0, 1, 0, "  <!-- sourcelint: disable-next-line=SL101 -->\n"
    )
    assert suppression_edit(['<p class="a"', '   id="b">Slow.[4]</p>'], 1, "SL101", "html") is None


@pytest.mark.parametrize(
    "lines",
    [
        ["Intro.", "", "We think it is too slow.[4]"],  # a comment line of its own
        ["We think so,", "and it is too slow.[4]"],  # added to the paragraph's line before
    ],
)
def test_suppression_edits_silence_the_finding(lines: list[str]) -> None:
    references = "\n\nReferences\n\n1. Ministry of Agriculture, Bulletin, 2024.\n"
    edit = suppression_edit(lines, len(lines) - 1, "SL101", "md")
    assert edit is not None and edit.line == edit.end_line
    edited = list(lines)
    edited[edit.line] = (
        lines[edit.line][: edit.column] + edit.text + lines[edit.line][edit.end_column :]
    )

    def found(text: str) -> list[str]:
        return [f.code for f in lint(text, version=1, format="md", path=None).findings]

    assert "SL101" in found("\n".join(lines) + references)
    assert "SL101" not in found("\n".join(edited) + references)


def test_formats_links_and_escaping() -> None:
    assert document_format("file:///a/b.md", "markdown") == "md"
    assert document_format("file:///a/b.txt", None) == "txt"
    assert document_format("file:///a/b.txt", "markdown") == "md"
    assert document_format("untitled:Untitled-1", "html") == "html"
    assert document_format("file:///a/b.py", "python") is None
    assert rule_docs_url("SL403").endswith("#sl403-claim-on-unresolved-marker")
    assert rule_docs_url("SL999").endswith("#errors")
    shown = markdown_text("![x](https://tracker.example/a.png) <img src=x> **bold**\n\x1b[31m")
    assert re.search(r"(?<!\\)[!\[\]()<>*]", shown) is None  # every mark escaped: shown as text
    assert "\x1b" not in shown and "\n" not in shown
