"""Fetching a web address safely: only when the user gave one, and never to this network.

- The host is resolved and every address it has is checked: a private, loopback,
  link-local, multicast, reserved or unspecified address is refused (SL915) unless
  `allow_private` is set, and the connection goes to the address that was checked (the
  request names the host in its Host header and TLS server name), so a second DNS answer
  cannot point it elsewhere.
- Redirects are followed by hand, at most MAX_REDIRECTS, each new address checked again.
- Connect and read timeouts, and a deadline for the whole fetch (TOTAL_TIMEOUT, checked
  between reads), so a server that sends a byte at a time cannot hold a worker.
- The body is streamed as it came over the wire and refused past `max_bytes` (SL907); it is
  decompressed here (one layer of gzip or deflate, no other encoding), never past
  `max_bytes` either, so a compressed bomb costs at most twice the limit.
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
import time
import zlib
from dataclasses import dataclass
from typing import Any

from sourcelint._version import __version__
from sourcelint.document import Document
from sourcelint.errors import SourcelintError

MAX_REDIRECTS = 5
MAX_BYTES = 50 * 1024 * 1024
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
TOTAL_TIMEOUT = 60.0
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


def shown_url(url: str) -> str:
    """The address as messages show it: without a user name or password in it."""
    return re.sub(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@", r"\1", url)


def _refused(url: str, why: str) -> SourcelintError:
    return SourcelintError("SL915", f"cannot fetch {shown_url(url)}: {why}")


# IPv6 forms that carry an IPv4 address a router may translate to: NAT64 (64:ff9b::/96),
# IPv4-compatible (::/96), 6to4 (2002::/16) and Teredo (2001::/32).
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries, in any form a network may route."""
    found: list[ipaddress.IPv4Address] = []
    if address in _NAT64 or address in _IPV4_COMPATIBLE:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)
    return found


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
        address: ipaddress.IPv4Address | ipaddress.IPv6Address
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped  # connect to it as IPv4
        carried = _embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else []
        for checked in [address, *carried]:
            if not allow_private and not checked.is_global:
                raise _refused(
                    given,
                    f"{host} is a private, loopback or link-local address ({checked}); "
                    "pass --allow-private to fetch from this network",
                )
            if checked.is_multicast or checked.is_unspecified:
                raise _refused(given, f"{host} is not a host address ({checked})")
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
    total_timeout: float = TOTAL_TIMEOUT,
) -> Fetched:
    """Fetch a web page or PDF. Raises SourcelintError: SL915 when the address is refused or
    the fetch fails (DNS, timeout, HTTP error status, too many redirects, another content
    type, a body encoded other than by one layer of gzip or deflate, over `total_timeout`),
    SL907 when the body, as sent or decompressed, is over `max_bytes`."""
    import httpx

    deadline = time.monotonic() + total_timeout
    timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
    headers = {
        "User-Agent": f"sourcelint/{__version__}",
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8",
        "Accept-Encoding": "gzip, deflate",
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
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _refused(url, f"took longer than {total_timeout:g} s")
            request = client.build_request(
                "GET",
                pinned,
                headers={**headers, "Host": host_header},
                extensions={"sni_hostname": parsed.host},
                timeout=httpx.Timeout(
                    min(read_timeout, remaining), connect=min(connect_timeout, remaining)
                ),
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
                encoding = _content_encoding(response.headers.get("content-encoding", ""), url)
                chunks: list[bytes] = []
                size = 0
                try:
                    for chunk in response.iter_raw():
                        size += len(chunk)
                        if size > max_bytes:
                            raise _too_large(url, max_bytes)
                        if time.monotonic() > deadline:
                            raise _refused(url, f"took longer than {total_timeout:g} s")
                        chunks.append(chunk)
                except httpx.TimeoutException:
                    raise _refused(url, "timed out while reading") from None
                except httpx.HTTPError as error:
                    raise _refused(url, f"{type(error).__name__}: {error}") from None
                return Fetched(
                    url=url,
                    final_url=current,
                    data=_decoded(b"".join(chunks), encoding, url, max_bytes),
                    format=format,
                    last_modified=_date(response.headers.get("last-modified")),
                    charset=_charset(content_type),
                )
            finally:
                response.close()
    raise _refused(url, f"more than {MAX_REDIRECTS} redirects")


def _content_encoding(header: str, url: str) -> str:
    """The one content coding a body may carry here: identity, gzip or deflate (SL915 for
    any other, or for more than one layer: each layer multiplies what a small body holds)."""
    layers = [layer.strip().lower() for layer in header.split(",") if layer.strip()]
    layers = [layer for layer in layers if layer != "identity"]
    if not layers:
        return "identity"
    if len(layers) > 1 or layers[0] not in ("gzip", "x-gzip", "deflate"):
        raise _refused(url, f"content encoding {header.strip()!r} is not read")
    return layers[0]


def _decoded(body: bytes, encoding: str, url: str, max_bytes: int) -> bytes:
    """The body decompressed, never past `max_bytes` (SL907)."""
    if encoding == "identity":
        return body
    # gzip: a gzip header (16 + 15); deflate: a zlib header (15), or, from some servers, none
    for window in (31,) if encoding in ("gzip", "x-gzip") else (15, -15):
        decompressor = zlib.decompressobj(window)
        try:
            data = decompressor.decompress(body, max_bytes + 1)
        except zlib.error:
            continue
        if len(data) > max_bytes:
            raise _too_large(url, max_bytes)
        return data
    raise _refused(url, f"its {encoding} body cannot be decompressed")


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
    return SourcelintError("SL907", f"{shown_url(url)} is over the limit of {max_bytes:,} bytes")


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
