"""Layouts at every width, round-tripped through the ESC/POS bytes a printer receives."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from PIL import Image, ImageChops, ImageDraw
from qrcode.constants import ERROR_CORRECT_M

from printing import layouts
from printing.documents import slip_for, ticket_for
from printing.encode import FRAGMENT_ROWS, encode
from printing.fonts import covered, font, printable
from printing.layouts import Slip, SlipItem, Ticket, slip, ticket, vietnamese_letters
from printing.sheet import Sheet, wrap
from shared.db import Store
from shared.registrations import verify_payload
from shared.tokens import show_code
from tests.escpos_decode import decode
from tests.printing.conftest import read_qr

PROFILES = {576: "TM-T20II", 512: "TM-T88V", 384: "POS-5890"}


def same(a: Image.Image, b: Image.Image) -> bool:
    return (
        a.size == b.size and ImageChops.difference(a.convert("L"), b.convert("L")).getbbox() is None
    )


@pytest.mark.parametrize("compact", [False, True], ids=["raster", "compact"])
@pytest.mark.parametrize("width", sorted(PROFILES))
def test_ticket_round_trip_at_every_width(
    store: Store, meeting: int, citizen: dict[str, Any], width: int, compact: bool
) -> None:
    document = ticket_for(store, citizen["id"], "vi", now=dt.datetime(2026, 2, 10, 7, 30))
    assert (document.ahead, document.estimated) == (2, "08:16")
    paper = ticket(document, width)
    assert (paper.image.mode, paper.image.width) == ("1", width)
    printed = decode(encode(paper, PROFILES[width], compact), width)
    assert same(printed.image(), paper.image)
    assert verify_payload(store, read_qr(printed.image()), meeting)["id"] == citizen["id"]
    if compact:
        assert printed.native_qr == [(document.payload, 6, ERROR_CORRECT_M)]


def test_compact_mode_is_under_16_kb(store: Store, meeting: int, citizen: dict[str, Any]) -> None:
    paper = ticket(ticket_for(store, citizen["id"], "vi"), 576)
    full, compact = encode(paper, "TM-T20II"), encode(paper, "TM-T20II", compact=True)
    assert len(compact) < 16 * 1024 < len(full)


def test_english_ticket(store: Store, meeting: int, citizen: dict[str, Any]) -> None:
    document = ticket_for(store, citizen["id"], "en", now=dt.datetime(2026, 2, 10, 7, 30))
    paper = ticket(document, 576)
    assert read_qr(paper.image).startswith(citizen["code"])
    assert [line for line in paper.lines if line.isascii()] == [
        "10/02/2026",  # the date alone: the meeting has no place, and no dangling "·"
        "SPEAKER TICKET",
        "Your number",
        "003",
        f"Lookup code: {show_code(citizen['code'])}",
        "2 ahead of you",
        "Expected to be called around 08:16",
        "Please keep this ticket: you will be called by this",
        "number, and the code lets you look up the answer.",
    ]
    assert {"Thôn Đoài", "Field: Giao thông", "Nguyễn Thị Thu Hà"} <= set(paper.lines)
    assert paper.lines[1].startswith("10/02/2026")  # no "Ngày"
    vietnamese = ticket(ticket_for(store, citizen["id"], "vi"), 576).lines
    assert not set(paper.lines[1:]) & set(vietnamese[1:]) - {
        "003",
        "Nguyễn Thị Thu Hà",
        "Thôn Đoài",
        "10/02/2026",
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_place_on_the_ticket_names_itself(lang: str) -> None:
    """The village field holds villages and residential groups alike: "Thôn: Tổ dân phố
    Minh Khai" contradicted itself. The place is printed as listed, with no label."""
    document = Ticket(
        "Hội nghị",
        "2026-02-10",
        "Hội trường",
        7,
        "Lê Văn Tư",
        "K7QM2D",
        "K7QM2D-AAAAAAAAAA",
        0,
        "",
        lang,
        details=(("village", "Tổ dân phố Minh Khai"), ("field", "Đất đai")),
    )
    lines = ticket(document, 576).lines
    assert "Tổ dân phố Minh Khai" in lines
    assert not any(line.endswith(": Tổ dân phố Minh Khai") for line in lines)
    assert {"vi": "Lĩnh vực: Đất đai", "en": "Field: Đất đai"}[lang] in lines


def test_every_vietnamese_letter_has_a_glyph() -> None:
    lower, upper = vietnamese_letters()
    letters = set((lower + upper).replace(" ", ""))
    assert len(letters) == 2 * (12 * 6 + 17)
    assert {ord(c) for c in letters} <= covered()

    def drawn(char: str) -> bytes:
        canvas = Image.new("L", (80, 80), 255)
        ImageDraw.Draw(canvas).text((10, 10), char, font=font(40), fill=0)
        return canvas.tobytes()

    missing_box = drawn("\ue000")  # a private-use point: the font draws its .notdef box
    assert all(drawn(letter) != missing_box for letter in letters)


def test_glyphs_the_font_lacks_and_control_bytes_never_print() -> None:
    assert printable("Lê 😀 Văn\x1b@\x1dV\x00\u200b An") == "Lê Văn@V An"


