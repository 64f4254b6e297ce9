"""Fetching a web address safely: only when the user gave one, and never to this network.

- The host is resolved and every address it has is checked: a private, loopback,
  link-local, multicast, reserved or unspecified address is refused (SL915) unless
  `allow_private` is set, and the connection goes to the address that was checked (the
  request names the host in its Host header and TLS server name), so a second DNS answer
  cannot point it elsewhere.
- Redirects are followed by hand, at most MAX_REDIRECTS, each new address checked again.
- Connect and read timeouts; the body is streamed and refused past `max_bytes` (SL907).
- Only HTML, XHTML, PDF and plain text are read (SL915 for any other Content-Type); a
  charset the Content-Type names decodes the text.
- Proxy settings from the environment are not used: a proxy would connect on our behalf to
  an address we did not check.
"""

from __future__ import annotations

import codecs
import email.utils
import ipaddress
import re
import socket
from dataclasses import dataclass
from typing import Any

from sourcelint._version import __version__
from sourcelint.document import Document
from sourcelint.errors import SourcelintError

MAX_REDIRECTS = 5
MAX_BYTES = 50 * 1024 * 1024
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "text/plain": "txt",
}


@dataclass(frozen=True)
class Fetched:
    """A fetched document: its bytes, the format its Content-Type names, the address it
    came from after redirects, and its Last-Modified day (ISO) when the server sent one."""

    url: str
    final_url: str
    data: bytes
    format: str
    last_modified: str | None
    charset: str | None = None


def is_url(text: str) -> bool:
    """Whether a command-line argument is a web address rather than a path."""
    return text[:8].lower().startswith(("http://", "https://"))


def _refused(url: str, why: str) -> SourcelintError:
    return SourcelintError("SL915", f"cannot fetch {url}: {why}")


def _checked_address(url: Any, allow_private: bool, given: str) -> str:
    """The IP address to connect to for `url` (an httpx.URL), after checking every address
    its host resolves to."""
    host = url.host
    if not host:
        raise _refused(given, "the address names no host")
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise _refused(given, f"cannot resolve {host}: {error}") from None
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        mapped = getattr(address, "ipv4_mapped", None)
        if mapped is not None:
            address = mapped
        if not allow_private and not address.is_global:
            raise _refused(
                given,
                f"{host} is a private, loopback or link-local address ({address}); "
                "pass --allow-private to fetch from this network",
            )
        if address.is_multicast or address.is_unspecified:
            raise _refused(given, f"{host} is not a host address ({address})")
        addresses.append(str(address))
    if not addresses:
        raise _refused(given, f"cannot resolve {host}")
    return addresses[0]


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed is not None else None


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = MAX_BYTES,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
) -> Fetched:
    """Fetch a web page or PDF. Raises SourcelintError: SL915 when the address is refused or
    the fetch fails (DNS, timeout, HTTP error status, too many redirects, another content
    type), SL907 when the body is over `max_bytes`."""
    import httpx

    timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
    headers = {
        "User-Agent": f"sourcelint/{__version__}",
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8",
    }
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            try:
                parsed = httpx.URL(current)
            except (httpx.InvalidURL, ValueError, TypeError) as error:
                raise _refused(url, f"not a valid address ({error})") from None
            if parsed.scheme not in ("http", "https"):
                raise _refused(url, f"only http and https are fetched, not {parsed.scheme}")
            address = _checked_address(parsed, allow_private, url)
            pinned = parsed.copy_with(host=address)
            host_header = parsed.netloc.decode("ascii").rsplit("@", 1)[-1]
            request = client.build_request(
                "GET",
                pinned,
                headers={**headers, "Host": host_header},
                extensions={"sni_hostname": parsed.host},
            )
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException:
                raise _refused(url, "timed out") from None
            except httpx.HTTPError as error:
                raise _refused(url, f"{type(error).__name__}: {error}") from None
            try:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        raise _refused(url, f"HTTP {response.status_code} without a Location")
                    current = str(parsed.join(location))
                    continue
                if response.status_code >= 400:
                    raise _refused(url, f"HTTP {response.status_code} {response.reason_phrase}")
                content_type = response.headers.get("content-type", "")
                kind = content_type.split(";", 1)[0].strip().lower()
                format = CONTENT_TYPES.get(kind)
                if format is None:
                    raise _refused(
                        url, f"content type {kind or 'none'!r} is not HTML, PDF or plain text"
                    )
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise _too_large(url, max_bytes)
                chunks: list[bytes] = []
                size = 0
                try:
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise _too_large(url, max_bytes)
                        chunks.append(chunk)
                except httpx.TimeoutException:
                    raise _refused(url, "timed out while reading") from None
                except httpx.HTTPError as error:
                    raise _refused(url, f"{type(error).__name__}: {error}") from None
                return Fetched(
                    url=url,
                    final_url=current,
                    data=b"".join(chunks),
                    format=format,
                    last_modified=_date(response.headers.get("last-modified")),
                    charset=_charset(content_type),
                )
            finally:
                response.close()
    raise _refused(url, f"more than {MAX_REDIRECTS} redirects")


def _charset(content_type: str) -> str | None:
    """The text encoding a Content-Type header names, if it names a known one."""
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    if not match:
        return None
    try:
        info = codecs.lookup(match.group(1))
    except LookupError:
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _too_large(url: str, max_bytes: int) -> SourcelintError:
    return SourcelintError("SL907", f"{url} is over the limit of {max_bytes:,} bytes")


def read_url(url: str, *, allow_private: bool = False, max_bytes: int = MAX_BYTES) -> Document:
    """Fetch a web address and read it as a Document, through the reader its Content-Type
    names; the Last-Modified header dates a document that names no date of its own."""
    from dataclasses import replace

    from sourcelint.readers import read_bytes, read_text_as
    from sourcelint.readers.decoding import looks_binary, normalize_newlines

    fetched = fetch(url, allow_private=allow_private, max_bytes=max_bytes)
    charset = fetched.charset
    if (
        fetched.format in ("html", "txt")
        and charset is not None
        and charset != "utf-8"
        and not charset.startswith(("utf-16", "utf-32"))
        and not looks_binary(fetched.data)
    ):
        # the header's charset outranks the page's own <meta>, as in a browser
        text = normalize_newlines(fetched.data.decode(charset, errors="replace"))
        document = read_text_as(text, path=url, format=fetched.format)
    else:
        document = read_bytes(fetched.data, path=url, format=fetched.format)
    if document.date is None and fetched.last_modified is not None:
        document = replace(document, date=fetched.last_modified, date_source="http:last-modified")
    return document
