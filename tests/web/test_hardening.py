"""The web app under odd requests (issue 19): malformed headers get a coded JSON 4xx, an
unexpected error a JSON SL999 500, and neither costs the client its connection; concurrent
scans each get their own document back."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

import sourcelint.web
from sourcelint.web import create_app

ARTICLE = "Exports fell 12% in 2024, the ministry said.[4]\n"
MALFORMED_ORIGINS = [
    "http://[::1",
    "http://[zz]",
    "http://a:99999",
    "http://testserver:port",
    "\x00",
    "http://",
    "https://",
    "testserver",
    "ftp://testserver",
    "http://testserver/path",
    "http://user@testserver",
    "http://test\x7fserver",
]


@pytest.fixture(scope="module")
def client() -> TestClient:
    # TestClient re-raises any exception that reaches the server: a test passing through it
    # shows the app answered by itself
    return TestClient(create_app(max_bytes=50_000))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, int]]:
    """The app under uvicorn in a thread of this process, on a loopback port."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="critical")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(200):
        if running.started:
            break
        time.sleep(0.05)
    assert running.started
    yield "127.0.0.1", port
    running.should_exit = True
    thread.join(timeout=5)


def _refused(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json()["detail"].startswith(f"{code} ")
    assert "default-src 'none'" in response.headers["content-security-policy"]


@pytest.mark.parametrize("origin", MALFORMED_ORIGINS)
def test_a_malformed_origin_is_refused_as_cross_site(client: TestClient, origin: str) -> None:
    response = client.post("/api/scan", json={"text": ARTICLE}, headers={"origin": origin})
    _refused(response, 403, "SL900")


def test_origins_that_are_not_ascii_are_refused(client: TestClient) -> None:
    for origin in (b"http://t\xebst", b"\xff\xfe", "http://tëst".encode()):
        response = client.post("/map", data={"text": ARTICLE}, headers={"origin": origin})
        _refused(response, 403, "SL900")


def test_this_servers_own_origin_is_served(client: TestClient) -> None:
    for origin in ("http://testserver", "HTTP://TestServer", "null"):
        response = client.post("/api/scan", json={"text": ARTICLE}, headers={"origin": origin})
        assert response.status_code == 200, origin
    cross = client.post("/api/scan", json={"text": ARTICLE}, headers={"origin": "http://evil"})
    _refused(cross, 403, "SL900")
    assert cross.json()["detail"] == "SL900 cross-site request refused"


def test_a_malformed_content_length_is_a_client_error(client: TestClient) -> None:
    body = json.dumps({"text": ARTICLE}).encode()
    for declared, status, code in [
        (b"\xb2", 400, "SL900"),  # '²' in Latin-1: str.isdigit says yes, int() says no
        (b"12x", 400, "SL900"),
        (b"9" * 5000, 413, "SL907"),  # more digits than int() reads
    ]:
        headers = {"content-type": "application/json", "content-length": declared}
        response = client.post("/api/scan", content=body, headers=headers)
        _refused(response, status, code)
    missing = client.post("/api/scan", content=iter([body]), headers={"content-type": "text/json"})
    _refused(missing, 411, "SL900")


def _fail(*args: object, **kwargs: object) -> object:
    raise RuntimeError("a bug")


def test_an_unexpected_error_is_a_json_sl999(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sourcelint.web, "analyze", _fail)
    responses = [
        client.post("/api/scan", json={"text": ARTICLE}),
        client.post("/api/scan/file", files={"file": ("a.txt", ARTICLE.encode(), "text/plain")}),
        client.post("/map", data={"text": ARTICLE}),
        client.post("/download/json", data={"text": ARTICLE}),
    ]
    for response in responses:
        assert response.status_code == 500
        assert response.json() == {"detail": "SL999 internal error (RuntimeError)"}
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "a bug" not in response.text


def test_errors_keep_the_connection_open(
    server: tuple[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    host, port = server
    connection = http.client.HTTPConnection(host, port, timeout=30)
    body = json.dumps({"text": ARTICLE})
    json_headers = {"content-type": "application/json"}

    def post(headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
        connection.request("POST", "/api/scan", body=body, headers={**json_headers, **headers})
        response = connection.getresponse()
        payload: dict[str, Any] = json.loads(response.read())
        assert response.getheader("connection") != "close"
        return response.status, payload

    status, payload = post({"origin": "http://[::1"})
    opened = connection.sock
    assert opened is not None
    assert status == 403 and payload["detail"].startswith("SL900")
    with monkeypatch.context() as patch:
        patch.setattr(sourcelint.web, "analyze", _fail)
        status, payload = post({})
    assert status == 500 and payload == {"detail": "SL999 internal error (RuntimeError)"}
    status, payload = post({"origin": f"http://{host}:{port}"})
    assert status == 200 and payload["documents"][0]["quantities"]
    assert connection.sock is opened  # the same connection throughout
    connection.close()


def test_concurrent_scans_each_get_their_own_document(server: tuple[str, int]) -> None:
    host, port = server
    texts = {
        f"doc{n}.txt": f"Exports fell {n}% in 20{10 + n}, the ministry said.[{n}]\n"
        for n in range(1, 5)
    }

    def scan(name: str) -> dict[str, Any]:
        body = {"text": texts[name], "path": name}
        response = httpx.post(f"http://{host}:{port}/api/scan", json=body, timeout=60)
        assert response.status_code == 200
        document: dict[str, Any] = response.json()["documents"][0]
        return document

    with ThreadPoolExecutor(max_workers=4) as pool:
        documents = dict(zip(texts, pool.map(scan, texts), strict=True))
    for name, document in documents.items():
        number = name[3]
        assert document["path"] == name
        texts_found = [quantity["text"] for quantity in document["quantities"]]
        assert f"{number}%" in texts_found, texts_found
