"""The web face's per-client limit, figure by figure (what the mutation run of the rate
limiter found untested, bench/mutation.md): the key of a client, the refill, the wait
it is told, the bound on clients remembered, and whose X-Forwarded-For is believed."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from multidict import CIMultiDict, CIMultiDictProxy

from web import ratelimit
from web.ratelimit import RateLimit, client_address, client_key


def test_a_client_is_its_address_its_ipv4_or_its_ipv6_64() -> None:
    assert client_key("192.0.2.7") == "192.0.2.7"
    assert client_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert client_key("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:ffff:ffff:1::1") == "2001:db8:ffff:ffff::/64"
    assert client_key("fe80::1%eth0") == "fe80::/64"  # a zone is no other client
    assert client_key("192.0.2.7%eth0") == "192.0.2.7"
    assert client_key("not an address") == "not an address"


def test_the_tries_refill_at_tries_per_window_and_the_wait_is_told_in_whole_seconds() -> None:
    limit = RateLimit(tries=2, window=10.0)  # one try back every 5 s
    assert [limit.retry_after("192.0.2.7", now=0.0) for _ in range(2)] == [0, 0]
    assert limit.retry_after("192.0.2.7", now=0.0) == 5
    assert limit.retry_after("192.0.2.7", now=2.5) == 3  # half a try back: 2.5 s to go
    assert limit.retry_after("192.0.2.7", now=5.0) == 0  # a whole one
    assert limit.retry_after("192.0.2.7", now=5.0) == 5
    assert limit.retry_after("192.0.2.8", now=5.0) == 0  # another client has its own
    assert [limit.retry_after("192.0.2.7", now=1000.0) for _ in range(3)] == [0, 0, 5]
    fast = RateLimit(tries=10, window=1.0)
    assert [fast.retry_after("192.0.2.7", now=0.0) for _ in range(11)] == [0] * 10 + [1]


def test_at_most_the_bound_of_clients_is_remembered_the_oldest_forgotten() -> None:
    limit = RateLimit(tries=1, most=2)
    assert limit.retry_after("192.0.2.1", now=0.0) == 0
    assert limit.retry_after("192.0.2.2", now=0.0) == 0
    assert len(limit) == 2
    assert limit.retry_after("192.0.2.1", now=0.0) == 60  # remembered, and now the newest
    assert limit.retry_after("192.0.2.3", now=0.0) == 0
    assert len(limit) == 2
    assert limit.retry_after("192.0.2.2", now=0.0) == 0  # the oldest was forgotten
    assert ratelimit.TRIES == 10 and ratelimit.WINDOW_SECONDS == 60.0


def _request(remote: str | None, *forwarded: str) -> Any:
    headers = CIMultiDict(("X-Forwarded-For", line) for line in forwarded)
    return SimpleNamespace(remote=remote, headers=CIMultiDictProxy(headers))


def test_only_a_trusted_proxys_forwarded_for_is_believed() -> None:
    proxy = frozenset({"10.0.0.1"})
    assert client_address(_request("203.0.113.5", "198.51.100.9"), frozenset()) == "203.0.113.5"
    assert client_address(_request("203.0.113.5", "198.51.100.9"), proxy) == "203.0.113.5"
    assert client_address(_request("10.0.0.1", "198.51.100.9"), proxy) == "198.51.100.9"
    assert client_address(_request("203.0.113.5", "198.51.100.9"), frozenset("*")) == (
        "198.51.100.9"
    )
    assert client_address(_request("10.0.0.1"), proxy) == "10.0.0.1"  # no header: the peer
    assert client_address(_request(None), frozenset()) == ""
    assert client_address(_request(None, "198.51.100.9"), frozenset({"", "10.0.0.1"})) == (
        "198.51.100.9"
    )


def test_the_right_most_hop_not_a_proxy_is_the_client_written_any_way() -> None:
    proxies = frozenset({"10.0.0.1", "10.0.0.2"})
    assert client_address(_request("10.0.0.1", "6.6.6.6,198.51.100.9,10.0.0.2"), proxies) == (
        "198.51.100.9"
    )
    assert client_address(_request("10.0.0.1", "6.6.6.6, 198.51.100.9 , 10.0.0.2"), proxies) == (
        "198.51.100.9"
    )
    assert client_address(_request("10.0.0.1", "198.51.100.9", "10.0.0.2,,"), proxies) == (
        "198.51.100.9"
    )
