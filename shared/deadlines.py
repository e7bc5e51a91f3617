"""Deadlines: working-day arithmetic on Vietnam's holidays plus local overrides.

The `holidays` package knows the statutory holidays (the lunar ones included) but not
the days the government swaps each year (2026: Fri 02/01 off, Sat 10/01 worked), so a
table of overrides, editable by an administrator, sits on top of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import holidays

from shared.i18n import N_, UserError, tr, trn

Basis = Literal["calendar", "working"]
DAY_OFF = "off"
WORKED = "work"


@dataclass(frozen=True)
class Rule:
    """A time limit: so many calendar or working days, and where it comes from."""

    days: int
    basis: Basis
    source: str = ""

    def __str__(self) -> str:
        return f"{self.days} {self.basis}"

    @classmethod
    def parse(cls, text: str, source: str = "") -> Rule:
        """Read "30 calendar" or "10 working" (the form used in hallkit.toml)."""
        parts = text.split()
        if len(parts) != 2 or not parts[0].isdigit() or parts[1] not in ("calendar", "working"):
            raise UserError(
                'Not a time limit: {text}. Use "30 calendar" or "10 working".', text=text
            )
        basis: Basis = "calendar" if parts[1] == "calendar" else "working"
        return cls(int(parts[0]), basis, source)


BASES = {
    "manual": N_("set by the chair"),
    "extended": N_("extended"),
}


def basis_label(basis: str, lang: str) -> str:
    """A stored deadline basis ("30 calendar", "10 working", "manual") in words."""
    if basis in BASES:
        return tr(BASES[basis], lang)
    try:
        rule = Rule.parse(basis)
    except UserError:
        return basis
    if rule.basis == "working":
        return trn("{n} working day", "{n} working days", rule.days, lang)
    return trn("{n} day", "{n} days", rule.days, lang)


# The defaults of DOMAIN.md's table; each is a setting.
DEFAULT_RULES: dict[str, Rule] = {
    "pending_answer": Rule(30, "calendar", "KH đối thoại: chậm nhất không quá 30 ngày"),
    "citizen_notice": Rule(10, "working", "Quy định 11-QĐi/TW (2019)"),
    "conclusion_notice": Rule(7, "working", "KH đối thoại: thông báo kết luận"),
    "results_published": Rule(10, "calendar", "Luật TCCQĐP 2025, Điều 43"),
    "public_notice": Rule(7, "calendar", "Luật TCCQĐP 2025, Điều 43 (trước hội nghị)"),
    # counted back from the meeting's date (shared/prepare.py)
    "answers_due": Rule(5, "working", "KH đối thoại: cơ quan chuẩn bị nội dung trả lời"),
    # counted back too: citizens send opinions until then, as the public notice says
    "opinions_due": Rule(3, "working", "Thông báo tổ chức hội nghị: hạn gửi ý kiến"),
}


class WorkCalendar:
    """Monday to Friday, minus public holidays and extra days off, plus worked Saturdays."""

    def __init__(self, overrides: Mapping[dt.date, str] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._holidays = holidays.country_holidays("VN")

    def is_working_day(self, day: dt.date) -> bool:
        kind = self.overrides.get(day)
        if kind == WORKED:
            return True
        if kind == DAY_OFF:
            return False
        return day.weekday() < 5 and day not in self._holidays

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The `days`-th working day after `start` (`start` itself never counts)."""
        day, counted = start, 0
        while counted < days:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def deadline(self, start: dt.date, rule: Rule) -> dt.date:
        """Apply a rule from `start` (the meeting's date).

        A calendar-day limit that ends on a day off runs to the next working day
        (Bộ luật Dân sự 2015, Điều 148).
        """
        if rule.basis == "working":
            return self.add_working_days(start, rule.days)
        return self.next_working_day(start + dt.timedelta(days=rule.days))