def test_long_text_wraps_inside_the_paper() -> None:
    name = "Nguyễn " * 28 + "Thịnhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh"
    summary = ("Đề nghị sửa đường liên thôn " * 80)[:2000]
    for width in PROFILES:
        sheet = Sheet(width)
        for text, size in ((name, 30), (summary, 22)):
            lines = wrap(text, sheet.px(size), True, sheet.inner)
            assert "".join(lines).replace(" ", "") == printable(text).replace(" ", "")
            assert max(font(sheet.px(size), True).getlength(x) for x in lines) <= sheet.inner


def test_stacked_diacritics_are_not_clipped() -> None:
    text = "NGUYỄN ỖẪẶỸ ẤU"
    sheet = Sheet(576)
    sheet.text(text, 40, bold=True)
    on_sheet = sheet.paper().image.convert("L").histogram()[0]
    roomy = Image.new("1", (1200, 400), 1)
    ImageDraw.Draw(roomy).text((100, 150), text, font=font(40, True), fill=0, anchor="la")
    assert (
        on_sheet == roomy.convert("L").histogram()[0] > 0
    )  # every black dot made it onto the paper


def test_a_citizen_with_bad_text_still_gets_a_clean_ticket() -> None:
    document = Ticket(
        "Hội nghị",
        "2026-02-10",
        "Hội trường",
        7,
        "ĐỖ \x1b@\x1dVÂN 🎉" * 15,
        "K7QM2D",
        "K7QM2D-AAAAAAAAAA",
        0,
        "",
        "vi",
        details=(("village", "Thôn 😀 Đông"), ("field", "Đất đai")),
    )
    paper = ticket(document, 384)
    printed = decode(encode(paper, "POS-5890"), 384)
    assert printed.commands[0] == "init" and printed.commands[-1].startswith("feed")
    assert all(c.startswith("raster") for c in printed.commands[1:-1])
    assert same(printed.image(), paper.image)


def test_a_long_slip_goes_in_fragments(store: Store, meeting: int, citizen: dict[str, Any]) -> None:
    base = slip_for(store, citizen["id"], "vi")
    items = tuple(
        SlipItem(
            f"Câu hỏi số {i}: " + "nội dung dài " * 20, "pending", "Phòng Kinh tế", "2026-03-12"
        )
        for i in range(12)
    )
    paper = slip(Slip(**{**base.__dict__, "items": items}), 576)
    assert paper.image.height > 2 * FRAGMENT_ROWS
    printed = decode(encode(paper, "TM-T20II"), 576)
    heights = [int(c.split("x")[1].split()[0]) for c in printed.commands if c.startswith("raster")]
    assert len(heights) >= 3 and max(heights) <= FRAGMENT_ROWS
    assert same(printed.image(), paper.image)
    assert printed.cut


def test_test_page_prints_every_letter_and_a_readable_qr() -> None:
    for width, profile in PROFILES.items():
        paper = layouts.test_page(width, payload="HALLKIT-TEST")
        printed = decode(encode(paper, profile), width)
        assert same(printed.image(), paper.image)
        assert read_qr(printed.image()) == "HALLKIT-TEST"


def test_an_agency_meeting_words_the_place_as_a_unit(
    store: Store, meeting: int, citizen: dict[str, Any]
) -> None:
    """A provincial office's dialogue with its own employees: the place field is the unit
    in the kiosk's checks and in the pending list."""
    from shared import meetings
    from shared.registrations import clean_detail
    from shared.specs import meeting_kind

    assert meeting_kind(meetings.get_meeting(store, meeting)) == "commune"
    meetings.update_meeting(store, meeting, kind="agency")
    assert meeting_kind(meetings.get_meeting(store, meeting)) == "agency"
    lines = ticket(ticket_for(store, citizen["id"], "vi"), 576).lines
    # the place names itself on the ticket, whatever the kind: no label to contradict it
    assert "Thôn Đoài" in lines and not any(x.endswith(": Thôn Đoài") for x in lines)
    with pytest.raises(Exception, match="Unit / office is too long"):
        clean_detail(store, "village", "x" * 101, "agency")
    party = meetings.create_meeting(
        store, title="Đối thoại", date="2026-03-01", start_time="08:00", level="party"
    )
    assert meeting_kind(meetings.get_meeting(store, party)) == "party"


@pytest.mark.parametrize("width", [576, 384])
def test_the_printed_ticket_says_ong_ba_within_the_paper(
    store: Store, meeting: int, citizen: dict[str, Any], width: int
) -> None:
    paper = ticket(ticket_for(store, citizen["id"], "vi"), width)
    text = " ".join(paper.lines)
    assert "Số thứ tự của Ông/Bà" in paper.lines
    assert any(line.startswith("Trước Ông/Bà còn") for line in paper.lines)
    assert "Vui lòng giữ phiếu này: Ông/Bà sẽ được mời phát biểu" in text
    assert not re.search(r"\bbạn\b", text, re.IGNORECASE)  # DOMAIN.md: Ông/Bà
    assert paper.image.width == width
    sheet = Sheet(width)
    widest = max(font(sheet.px(20), False).getlength(line) for line in paper.lines[-3:])
    assert widest <= sheet.inner  # the closing note wraps inside the paper
