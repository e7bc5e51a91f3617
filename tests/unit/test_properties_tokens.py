"""Codes and signed tickets as properties: whatever the code, the secret and the meeting,
a signed payload verifies, and every payload one character away from it is refused."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared import tokens
from shared.i18n import UserError

CODES = st.text(alphabet=tokens.CODE_ALPHABET, min_size=6, max_size=6)
SECRETS = st.binary(min_size=32, max_size=32).map(bytes.hex)
MEETINGS = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)
# what a scanner can type into the payload: parse() upper-cases, so lower case is no change
TYPED = string.ascii_uppercase + string.digits + "-/:."
FAST = settings(max_examples=40, deadline=None)


def refused(secret: str, meeting: str, payload: str) -> bool:
    try:
        tokens.verify(secret, meeting, payload)
    except UserError:
        return True
    return False


@FAST
@given(secret=SECRETS, meeting=MEETINGS, code=CODES)
def test_a_signed_code_verifies_bare_and_inside_a_link(
    secret: str, meeting: str, code: str
) -> None:
    payload = tokens.sign(secret, meeting, code)
    assert tokens.verify(secret, meeting, payload) == code
    assert tokens.verify(secret, meeting, payload.lower()) == code  # a phone's lower case
    link = tokens.sign(secret, meeting, code, "https://xa.example.vn/")
    assert tokens.verify(secret, meeting, link) == code
    signed_code, signature = tokens.parse(link)
    assert signed_code == code
    assert tokens.signature_matches(secret, meeting, code, signature)


@FAST
@given(secret=SECRETS, meeting=MEETINGS, code=CODES)
def test_every_single_character_change_is_refused(secret: str, meeting: str, code: str) -> None:
    payload = tokens.sign(secret, meeting, code)
    changed = 0
    for index, original in enumerate(payload):
        for other in TYPED:
            if other == original:
                continue
            altered = payload[:index] + other + payload[index + 1 :]
            assert refused(secret, meeting, altered), altered
            changed += 1
    assert changed == len(payload) * (len(TYPED) - 1)
    # dropping or adding a character is a change too
    for index in range(len(payload)):
        assert refused(secret, meeting, payload[:index] + payload[index + 1 :])
    assert refused(secret, meeting, payload + "A")


@FAST
@given(secret=SECRETS, other_secret=SECRETS, meeting=MEETINGS, other=MEETINGS, code=CODES)
def test_another_meeting_or_installation_is_refused(
    secret: str, other_secret: str, meeting: str, other: str, code: str
) -> None:
    payload = tokens.sign(secret, meeting, code)
    assert refused(secret, other, payload) == (other != meeting)
    assert refused(other_secret, meeting, payload) == (other_secret != secret)
    signature = tokens.parse(payload)[1]
    assert tokens.signature_matches(secret, other, code, signature) == (other == meeting)


@FAST
@given(code=CODES, spaces=st.sampled_from(["", " ", "  "]))
def test_a_code_is_read_back_however_it_is_typed(code: str, spaces: str) -> None:
    shown = tokens.show_code(code)
    assert len(shown) == 7 and shown[4] == "-"
    assert tokens.normalize_code(f"{spaces}{shown.lower()}{spaces}") == code
    assert tokens.normalize_code(code) == code


@FAST
@given(code=CODES, index=st.integers(min_value=0, max_value=5), bad=st.sampled_from("01ILO"))
def test_a_code_with_a_look_alike_is_refused(code: str, index: int, bad: str) -> None:
    with pytest.raises(UserError):
        tokens.normalize_code(code[:index] + bad + code[index + 1 :])
