"""The ticket and the slip as a citizen reads them, compared with reviewed golden files:
the lines of text drawn, top to bottom, the QR code's payload and place, the paper's
size. A change of wording, order or layout is a diff to read in git, not a silent pass.
Run with HALLKIT_UPDATE_GOLDEN=1 to rewrite the files after a reviewed change."""

from __future__ import annotations

from pathlib import Path

import pytest

from printing.layouts import Slip, SlipItem, Ticket, slip, ticket
from printing.sheet import Paper
from tests.golden import matches_golden

GOLDEN = Path(__file__).parent / "golden"
PAYLOAD = "https://xa-minhhoa.example/p/K7QM2D-7FJQ2WBKXA"

TICKET = Ticket(
    meeting_title="Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026",
    meeting_date="2026-11-21",
    meeting_place="Hội trường UBND xã Minh Hòa",
    number=12,
    name="Nguyễn Thị Thu Hà",
    code="K7QM2D",
    payload=PAYLOAD,
    ahead=4,
    estimated="09:12",
    details=(("village", "Thôn Đoài"), ("field", "Giao thông")),
)
ITEMS = (
    SlipItem("Đường liên thôn Đoài - Trung xuống cấp", "answered", answer="Sửa trong quý I."),
    SlipItem("Bãi rác tạm cạnh kênh N3", "pending", body="Phòng Kinh tế", deadline="2026-12-21"),
    SlipItem(
        "Cấp giấy chứng nhận quyền sử dụng đất",
        "transferred",
        body="Sở Nông nghiệp và Môi trường",
        deadline="2026-12-07",
        document="125/UBND-KT",
    ),
    SlipItem("Trợ cấp người cao tuổi", "written", body="Phòng Văn hóa - Xã hội"),
    SlipItem("Đèn đường thôn Hạ", "withdrawn"),
)
SLIP = Slip(
    meeting_title=TICKET.meeting_title,
    meeting_date=TICKET.meeting_date,
    number=12,
    name=TICKET.name,
    code="K7QM2D",
    payload=PAYLOAD,
    items=ITEMS,
)

PAPERS = {
    "ticket-vi-576": lambda: ticket(TICKET, 576),
    "ticket-en-384": lambda: ticket(Ticket(**{**TICKET.__dict__, "lang": "en"}), 384),
    "ticket-agency-512": lambda: ticket(
        Ticket(**{**TICKET.__dict__, "kind": "agency", "details": (("village", "Phòng Kế toán"),)}),
        512,
    ),
    "slip-vi-576": lambda: slip(SLIP, 576),
    "slip-en-384": lambda: slip(Slip(**{**SLIP.__dict__, "lang": "en"}), 384),
}


def describe(paper: Paper) -> str:
    width, height = paper.image.size
    lines = [f"size {width} x {height} dots, mode {paper.image.mode}"]
    if paper.qr is not None:
        qr = paper.qr
        lines.append(
            f"qr {qr.payload} · {qr.modules} modules of {qr.module} dots at row {qr.top},"
            f" {qr.height} high"
        )
    lines += [f"| {line}" for line in paper.lines]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", list(PAPERS))
def test_paper_matches_its_golden_file(name: str) -> None:
    found = describe(PAPERS[name]())
    matches_golden(found, GOLDEN / f"{name}.txt", name, "drawn")
