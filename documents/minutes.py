"""Biên bản (minutes, Mẫu 1.9): one list of blocks, laid out as .docx and as Markdown."""

from __future__ import annotations

from documents import audience
from documents.layout import (
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
from documents.words import (
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
SOURCES = (
    ("spoken", "phát biểu tại hội nghị"),
    ("written", "gửi bằng văn bản"),
    ("pre_collected", "thu thập trước hội nghị"),
)
SOURCE_WORDS = dict(SOURCES)
# Who raised an opinion in the name of an organisation is not addressed "Ông/Bà".
ORGANISATIONS = (
    "Hội ",
    "Ban ",
    "Chi bộ",
    "Chi hội",
    "Đoàn ",
    "Tổ ",
    "Mặt trận",
    "Ủy ban",
    "Hợp tác xã",
    "Công ty",
    "Trường",
    "Thôn ",
    "Công đoàn",
    "Phòng ",
    "Trung tâm",
)


def summary_line(record: MeetingRecord) -> str:
    return record.meeting["title"]


def addressed(name: str) -> str:
    """ "Ông/Bà Nguyễn Văn An" (the minutes address citizens formally); an organisation
    as named."""
    return name if not name or name.startswith(ORGANISATIONS) else f"Ông/Bà {name}"


def shared_by(question: dict[str, object]) -> str:
    """ "(12 người cùng ý kiến) " when others share the opinion, as the secretary noted."""
    people = int(str(question.get("people") or 1))
    return f"({people} người cùng ý kiến) " if people > 1 else ""


def _answerer(question: dict[str, object], meeting: dict[str, object]) -> str:
    """ "Người trả lời: …. " for an item someone answered or took on; nothing for a
    withdrawn one (nobody answered it)."""
    if question["outcome"] in ("withdrawn", "", None):
        return ""
    answerer = question["official_name"] or meeting["chair"]
    position = f", {question['official_position']}" if question["official_position"] else ""
    return f"Người trả lời: {answerer}{position}. "


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
    people, person = audience.people(record), audience.person(record)
    named = participants(meeting)
    if named:
        found.append(("text", "Thành phần tham dự:"))
        found += [("text", f"- {name};") for name in named[:-1]]
        found.append(("text", f"- {named[-1]}."))
        found.append(
            ("text", f"Cùng {people}; số {person} đăng ký phát biểu: {totals.registered}.")
        )
    else:
        found.append(
            (
                "text",
                f"Thành phần tham dự: lãnh đạo {meeting['issuing_body']}, các cơ quan chuyên "
                f"môn và {people}; số {person} đăng ký phát biểu: {totals.registered}.",
            )
        )
    if record.program:
        found.append(("heading", "Chương trình hội nghị:"))
        found += [
            ("text", f"{i}. {sentence(step)}") for i, step in enumerate(record.program, start=1)
        ]
    asked = "công dân" if audience.kind(record) != "agency" else people
    found.append(("heading", f"Ý kiến của {asked} và nội dung trả lời:"))
    spoke = [speaker for speaker in record.speakers if speaker.spoke]
    handed_in = [speaker for speaker in record.speakers if not speaker.spoke]
    if not spoke:
        found.append(
            (
                "text",
                "Không có ý kiến nào được ghi nhận."
                if not record.standalone and not handed_in
                else "Không có ý kiến phát biểu tại hội nghị.",
            )
        )
    for index, speaker in enumerate(spoke, start=1):
        origin = ", ".join(x for x in (speaker.village, speaker.org) if x)
        who = addressed(speaker.name) + (f" ({origin})" if origin else "")
        if speaker.people > 1:
            origin = f"{origin}; " if origin else ""
            who = addressed(speaker.name) + f" ({origin}{speaker.people} người cùng ý kiến)"
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
            found.append(
                (
                    "text",
                    f"- Nội dung: {sentence(question['summary'])} "
                    f"{_answerer(question, meeting)}{result(question)}",
                )
            )
    written = [(addressed(s.name), s.village, q) for s in handed_in for q in s.questions] + [
        (addressed(q["raised_by"]), q["raised_village"], q) for q in record.standalone
    ]
    if written:
        found.append(("heading", "Ý kiến gửi bằng văn bản và ý kiến thu thập trước hội nghị:"))
        for name, village, question in written:
            origin = ", ".join(x for x in (name, village) if x)
            source = SOURCE_WORDS.get(question["source"], "")
            found.append(
                (
                    "text",
                    f"- {origin + ' ' if origin else ''}({source}): "
                    f"{sentence(question['summary'])} {shared_by(question)}"
                    f"{_answerer(question, meeting)}{result(question)}",
                )
            )
    by_source = "; ".join(
        f"{words}: {totals.by_source[key]}" for key, words in SOURCES if totals.by_source.get(key)
    )
    found += [
        ("heading", "Tổng hợp:"),
        (
            "text",
            f"Số người phát biểu: {totals.spoken}; số ý kiến: {totals.questions}"
            + (f" ({by_source})" if by_source else "")
            + ", trong đó "
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
    reply = ""
    if question["outcome"] == "written" and question["answer"]:
        reply = f" Nội dung trả lời bằng văn bản: {sentence(str(question['answer']))}"
    text = outcome_text(question)
    label = tr(outcome_label(str(question["outcome"] or "")), "vi")
    if text.startswith(f"{label}: "):  # "chuyển …: Sở …" would be a second colon
        text = f"{label} — {text.removeprefix(f'{label}: ')}"
    return f"Kết quả: {sentence(text)}{reply}"


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
    title(document, "BIÊN BẢN", summary_line(record), family)
    for kind, text in blocks(record):
        last = body(document, text, bold=kind == "heading", keep=text.endswith(":"))
    end_body(last)
    closing(
        document,
        (["CHỦ TỌA"], meeting["chair"]),
        audience.minutes_recipients(record, family),
        audience.archive(family, unit),
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
        *[f"- {name};" for name in audience.minutes_recipients(record, family)],
        audience.archive(family, unit),
        "",
    ]
    return "\n".join(lines)
