"""Lookup codes and the signed payload in a ticket's QR code.

A code is six characters from an alphabet without look-alikes (no 0/O/1/I/L), shown
as "K7QM-2D". The QR carries the code and a truncated HMAC over the meeting and the
code, in upper-case base32, so the payload stays in QR alphanumeric mode (version 1).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from shared.i18n import UserError

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
SIGNATURE_LENGTH = 10  # base32 characters: 50 bits
_PAYLOAD = re.compile(r"([A-Z0-9]{6})-([A-Z2-7]{10})")


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_secret() -> str:
    return secrets.token_hex(32)


def show_code(code: str) -> str:
    """The form printed and read aloud: "K7QM2D" -> "K7QM-2D"."""
    return f"{code[:4]}-{code[4:]}"


def normalize_code(text: str) -> str:
    """Accept what a person types: lower case, spaces and the dash."""
    raw = re.sub(r"[\s\-]", "", text).upper()
    if len(raw) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in raw):
        raise UserError("Not a lookup code: {code}.", code=text)
    return raw


def _signature(secret: str, meeting_uid: str, code: str) -> str:
    digest = hmac.new(bytes.fromhex(secret), f"{meeting_uid}:{code}".encode(), hashlib.sha256)
    return base64.b32encode(digest.digest()).decode()[:SIGNATURE_LENGTH]


def sign(secret: str, meeting_uid: str, code: str, public_url: str = "") -> str:
    """The QR payload; with a public URL, a link a citizen's phone can open, in upper case:
    the QR stays in alphanumeric mode, and a barcode scanner types only upper-case
    characters, which the console sends to its scan field rather than to its keys."""
    token = f"{code}-{_signature(secret, meeting_uid, code)}"
    return f"{public_url.rstrip('/')}/T/{token}".upper() if public_url else token


def parse(payload: str) -> tuple[str, str]:
    """Split a payload (bare or inside a URL) into code and signature."""
    token = payload.strip().rstrip("/").rsplit("/", 1)[-1]
    # Only ASCII is upper-cased: str.upper() makes "S" of "ſ" and "I" of "ı", aliases.
    found = _PAYLOAD.fullmatch(token.upper()) if token.isascii() else None
    if not found:
        raise UserError("This QR code is not a hallkit ticket.")
    return found.group(1), found.group(2)


def signature_matches(secret: str, meeting_uid: str, code: str, signature: str) -> bool:
    """Whether `signature` is this installation's for the meeting and code, compared in
    constant time: the web face checks every token this way, genuine or not."""
    return hmac.compare_digest(signature.encode(), _signature(secret, meeting_uid, code).encode())


def verify(secret: str, meeting_uid: str, payload: str) -> str:
    """Return the code of a genuine payload for this meeting; refuse anything else."""
    code, signature = parse(payload)
    if not hmac.compare_digest(signature, _signature(secret, meeting_uid, code)):
        raise UserError("INVALID ticket: the signature does not match (forged or altered).")
    return code
