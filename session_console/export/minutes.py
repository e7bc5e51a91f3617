"""Biên bản (minutes, Mẫu 1.9): one list of blocks, laid out as .docx and as Markdown."""

from __future__ import annotations

from session_console.export.layout import (
    Family,
    Heading,
    body,
    closing,
    end_body,
    header,
    new_document,
    title,
    to_bytes,
)
from session_console.export.words import (
    KIND,
    clock_time,
    locality,
    long_date,
    outcome_text,
    sentence,
)
from shared.i18n import tr
from shared.meetings import participants
from shared.record import MeetingRecord
from shared.specs import outcome_label

Block = tuple[str, str]  # ("text" | "heading", text)
RECIPIENTS = ["Chủ tọa hội nghị", "Ủy ban MTTQ Việt Nam"]


def summary_line(record: MeetingRecord) -> str:
    return record.meeting["title"]


def blocks(record: MeetingRecord) -> list[Block]:
    meeting, totals = record.meeting, record.totals
    found: list[Block] = [
        (
            "text",
            f"Thời gian bắt đầu: {clock_time(meeting['start_time'])}, {long_date(record.date)}.",
        ),
        ("text", f"Địa điểm: {meeting['place'] or '...'}."),
        (
            "text",
            f"Chủ tọa: {meeting['chair'] or '...'}"
            + (f"; đồng chủ tọa: {meeting['co_chair']}" if meeting["co_chair"] else "")
            + f". Thư ký: {meeting['secretary'] or '...'}.",
        ),
    ]
    named = participants(meeting)
    if named:
        found.append(("text", "Thành phần tham dự:"))
        found += [("text", f"- {name};") for name in named[:-1]]
        found.append(("text", f"- {named[-1]}."))
        found.append(
            ("text", f"Cùng Nhân dân; số công dân đăng ký phát biểu: {totals.registered}.")
        )
    else:
        found.append(
            (
                "text",
                f"Thành phần tham dự: lãnh đạo {meeting['issuing_body']}, các cơ quan chuyên "
                f"môn và Nhân dân; số công dân đăng ký phát biểu: {totals.registered}.",
            )
        )
    if record.program:
        found.append(("heading", "Chương trình hội nghị:"))
        found += [("text", f"{i}. {step}") for i, step in enumerate(record.program, start=1)]
    found.append(("heading", "Ý kiến của công dân và nội dung trả lời:"))
    if not record.speakers and not record.standalone:
        found.append(("text", "Không có ý kiến nào được ghi nhận."))
    for index, speaker in enumerate(record.speakers, start=1):
        origin = ", ".join(x for x in (speaker.village, speaker.org) if x)
        who = f"{speaker.name}" + (f" ({origin})" if origin else "")
        kind = KIND.get(speaker.kind, "ý kiến")
        if not speaker.questions:  # the summary once: the speaker's, or each question's
            found.append(
                (
                    "text",
                    f"{index}. {who}, số {speaker.number:03d}, {kind}: "
                    f"{sentence(speaker.summary or '...')}",
                )
            )
        else:
            found.append(("text", f"{index}. {who}, số {speaker.number:03d}, {kind}:"))
        for question in speaker.questions:
            answerer = question["official_name"] or meeting["chair"]
            position = f", {question['official_position']}" if question["official_position"] else ""
            found.append(
                (
                    "text",
                    f"- Nội dung: {sentence(question['summary'])} Người trả lời: "
                    f"{answerer}{position}. {result(question)}",
                )
            )
    if record.standalone:
        found.append(("heading", "Ý kiến gửi bằng văn bản và ý kiến thu thập trước hội nghị:"))
        for question in record.standalone:
            origin = ", ".join(x for x in (question["raised_by"], question["raised_village"]) if x)
            found.append(
                (
                    "text",
                    f"- {origin + ': ' if origin else ''}{sentence(question['summary'])} "
                    f"{result(question)}",
                )
            )
    found += [
        ("heading", "Tổng hợp:"),
        (
            "text",
            f"Số người phát biểu: {totals.spoken}; số ý kiến: {totals.questions}, trong đó "
            + "; ".join(f"{tr(label, 'vi')}: {n}" for label, n in totals.breakdown())
            + ".",
        ),
        ("heading", "Kết luận của chủ tọa:"),
        ("text", meeting["conclusion"] or "..."),
        ("text", f"Hội nghị kết thúc lúc {clock_time(meeting['end_time'])} cùng ngày."),
    ]
    return found


