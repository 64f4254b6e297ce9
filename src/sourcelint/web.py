"""The local web app (`sourcelint serve`): paste or upload a document, get its evidence map;
download the JSON contract or SARIF; a REST API (`POST /api/scan`, `GET /api/rules`) with
its OpenAPI description at /docs.

Uploads are read in memory, never written or opened by path: the file name is only a label.
Bodies over the size limit get 413, files that are not .txt/.md/.html/.pdf/.docx get 415, a
web address in the form is fetched as `sourcelint scan URL` fetches it (fetch.py), never from
this computer or its network (no --allow-private here), and a POST
whose Origin header names another site, or is no origin at all, gets 403. Refusals and
unexpected errors (500, SL999) are JSON with a coded `detail`; the app answers an error
itself, so the server keeps the connection. Scans run in the server's thread pool: small ones
are served while a large one is analysed (benchmarks/load.py). Every response carries a
Content-Security-Policy, and pages show document text only through autoescaping templates
(output/html.py). The spaCy pipeline and the check-worthiness model are loaded once per
process, at start-up.
"""

from __future__ import annotations

import json
import logging
from pathlib import PurePath
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from sourcelint._version import __version__
from sourcelint.api import analyze
from sourcelint.document import Document
from sourcelint.errors import SourcelintError
from sourcelint.fetch import is_url, read_url
from sourcelint.model import contract
from sourcelint.output.html import render_html, script_and_policy, template
from sourcelint.output.sarif import render_sarif
from sourcelint.readers import BINARY_FORMATS, read_bytes, read_text_as
from sourcelint.rules.registry import RULES

_log = logging.getLogger("sourcelint.web")
MAX_BYTES = 2 * 1024 * 1024
SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html"}
SUFFIXES.update({".htm": "html", ".pdf": "pdf", ".docx": "docx"})
_FORM_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# /docs (Swagger UI) loads its script from a CDN: its own, looser policy (it shows no
# document text).
_DOCS_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: "
    "https://fastapi.tiangolo.com; connect-src 'self'; frame-ancestors 'none'"
)


class ScanRequest(BaseModel):
    """A document to scan, given as text."""

    text: str = Field(description="the document's text")
    format: str = Field(default="txt", pattern="^(txt|md|html)$")
    path: str = Field(default="pasted.txt", max_length=200, description="a label, never opened")


def _clean(text: str) -> str:
    """Text with lone surrogates (which JSON allows and UTF-8 cannot hold) replaced."""
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _label(name: str | None, fallback: str) -> str:
    """A file name reduced to a safe label: its last component, printable, short."""
    base = PurePath((name or "").replace("\\", "/")).name or fallback
    cleaned = "".join(char for char in base if char.isprintable())[:120]
    return cleaned or fallback


def _index(error: str | None = None, text: str = "") -> str:
    limit = f"{MAX_BYTES // (1024 * 1024)} MB"
    return template("index.html.j2").render(error=error, text=text, limit=limit)


def _document_from(
    text: str,
    format: str,
    file: UploadFile | None,
    data: bytes | None,
    url: str = "",
    max_bytes: int = MAX_BYTES,
) -> Document:
    if file is not None and file.filename and data:
        suffix = PurePath(file.filename).suffix.lower()
        if suffix not in SUFFIXES:
            raise HTTPException(
                415,
                f"SL904 only .txt, .md, .html, .pdf and .docx files are read, not {suffix!r}",
            )
        return read_bytes(data, path=_label(file.filename, "upload.txt"), format=SUFFIXES[suffix])
    if url.strip():
        if not is_url(url.strip()):
            raise HTTPException(400, "SL900 a web address starts with http:// or https://")
        try:
            return read_url(url.strip(), allow_private=False, max_bytes=max_bytes)
        except SourcelintError as error:
            raise HTTPException(400 if error.code != "SL907" else 413, str(error)) from None
    if format not in ("txt", "md", "html"):
        raise HTTPException(415, "SL900 format must be txt, md or html")
    if not text.strip():
        raise HTTPException(
            400, "SL903 nothing to scan: paste a text, choose a file or give a web address"
        )
    return read_text_as(_clean(text).replace("\r\n", "\n"), path=f"pasted.{format}", format=format)


def _error(status: int, detail: str) -> JSONResponse:
    """An error answer as the API gives it: JSON with a coded `detail`."""
    return JSONResponse({"detail": detail}, status_code=status)


def _internal_error(error: Exception) -> JSONResponse:
    return _error(500, f"SL999 internal error ({type(error).__name__})")


def _declared_length(value: str) -> int | None:
    """A Content-Length header's value, or None when it is not a plain decimal number (such
    as '²', which `str.isdigit` accepts and `int` refuses)."""
    value = value.strip(" \t")
    if not value or not value.isascii() or not value.isdigit():
        return None
    digits = value.lstrip("0") or "0"
    return int(digits) if len(digits) <= 18 else 10**18  # int() refuses 4,300+ digits


def _foreign_origin(origin: str, host: str) -> str | None:
    """Why a POST's Origin header is refused (an SL900 detail), or None when it names this
    server: an http(s) origin whose host and port are the request's Host. A value that
    cannot be parsed as an origin (an unclosed IPv6 bracket, a port that is no port, a
    path, control characters) is refused as a foreign one."""
    if origin == "null":
        # what browsers send for a form on a page served with Referrer-Policy: no-referrer
        return None
    try:
        parts = urlsplit(origin)
        _ = parts.port  # ValueError for a port that is not a number in 0-65535
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username is not None
        or not origin.isprintable()
    ):
        return "SL900 cross-site request refused: the Origin header is not an origin"
    if parts.netloc.lower() != host.strip().lower():
        return "SL900 cross-site request refused"
    return None


