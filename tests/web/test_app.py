"""The web app without a browser: the API, its limits and its headers; and the report
command's HTML, escaped and self-contained."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sourcelint.cli import main
from sourcelint.web import create_app

ARTICLE = "Exports fell 12% in 2024, the ministry said.[4]\n"
HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> [a](javascript:alert(3)) '
    "</textarea><b>bold</b> “</span><script>alert(4)</script>,” said Jane Doe.\n"
)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(max_bytes=50_000))


def test_every_page_carries_a_content_security_policy(client: TestClient) -> None:
    pages = [
        client.get("/"),
        client.post("/map", data={"text": ARTICLE, "format": "txt"}),
        client.get("/api/rules"),
        client.post("/api/scan", json={"text": ARTICLE}),
    ]
    for response in pages:
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"
    map_policy = pages[1].headers["content-security-policy"]
    assert "script-src 'sha256-" in map_policy and "unsafe-inline" not in map_policy.split(";")[1]


def test_api_scan_returns_the_contract_and_rules_are_listed(client: TestClient) -> None:
    payload = client.post("/api/scan", json={"text": ARTICLE, "format": "txt"}).json()
    assert payload["schema"] == "sourcelint/1.2"
    (document,) = payload["documents"]
    assert document["quantities"][0]["unit"] == "percent"
    assert [f["code"] for f in document["findings"]] == ["SL101"]
    uploaded = client.post(
        "/api/scan/file", files={"file": ("a.md", ARTICLE.encode(), "text/markdown")}
    )
    assert uploaded.json()["documents"][0]["format"] == "md"
    rules = client.get("/api/rules").json()
    assert {"SL101", "SL301", "SL401"} <= {rule["code"] for rule in rules}
    assert "/api/scan" in client.get("/openapi.json").json()["paths"]


def test_uploads_are_limited_in_size_and_type(client: TestClient) -> None:
    big = client.post("/map", files={"file": ("big.txt", b"word " * 20_000, "text/plain")})
    assert big.status_code == 413
    huge = client.post("/api/scan", json={"text": "word " * 20_000})
    assert huge.status_code == 413
    binary = client.post(
        "/map", files={"file": ("tool.exe", b"MZ\x00\x01", "application/x-msdownload")}
    )
    assert binary.status_code == 415
    odt = client.post("/api/scan/file", files={"file": ("a.odt", b"PK\x03\x04", "application/zip")})
    assert odt.status_code == 415
    broken = client.post(
        "/api/scan/file", files={"file": ("a.pdf", b"%PDF-1.4", "application/pdf")}
    )
    assert broken.status_code == 400 and "SL904" in broken.json()["detail"]
    empty = client.post("/map", data={"text": "  "})
    assert empty.status_code == 400 and "SL903" in empty.text


def test_a_file_name_is_a_label_never_a_path(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The launch code is 0000.\n")
    response = client.post(
        "/api/scan/file", files={"file": (str(secret), b"Exports fell 12%.\n", "text/plain")}
    )
    document = response.json()["documents"][0]
    assert document["path"] == "secret.txt"
    assert "launch code" not in response.text


def test_hostile_text_stays_text_in_the_map(client: TestClient) -> None:
    page = client.post("/map", data={"text": HOSTILE, "format": "md"}).text
    assert "<script>alert" not in page
    assert 'onerror="alert' not in page
    assert "<b>bold</b>" not in page
    assert page.count("</textarea>") == 2  # the two download forms' own
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script type="application/json" id="evidence">', "<script>"]


def test_report_command_writes_a_self_contained_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "article.md"
    source.write_text(HOSTILE + "\n" + ARTICLE)
    out = tmp_path / "report.html"
    assert main(["report", str(source), "-o", str(out)]) == 0
    page = out.read_text()
    assert "<script>alert" not in page
    assert not re.search(r"(?:src|href)=[\"']?(?:https?:)?//", page)  # no request elsewhere
    assert "Content-Security-Policy" in page
    assert main(["report", str(tmp_path / "missing.md")]) == 2
    assert "SL901" in capsys.readouterr().err


def test_requests_a_local_server_must_refuse(client: TestClient) -> None:
    def chunks() -> object:
        yield b'{"text": "Exports fell 12%."}'

    headers = {"content-type": "application/json"}
    assert client.post("/api/scan", content=chunks(), headers=headers).status_code == 411
    cross = client.post("/map", data={"text": ARTICLE}, headers={"origin": "https://evil.example"})
    assert cross.status_code == 403
    same = client.post("/map", data={"text": ARTICLE}, headers={"origin": "http://testserver"})
    assert same.status_code == 200


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("feed.html", b"<p>x</p><script></script>\x0c after a form feed"),
        ("odd.html", b"<meta charset=undefined><p>hi</p>"),
        ("puny.html", b"<meta charset=punycode><p>hi-zzzz</p>"),
    ],
)
def test_awkward_html_is_read_not_a_server_error(
    client: TestClient, name: str, data: bytes
) -> None:
    assert client.post("/map", files={"file": (name, data, "text/html")}).status_code == 200


def test_lone_surrogates_in_json_are_replaced(client: TestClient) -> None:
    headers = {"content-type": "application/json"}
    response = client.post("/api/scan", content=b'{"text": "a \\ud800 b."}', headers=headers)
    assert response.status_code == 200
    assert "\ufffd" in response.json()["documents"][0]["claims"][0]["text"]


def test_download_forms_keep_a_leading_newline(client: TestClient) -> None:
    page = client.post("/map", data={"text": "\nFirst line.\nSecond."}).text
    raw = re.search(r'<textarea name="text" hidden>(.*?)</textarea>', page, re.S)
    assert raw is not None and raw.group(1).startswith("\n\nFirst")  # HTML drops the first


def test_pdf_and_word_uploads_are_read(client: TestClient) -> None:
    from tests.readers.docx_maker import WordMaker
    from tests.readers.pdf_maker import Line, draw

    pdf = draw([[Line("Exports fell 12% in 2024, the ministry said.", 72, 700)]])
    response = client.post("/api/scan/file", files={"file": ("r.pdf", pdf, "application/pdf")})
    assert response.status_code == 200
    (document,) = response.json()["documents"]
    assert document["format"] == "pdf"
    assert document["quantities"][0]["text"] == "12%"
    maker = WordMaker()
    maker.paragraph("Exports fell 12% in 2024, the ministry said.")
    page = client.post("/map", files={"file": ("d.docx", maker.save(), "application/octet-stream")})
    assert page.status_code == 200
    assert "12%" in page.text
    assert 'action="/download/json"' not in page.text  # no bytes to post back


def test_the_form_never_fetches_from_this_computer(client: TestClient) -> None:
    response = client.post("/map", data={"url": "http://127.0.0.1:9/secret"})
    assert response.status_code == 400
    assert "SL915" in response.text
    response = client.post("/map", data={"url": "file:///etc/passwd"})
    assert response.status_code == 400