def result(question: dict[str, object]) -> str:
    """ "Trả lời tại hội nghị: …" for an answered question, else "Kết quả: …" (one colon)."""
    if question["outcome"] == "answered":
        return f"Trả lời tại hội nghị: {sentence(str(question['answer']))}"
    text = outcome_text(question)
    label = tr(outcome_label(str(question["outcome"] or "")), "vi")
    if text.startswith(f"{label}: "):  # "chuyển …: Sở …" would be a second colon
        text = f"{label} — {text.removeprefix(f'{label}: ')}"
    return f"Kết quả: {sentence(text)}"


def _heading(record: MeetingRecord, number: str, family: Family, abbreviation: str) -> Heading:
    meeting = record.meeting
    return Heading(
        meeting["parent_body"],
        meeting["issuing_body"],
        number,
        "BB",
        abbreviation,
        locality(meeting["issuing_body"]),
        record.date,
        family,
        record.draft,
    )


def docx(
    record: MeetingRecord,
    number: str = "",
    family: Family = "state",
    abbreviation: str = "UBND",
    unit: str = "VP",
) -> bytes:
    meeting = record.meeting
    document = new_document(meeting["issuing_body"], record.date)
    header(document, _heading(record, number, family, abbreviation))
    title(document, "BIÊN BẢN", summary_line(record))
    for kind, text in blocks(record):
        last = body(document, text, bold=kind == "heading", keep=text.endswith(":"))
    end_body(last)
    closing(
        document,
        (["CHỦ TỌA"], meeting["chair"]),
        RECIPIENTS,
        unit,
        second=(["THƯ KÝ"], meeting["secretary"]),
    )
    return to_bytes(document)


def markdown(
    record: MeetingRecord,
    number: str = "",
    abbreviation: str = "UBND",
    family: Family = "state",
    unit: str = "VP",
) -> str:
    meeting = record.meeting
    place = f"*{locality(meeting['issuing_body'])}, {long_date(record.date)}*"
    if family == "party":
        motto = ["**ĐẢNG CỘNG SẢN VIỆT NAM**  ", place]
        numbered = f"Số {number or '...'}-BB/{abbreviation}"
    else:
        motto = [
            "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  ",
            "**Độc lập - Tự do - Hạnh phúc**  ",
            place,
        ]
        numbered = f"Số: {number or '...'}/BB-{abbreviation}"
    lines = [
        f"{meeting['parent_body'].upper()}  ",
        f"**{meeting['issuing_body'].upper()}**  ",
        numbered,
        "",
        *motto,
        "",
    ]
    if record.draft:
        lines += ["**DỰ THẢO**", ""]
    lines += ["# BIÊN BẢN", "", f"**{summary_line(record)}**", ""]
    found = blocks(record)
    for index, (kind, text) in enumerate(found):
        if index == len(found) - 1:
            text = text.rstrip(".") + "./."
        lines += [f"**{text}**" if kind == "heading" else text, ""]
    lines += [
        "| THƯ KÝ | CHỦ TỌA |",
        "|---|---|",
        f"| **{meeting['secretary']}** | **{meeting['chair']}** |",
        "",
        "***Nơi nhận:***",
        *[f"- {name};" for name in RECIPIENTS],
        f"- Lưu: VT, {unit}.",
        "",
    ]
    return "\n".join(lines)
