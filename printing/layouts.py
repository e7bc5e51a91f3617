"""What goes on paper: pure functions from data to a mode "1" Pillow image.

The data classes are also what a print job stores, so a reprint draws the same paper.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field

from printing.sheet import Paper, Sheet
from shared.i18n import tr
from shared.specs import FIELDS, OUTCOMES, outcome_label
from shared.tokens import show_code

WIDTHS = (384, 512, 576)


def _date(iso: str) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


@dataclass(frozen=True)
class Ticket:
    meeting_title: str
    meeting_date: str
    meeting_place: str
    number: int
    name: str
    code: str
    payload: str
    ahead: int
    estimated: str = ""
    lang: str = "vi"
    kind: str = "commune"
    """The meeting's kind, which words the fields (a village, or an office's unit)."""
    details: tuple[tuple[str, str], ...] = ()
    """(field key, value) of the fields the spec shows on the ticket, besides the name."""


@dataclass(frozen=True)
class SlipItem:
    summary: str
    outcome: str
    body: str = ""
    deadline: str = ""
    answer: str = ""
    document: str = ""
    """A transfer's document number (for a transfer the deadline is the day the citizen
    is told, not an answer's)."""


@dataclass(frozen=True)
class Slip:
    meeting_title: str
    meeting_date: str
    number: int
    name: str
    code: str
    payload: str
    items: tuple[SlipItem, ...] = field(default_factory=tuple)
    lang: str = "vi"


def _meeting_header(sheet: Sheet, title: str, date: str, place: str, lang: str) -> None:
    sheet.space(12)
    sheet.text(title, 24, bold=True)
    if place:
        sheet.text(tr("{date} · {place}", lang, date=_date(date), place=place), 20)
    else:
        sheet.text(_date(date), 20)


def ticket(data: Ticket, width: int = 576) -> Paper:
    lang = data.lang
    sheet = Sheet(width)
    _meeting_header(sheet, data.meeting_title, data.meeting_date, data.meeting_place, lang)
    sheet.rule()
    sheet.text(tr("SPEAKER TICKET", lang), 26, bold=True)
    sheet.text(tr("Your number", lang), 20)
    sheet.big_text(f"{data.number:03d}", 170)
    sheet.text(data.name, 30, bold=True)
    for key, value in data.details:
        if value and key in FIELDS:
            spec = FIELDS[key]
            label = tr(spec.column_for(data.kind), lang)
            line = tr("{label}: {value}", lang, label=label, value=value)
            sheet.text(value if spec.bare_on_ticket else line, 22)
    sheet.space(8)
    sheet.text(tr("Lookup code: {code}", lang, code=show_code(data.code)), 28, bold=True)
    sheet.space(4)
    sheet.qr(data.payload)
    sheet.text(tr("{ahead} ahead of you", lang, ahead=data.ahead), 24, bold=True)
    if data.estimated:
        sheet.text(tr("Expected to be called around {time}", lang, time=data.estimated), 22)
    sheet.rule(1)
    sheet.text(
        tr(
            "Please keep this ticket: you will be called by this number, and the code lets you look up the answer.",
            lang,
        ),
        20,
    )
    sheet.space(16)
    return sheet.paper()


def slip(data: Slip, width: int = 576) -> Paper:
    lang = data.lang
    sheet = Sheet(width)
    _meeting_header(sheet, data.meeting_title, data.meeting_date, "", lang)
    sheet.rule()
    sheet.text(tr("FOLLOW-UP SLIP", lang), 26, bold=True)
    sheet.text(
        tr("No. {number} · {name}", lang, number=f"{data.number:03d}", name=data.name),
        26,
        bold=True,
    )
    sheet.rule(1)
    if not data.items:
        sheet.text(tr("No questions recorded.", lang), 22)
    for index, item in enumerate(data.items, start=1):
        sheet.text(f"{index}. {item.summary}", 22, bold=True, align="left")
        sheet.text(
            tr("Outcome: {outcome}", lang, outcome=tr(outcome_label(item.outcome), lang)),
            22,
            align="left",
        )
        if item.body:
            sheet.text(tr("Responsible body: {body}", lang, body=item.body), 22, align="left")
        if item.document:
            sheet.text(
                tr("Transfer document: {document}", lang, document=item.document),
                22,
                align="left",
            )
        if item.deadline and OUTCOMES[item.outcome].transfer:
            sheet.text(
                tr(
                    "You will be told of the transfer by: {deadline}",
                    lang,
                    deadline=_date(item.deadline),
                ),
                22,
                align="left",
            )
        elif item.deadline:
            sheet.text(
                tr("Deadline: {deadline}", lang, deadline=_date(item.deadline)), 22, align="left"
            )
        if item.answer:
            sheet.text(tr("Answer: {answer}", lang, answer=item.answer), 22, align="left")
        sheet.space(10)
    sheet.rule(1)
    sheet.text(
        tr("Follow progress with the code {code} or the QR code.", lang, code=show_code(data.code)),
        20,
    )
    sheet.qr(data.payload)
    sheet.space(16)
    return sheet.paper()


def vietnamese_letters() -> tuple[str, str]:
    """Every Vietnamese letter, lower case and upper case."""
    tones = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
    vowels = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in tones]
    lower = " ".join([*vowels, *"bcdđghklmnpqrstvx"])
    return lower, lower.upper()


def test_page(width: int = 576, lang: str = "vi", payload: str = "HALLKIT-TEST") -> Paper:
    sheet = Sheet(width)
    sheet.space(12)
    sheet.text(tr("TEST PAGE", lang), 30, bold=True)
    sheet.text(tr("Paper width: {width} dots", lang, width=width), 22)
    sheet.rule()
    for size in (18, 24, 32):
        sheet.text(f"Be Vietnam Pro {size}: Cộng hòa xã hội chủ nghĩa Việt Nam", size)
    sheet.text("Độc lập - Tự do - Hạnh phúc", 28, bold=True)
    sheet.rule(1)
    sheet.text(tr("Vietnamese letters:", lang), 22, bold=True, align="left")
    lower, upper = vietnamese_letters()
    sheet.text(lower, 24, align="left")
    sheet.text(upper, 24, align="left")
    sheet.text(upper, 24, bold=True, align="left")
    sheet.rule(1)
    sheet.qr(payload)
    sheet.space(16)
    return sheet.paper()
