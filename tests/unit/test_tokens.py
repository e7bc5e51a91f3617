import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared import tokens
from shared.i18n import UserError

SECRET = tokens.new_secret()
QR_ALPHANUMERIC = re.compile(r"[0-9A-Z $%*+\-./:]+")


def test_codes_use_the_unambiguous_alphabet() -> None:
    for _ in range(500):
        code = tokens.new_code()
        assert len(code) == 6
        assert not set(code) & set("0O1IL")
    assert tokens.show_code("K7QM2D") == "K7QM-2D"
    assert tokens.normalize_code(" k7qm-2d ") == "K7QM2D"


def test_payload_round_trip_and_size() -> None:
    payload = tokens.sign(SECRET, "meeting-a", "K7QM2D")
    assert tokens.verify(SECRET, "meeting-a", payload) == "K7QM2D"
    # QR alphanumeric mode, 20 characters at most: version 1 at EC level M.
    assert QR_ALPHANUMERIC.fullmatch(payload)
    assert len(payload) <= 20


def test_payload_inside_a_public_url_verifies() -> None:
    url = tokens.sign(SECRET, "meeting-a", "K7QM2D", "https://xa.example/")
    assert url.startswith("HTTPS://XA.EXAMPLE/T/K7QM2D-")
    assert tokens.verify(SECRET, "meeting-a", url) == "K7QM2D"


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.replace("K7QM2D", "K7QM2E"),
        lambda p: p[:-1] + ("A" if p[-1] != "A" else "B"),
    ],
    ids=["code", "signature"],
)
def test_altered_payload_is_refused(change: object) -> None:
    payload = tokens.sign(SECRET, "meeting-a", "K7QM2D")
    with pytest.raises(
        UserError,
        match="INVALID\\ ticket:\\ the\\ signature\\ does\\ not\\ match\\ \\(forged\\ or\\ altered\\)\\.",
    ):
        tokens.verify(SECRET, "meeting-a", change(payload))  # type: ignore[operator]


def test_other_meeting_or_other_installation_is_refused() -> None:
    payload = tokens.sign(SECRET, "meeting-a", "K7QM2D")
    with pytest.raises(
        UserError,
        match="INVALID\\ ticket:\\ the\\ signature\\ does\\ not\\ match\\ \\(forged\\ or\\ altered\\)\\.",
    ):
        tokens.verify(SECRET, "meeting-b", payload)
    with pytest.raises(
        UserError,
        match="INVALID\\ ticket:\\ the\\ signature\\ does\\ not\\ match\\ \\(forged\\ or\\ altered\\)\\.",
    ):
        tokens.verify(tokens.new_secret(), "meeting-a", payload)


@pytest.mark.parametrize(
    "junk", ["", "hello", "K7QM2D", "K7QM2D-", "K7QM2D-ABC", "ÁBCDEF-AAAAAAAAAA"]
)
def test_malformed_payload_is_refused(junk: str) -> None:
    with pytest.raises(UserError, match="This\\ QR\\ code\\ is\\ not\\ a\\ hallkit\\ ticket\\."):
        tokens.verify(SECRET, "meeting-a", junk)


@given(st.integers(min_value=0, max_value=16), st.sampled_from("ABCDEFGHJKMNPQRSTUVWXYZ234567"))
def test_any_single_character_change_is_refused(index: int, replacement: str) -> None:
    payload = tokens.sign(SECRET, "meeting-a", "K7QM2D")
    if index == 6 or payload[index] == replacement:
        return  # the dash, or no change at all
    forged = payload[:index] + replacement + payload[index + 1 :]
    with pytest.raises(UserError):
        tokens.verify(SECRET, "meeting-a", forged)
