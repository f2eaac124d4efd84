"""Where the fetcher may connect: public addresses only, vetted at connect time, within a deadline.

A URL names a host; the host's addresses decide whether we connect. Every
connection the fetcher opens (first request, each redirect hop, robots.txt)
goes through :class:`GuardedBackend`, which resolves the host itself, refuses
it when any of its addresses is loopback, private, link-local, multicast,
reserved, unspecified, shared (CGNAT) or a cloud metadata address (IPv4 and
IPv6, IPv4-mapped, 6to4, Teredo and NAT64 forms unwrapped first), and then
connects to the vetted address itself. The hostname is not resolved a second
time, so a DNS answer that changes between the check and the connection
(DNS rebinding) cannot slip through; TLS still uses the original name (SNI and
certificate check) and the Host header is untouched.

Every read on a connection is bounded by the request's deadline
(:func:`deadline`), so a server that sends one byte per second cannot keep a
request alive past it, whether it trickles headers or body.
"""
from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time

import httpcore
import httpx

# Addresses cloud providers serve instance metadata (and credentials) on.
METADATA = {ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "192.0.0.192", "fd00:ec2::254")}
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class RefusedAddress(Exception):
    """The host resolves to an address the fetcher must not reach."""


def embedded_v4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address):
    """The IPv4 address an IPv6 address carries (mapped, 6to4, Teredo, NAT64), else the address."""
    if ip.version == 6:
        if ip.ipv4_mapped:
            return ip.ipv4_mapped
        if ip.sixtofour:
            return ip.sixtofour
        if ip.teredo:
            return ip.teredo[1]
        if ip in NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def refusal(address: str, allow_private: bool = False) -> str | None:
    """Why the fetcher must not connect to this IP address, or None when it may."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    a = embedded_v4(ip)
    if ip in METADATA or a in METADATA:
        return f"{address} is a cloud metadata address"
    if a.is_multicast:
        return f"{address} is a multicast address"
    if a.is_unspecified:
        return f"{address} is the unspecified address"
    local = "loopback" if a.is_loopback else "link-local" if a.is_link_local else "private" if a.is_private else None
    if local:
        return None if allow_private else f"{address} is a {local} address"
    if a.is_reserved:
        return f"{address} is a reserved address"
    if not a.is_global and not allow_private:
        return f"{address} is not a public address"
    return None


def resolve(host: str, port: int, allow_private: bool = False) -> list[str]:
    """The host's addresses, all vetted; RefusedAddress when any of them is off limits."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise httpcore.ConnectError(f"cannot resolve {host}: {e}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for a in addresses:
        why = refusal(a, allow_private)
        if why:
            raise RefusedAddress(f"refused to connect to {host}: {why} (use --allow-private for an intranet)")
    return addresses


_local = threading.local()


@contextlib.contextmanager
def deadline(at: float | None):
    """Bound every read and write of the requests made in this block by time.monotonic() ``at``."""
    before = getattr(_local, "deadline", None)
    _local.deadline = at
    try:
        yield
    finally:
        _local.deadline = before


def _bounded(timeout: float | None) -> float | None:
    at = getattr(_local, "deadline", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's total deadline passed")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the current request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream):
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _bounded(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _bounded(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        return DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, _bounded(timeout)))

    def get_extra_info(self, info: str):
        return self.inner.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """Resolve, vet, then connect to the vetted address (never resolving the name again)."""

    def __init__(self, allow_private: bool = False):
        self.allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        addresses = resolve(host, port, self.allow_private)
        last: Exception | None = None
        for address in addresses:
            try:
                stream = super().connect_tcp(address, port, _bounded(timeout), local_address, socket_options)
                return DeadlineStream(stream)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                last = e
        raise last or httpcore.ConnectError(f"no address for {host}")

    def connect_unix_socket(self, *a, **kw):  # pragma: no cover - never configured
        raise RefusedAddress("unix sockets are not fetched")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool on :class:`GuardedBackend` (no proxies from the environment)."""

    def __init__(self, allow_private: bool = False, **kw):
        super().__init__(trust_env=False, **kw)
        old = self._pool
        self._pool = httpcore.ConnectionPool(
            ssl_context=old._ssl_context,
            max_connections=old._max_connections,
            max_keepalive_connections=old._max_keepalive_connections,
            keepalive_expiry=old._keepalive_expiry,
            http1=True, http2=False,
            network_backend=GuardedBackend(allow_private),
        )
        old.close()