def _refusal(request: Request, max_bytes: int) -> Response | None:
    """The answer to a request refused before it is read, or None to serve it."""
    declared = request.headers.get("content-length")
    if request.method == "POST" and declared is None:
        # a body without a declared length could be any size: browsers always declare it
        return _error(411, "SL900 a request body needs Content-Length")
    if declared is not None:
        length = _declared_length(declared)
        if length is None:
            return _error(400, "SL900 invalid Content-Length header")
        if length > max_bytes + 65536:
            return _error(413, f"SL907 request larger than {max_bytes} bytes")
    origin = request.headers.get("origin")
    if request.method == "POST" and origin is not None:
        # another site's page posting to this local server: refused
        reason = _foreign_origin(origin, request.headers.get("host", ""))
        if reason is not None:
            return _error(403, reason)
    return None


def create_app(*, max_bytes: int = MAX_BYTES) -> FastAPI:
    """The application; `max_bytes` caps request bodies."""
    app = FastAPI(
        title="sourcelint",
        version=__version__,
        description="What a text rests on: quotations, statistics, citations and claims.",
    )
    _, report_policy = script_and_policy()

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next: Any) -> Response:
        response: Response
        try:
            refusal = _refusal(request, max_bytes)
            response = refusal if refusal is not None else await call_next(request)
        except Exception as error:
            # Answered here: Starlette's own last-resort handler (the exception handler
            # below) re-raises to the server after answering, and uvicorn then drops the
            # connection. The traceback goes to the server's log only.
            _log.error("%s %s failed", request.method, request.url.path, exc_info=error)
            response = _internal_error(error)
        if request.url.path in ("/docs", "/redoc"):
            response.headers["Content-Security-Policy"] = _DOCS_POLICY
        elif "Content-Security-Policy" not in response.headers:
            response.headers["Content-Security-Policy"] = _FORM_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def read_upload(file: UploadFile | None) -> bytes | None:
        if file is None or not file.filename:
            return None
        data = file.file.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise HTTPException(413, f"SL907 file larger than {max_bytes} bytes")
        return data

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        return HTMLResponse(_index())

    @app.post("/map", response_class=HTMLResponse, include_in_schema=False)
    def evidence_map(
        text: Annotated[str, Form()] = "",
        format: Annotated[str, Form()] = "txt",
        file: Annotated[UploadFile | None, File()] = None,
        url: Annotated[str, Form(max_length=2048)] = "",
    ) -> HTMLResponse:
        data = read_upload(file)
        try:
            document = _document_from(text, format, file, data, url, max_bytes)
        except HTTPException as error:
            return HTMLResponse(_index(str(error.detail), text), status_code=error.status_code)
        analysis = analyze(document)
        # the download buttons post the text back: a PDF or Word file's bytes are not kept
        download = None if document.format in BINARY_FORMATS else (document.source, document.format)
        page = render_html(document, analysis, download=download)
        return HTMLResponse(page, headers={"Content-Security-Policy": report_policy})

    @app.post("/api/scan")
    def scan(request: ScanRequest) -> JSONResponse:
        """Scan a text and return the JSON contract (README, "JSON contract")."""
        if len(request.text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise HTTPException(413, f"SL907 text larger than {max_bytes} bytes")
        document = read_text_as(
            _clean(request.text),
            path=_label(_clean(request.path), "pasted.txt"),
            format=request.format,
        )
        return JSONResponse(contract([analyze(document)]))

    @app.post("/api/scan/file")
    def scan_file(file: Annotated[UploadFile, File()]) -> JSONResponse:
        """Scan an uploaded .txt, .md, .html, .pdf or .docx file and return the JSON
        contract."""
        data = read_upload(file)
        document = _document_from("", "txt", file, data)
        return JSONResponse(contract([analyze(document)]))

    @app.post("/download/{kind}", include_in_schema=False)
    def download(
        kind: str,
        text: Annotated[str, Form()] = "",
        format: Annotated[str, Form()] = "txt",
        file: Annotated[UploadFile | None, File()] = None,
    ) -> Response:
        if kind not in ("json", "sarif"):
            raise HTTPException(404, "SL900 downloads are json or sarif")
        data = read_upload(file)
        document = _document_from(text, format, file, data)
        analysis = analyze(document)
        body = (
            json.dumps(contract([analysis]), ensure_ascii=False, indent=2)
            if kind == "json"
            else render_sarif([analysis])
        )
        name = f"sourcelint.{'json' if kind == 'json' else 'sarif'}"
        return Response(
            body,
            media_type="application/json",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get("/api/rules")
    def rules() -> list[dict[str, str]]:
        """Every rule: code, name, severity and summary."""
        return [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary}
            for r in RULES
        ]

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> JSONResponse:
        # the default handler echoes the input back, which fails on a lone surrogate
        fields = [".".join(str(part) for part in item.get("loc", ())) for item in error.errors()]
        return JSONResponse({"detail": f"SL900 invalid request: {', '.join(fields)}"}, 422)

    @app.exception_handler(Exception)
    async def internal(request: Request, error: Exception) -> JSONResponse:
        # the last resort, for an error the middleware above cannot catch
        response = _internal_error(error)
        response.headers["Content-Security-Policy"] = _FORM_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.exception_handler(SourcelintError)
    async def sourcelint_error(request: Request, error: SourcelintError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=400)

    return app


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    """Load the model once, then serve the app until interrupted."""
    import uvicorn

    analyze(read_text_as("Warm-up.", path="warm-up.txt", format="txt"))
    uvicorn.run(create_app(), host=host, port=port, log_level="info")
