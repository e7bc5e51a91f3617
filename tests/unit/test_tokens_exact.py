"""What the mutation run of shared/tokens.py found untested (bench/mutation.md): the exact
refusals people read, the secret's size, and payloads as scanners and phones send them."""

from __future__ import annotations

import re

import pytest

from shared import tokens
from shared.i18n import UserError

SECRET = "ab" * 32
SIGNATURE = tokens.sign(SECRET, "meeting-a", "K7QM2D").split("-")[1]


def _refusal(call: object, *args: str) -> str:
    with pytest.raises(UserError) as refused:
        call(*args)  # type: ignore[operator]
    return refused.value.message("en")


def test_a_new_secret_is_32_random_bytes_in_hex() -> None:
    made = {tokens.new_secret() for _ in range(20)}
    assert len(made) == 20
    assert all(re.fullmatch(r"[0-9a-f]{64}", secret) for secret in made)


def test_the_refusals_name_what_was_given() -> None:
    assert _refusal(tokens.normalize_code, "k7q-0") == "Not a lookup code: k7q-0."
    assert _refusal(tokens.normalize_code, "K7QM2D7") == "Not a lookup code: K7QM2D7."
    assert _refusal(tokens.parse, "K7QM2D") == "This QR code is not a hallkit ticket."
    assert _refusal(tokens.verify, SECRET, "meeting-b", f"K7QM2D-{SIGNATURE}") == (
        "INVALID ticket: the signature does not match (forged or altered)."
    )


def test_a_payload_is_read_however_it_arrives() -> None:
    bare = f"K7QM2D-{SIGNATURE}"
    for sent in (
        bare,
        f"  {bare}\n",
        bare.lower(),
        f"https://xa.example.vn/T/{bare}",
        f"HTTPS://XA.EXAMPLE.VN/T/{bare}/",
        f" https://xa.example.vn/T/{bare}// ",
    ):
        assert tokens.parse(sent) == ("K7QM2D", SIGNATURE), sent
        assert tokens.verify(SECRET, "meeting-a", sent) == "K7QM2D"


def test_a_link_is_the_public_address_in_capitals_with_one_slash_before_t() -> None:
    for url in ("https://xa.example.vn", "https://xa.example.vn/", "https://xa.example.vn//"):
        assert tokens.sign(SECRET, "meeting-a", "K7QM2D", url) == (
            f"HTTPS://XA.EXAMPLE.VN/T/K7QM2D-{SIGNATURE}"
        )


def test_a_public_address_ending_in_x_keeps_its_last_letter() -> None:
    assert tokens.sign(SECRET, "meeting-a", "K7QM2D", "https://xa.example.vn/HX/") == (
        f"HTTPS://XA.EXAMPLE.VN/HX/T/K7QM2D-{SIGNATURE}"
    )
