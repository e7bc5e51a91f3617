"""Before the meeting: the gathered opinions (questions whose source is `pre_collected`)."""

from __future__ import annotations

from dataclasses import dataclass

from shared.i18n import N_, UserError
from shared.text import fold


@dataclass(frozen=True)
class Urgency:
    """How pressing an opinion is (mức độ cấp thiết)."""

    key: str
    label: str
    rank: int
    words: tuple[str, ...]
    """Folded words a file may use for it."""


URGENCIES: tuple[Urgency, ...] = (
    Urgency(
        "high",
        N_("urgent"),
        0,
        ("high", "cao", "khan", "khan cap", "cap thiet", "rat cap thiet", "gap"),
    ),
    Urgency("normal", N_("normal"), 1, ("normal", "trung binh", "binh thuong", "vua")),
    Urgency("low", N_("not urgent"), 2, ("low", "thap", "khong cap thiet", "khong gap")),
)
URGENCY = {u.key: u for u in URGENCIES}


def parse_urgency(text: str) -> str:
    """ "high", "Cấp thiết", "cao" -> "high"; empty -> "normal"."""
    folded = fold(text or "")
    if not folded:
        return "normal"
    for urgency in URGENCIES:
        if folded == urgency.key or folded in urgency.words:
            return urgency.key
    raise UserError("Unknown urgency: {urgency}. Use high, normal or low.", urgency=text.strip())
