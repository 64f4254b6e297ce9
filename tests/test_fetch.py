"""Fetching web addresses: a server on 127.0.0.1 in a thread, reached with allow_private."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sourcelint.cli import main
from sourcelint.errors import SourcelintError
from sourcelint.fetch import MAX_REDIRECTS, fetch, read_url
from tests.readers.pdf_maker import Line, draw

PAGE = (
    b"<!doctype html><html><head><title>Grain exports rise</title></head><body><article>"
    b"<h1>Grain exports rise</h1><p>Exports rose by 12 percent, the ministry said.[1]</p>"
    b"<h2>References</h2><ol><li>Ministry of Agriculture, Annual Figures (2024).</li></ol>"
    b"</article></body></html>"
)
PDF = draw([[Line("Exports rose by 12 percent, the ministry said.", 72, 700)]])


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/article":
            self._send(
                200, PAGE, "text/html; charset=utf-8", Last_Modified="Tue, 05 Mar 2024 10:00:00 GMT"
            )
        elif path == "/report.pdf":
            self._send(200, PDF, "application/pdf")
        elif path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/article" if left == 0 else f"/hop/{left - 1}"
            self._send(302, b"", "text/plain", Location=target)
        elif path == "/away":
            self._send(302, b"", "text/plain", Location="http://10.255.255.1/secret")
        elif path == "/latin":
            body = "<html><body><p>The café said exports rose.</p></body></html>"
            self._send(200, body.encode("latin-1"), "text/html; charset=ISO-8859-1")
        elif path == "/image":
            self._send(200, b"\x89PNG....", "image/png")
        elif path == "/gzip":
            self._send(200, gzip.compress(PAGE), "text/html", Content_Encoding="gzip")
        elif path == "/gzip-bomb":  # 20 MB of zeros in about 20 KB
            body = gzip.compress(b"0" * 20_000_000)
            self._send(200, body, "text/html", Content_Encoding="gzip")
        elif path == "/gzip-twice":
            body = gzip.compress(gzip.compress(b"0" * 1_000_000))
            self._send(200, body, "text/html", Content_Encoding="gzip, gzip")
        elif path == "/brotli":
            self._send(200, b"not really", "text/html", Content_Encoding="br")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>a</p>")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/big":
            self._send(200, b"<p>" + b"a" * 5000 + b"</p>", "text/html")
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_loopback_is_refused_without_allow_private(server: str) -> None:
    with pytest.raises(SourcelintError) as raised:
        fetch(f"{server}/article")
    assert raised.value.code == "SL915"
    assert "--allow-private" in raised.value.message


def test_a_page_is_read_as_html_and_dated_by_last_modified(server: str) -> None:
    document = read_url(f"{server}/article", allow_private=True)
    assert document.format == "html"
    assert "Exports rose by 12 percent" in document.text
    assert document.title == "Grain exports rise"
    assert (document.date, document.date_source) == ("2024-03-05", "http:last-modified")


def test_a_pdf_is_read_by_its_content_type(server: str) -> None:
    document = read_url(f"{server}/report.pdf", allow_private=True)
    assert document.format == "pdf"
    assert document.page(document.text.index("12 percent")) == 1


def test_redirects_are_followed_up_to_five(server: str) -> None:
    fetched = fetch(f"{server}/hop/{MAX_REDIRECTS - 1}", allow_private=True)
    assert fetched.final_url.endswith("/article")
    with pytest.raises(SourcelintError) as raised:
        fetch(f"{server}/hop/{MAX_REDIRECTS}", allow_private=True)
    assert raised.value.code == "SL915"
    assert "redirects" in raised.value.message


def test_a_redirect_to_a_private_address_is_refused(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sourcelint.fetch as fetch_module

    checked: list[str] = []
    real = fetch_module._checked_address

    def loopback_allowed(url: object, allow_private: bool, given: str) -> str:
        host = str(getattr(url, "host", ""))
        checked.append(host)
        return real(url, host == "127.0.0.1", given)

    monkeypatch.setattr(fetch_module, "_checked_address", loopback_allowed)
    with pytest.raises(SourcelintError) as raised:
        fetch(f"{server}/away")
    assert raised.value.code == "SL915"
    assert "10.255.255.1" in raised.value.message
    assert checked == ["127.0.0.1", "10.255.255.1"]


def test_other_content_types_errors_and_size_are_refused(server: str) -> None:
    cases = [("/image", "SL915", "image/png"), ("/missing", "SL915", "404")]
    for path, code, words in cases:
        with pytest.raises(SourcelintError) as raised:
            fetch(f"{server}{path}", allow_private=True)
        assert raised.value.code == code
        assert words in raised.value.message
    with pytest.raises(SourcelintError) as raised:
        fetch(f"{server}/big", allow_private=True, max_bytes=1000)
    assert raised.value.code == "SL907"


def test_only_http_and_https(server: str) -> None:
    with pytest.raises(SourcelintError) as raised:
        fetch("ftp://127.0.0.1/file", allow_private=True)
    assert raised.value.code == "SL915"


def test_the_command_line_scans_a_web_address(
    server: str, tmp_cwd: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["scan", f"{server}/article", "--allow-private", "--format", "json"])
    out = capsys.readouterr().out
    assert status == 0
    assert '"format": "html"' in out
    assert '"reference": "r1"' in out
    status = main(["scan", f"{server}/article", "--format", "json"])
    captured = capsys.readouterr()
    assert status == 2
    assert "SL915" in captured.err
    assert "Traceback" not in captured.err
    status = main(["report", f"{server}/report.pdf", "--allow-private", "-o", "map.html"])
    assert status == 0
    assert "12 percent" in (tmp_cwd / "map.html").read_text()


def test_the_charset_of_the_content_type_decodes_the_page(server: str) -> None:
    document = read_url(f"{server}/latin", allow_private=True)
    assert "The café said" in document.text
    assert not document.problems


def test_a_gzip_body_is_decompressed(server: str) -> None:
    assert fetch(f"{server}/gzip", allow_private=True).data == PAGE


def test_a_compressed_bomb_stops_at_the_limit(server: str) -> None:
    with pytest.raises(SourcelintError) as raised:
        fetch(f"{server}/gzip-bomb", allow_private=True, max_bytes=2_000_000)
    assert raised.value.code == "SL907"


@pytest.mark.parametrize("path", ["/gzip-twice", "/brotli"])
def test_a_body_encoded_twice_or_unknown_is_refused(server: str, path: str) -> None:
    with pytest.raises(SourcelintError) as raised:
        fetch(f"{server}{path}", allow_private=True)
    assert raised.value.code == "SL915"
    assert "content encoding" in raised.value.message


def test_a_server_that_drips_is_cut_off_at_the_deadline(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(SourcelintError) as raised:
        fetch(f"{server}/drip", allow_private=True, total_timeout=1.0)
    assert raised.value.code == "SL915"
    assert "longer than 1 s" in raised.value.message
    assert time.monotonic() - started < 3.5


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
        "2002:a9fe:a9fe::1",  # 6to4
        "::a9fe:a9fe",  # IPv4-compatible
        "::ffff:127.0.0.1",  # IPv4-mapped
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo (its client 192.0.2.45 is reserved)
    ],
)
def test_ipv6_forms_of_a_private_ipv4_address_are_refused(
    monkeypatch: pytest.MonkeyPatch, address: str
) -> None:

    def resolve(host: str, port: int, **_: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET6, socket.SOCK_STREAM, 6, "", (address, port, 0, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    with pytest.raises(SourcelintError) as raised:
        fetch("http://metadata.example/")
    assert raised.value.code == "SL915"
    assert "private, loopback or link-local" in raised.value.message


def test_a_password_in_the_address_is_not_repeated(server: str) -> None:
    with pytest.raises(SourcelintError) as raised:
        fetch(server.replace("http://", "http://reader:s3cret@") + "/article")
    assert "s3cret" not in raised.value.message
    assert "reader" not in raised.value.message
