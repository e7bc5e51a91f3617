"""The papers before the meeting, made through the real `hallkit prepare` commands from
the prepared meetings of tests/documents/preparation.py: the chair's briefing, the public
notice and the cover letter of each body's request, compared with their reviewed golden
files (HALLKIT_UPDATE_GOLDEN=1 rewrites them), and the rules each one keeps."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn

from documents.briefing import RED
from shared import briefing, prepare
from shared.cli import cli, load_station_commands
from shared.db import Store, open_store
from shared.deadlines import Rule, WorkCalendar
from shared.i18n import UserError
from tests.documents.golden import describe
from tests.documents.preparation import PREPARED, SEND_BY, TODAY
from tests.golden import matches_golden

load_station_commands()
GOLDEN = Path(__file__).parent / "golden"


def run(db: Path, *args: str, lang: str = "vi") -> tuple[int, str]:
    ran = CliRunner().invoke(cli, ["--lang", lang, "--db", str(db), *args])
    return ran.exit_code, ran.output


def prepared(folder: Path, kind: str) -> tuple[Path, int]:
    """The prepared meeting `kind` in its own database: (database, meeting id)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"{kind}.db"
    store = open_store(db, "prepare")
    try:
        meeting = PREPARED[kind](store)
    finally:
        store.close()
    return db, meeting


def papers(folder: Path, kind: str) -> dict[str, Path]:
    """Every paper of the prepared meeting, as the office makes them on fixed days."""
    db, meeting = prepared(folder, kind)
    out = folder / "out"
    day = {"commune": SEND_BY, "party": dt.date(2026, 3, 2)}[kind]
    commands = [
        ("prepare", "briefing", str(meeting), "--out", str(out), "--today", TODAY.isoformat()),
        ("prepare", "notice", str(meeting), "--out", str(out), "--date", day.isoformat()),
        ("prepare", "requests", str(meeting), "--out", str(out), "--date", "2026-01-22"),
    ]
    for command in commands:
        code, output = run(db, *command)
        assert code == 0, output
    return {path.name.split("-", 3)[-1]: path for path in out.glob("*.docx")}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    root = tmp_path_factory.mktemp("prepared")
    return {kind: papers(root / kind, kind) for kind in PREPARED}


GOLDENS = [
    ("commune", "tai-lieu-chu-toa.docx"),
    ("commune", "thong-bao-to-chuc.docx"),
    ("commune", "de-nghi-tra-loi-phong-kinh-te.docx"),
    ("party", "tai-lieu-chu-toa.docx"),
    ("party", "thong-bao-to-chuc.docx"),
    ("party", "de-nghi-tra-loi-phong-van-hoa-xa-hoi.docx"),
]


@pytest.mark.parametrize(("kind", "name"), GOLDENS)
def test_the_papers_match_their_golden_files(
    made: dict[str, dict[str, Path]], kind: str, name: str
) -> None:
    found = describe(made[kind][name].read_bytes())
    matches_golden(found, GOLDEN / f"prepared-{kind}-{name}.txt", f"{kind} {name}", "made")


def _paragraphs(path: Path) -> list[str]:
    document = Document(io.BytesIO(path.read_bytes()))
    return [p.text for p in document.paragraphs]


def test_the_briefing_names_the_late_body_and_its_days(made: dict[str, dict[str, Path]]) -> None:
    text = _paragraphs(made["commune"]["tai-lieu-chu-toa.docx"])
    part = text[text.index("3. Cơ quan chậm gửi nội dung trả lời") + 1 :]
    # Phòng Kinh tế's road answer was due Thursday 29/01; the Monday after, 4 days late.
    # Phòng Văn hóa - Xã hội's is due 03/02, tomorrow: not late.
    assert part[0] == ("- Phòng Kinh tế: 1 nội dung chưa trả lời, hạn 29/01/2026, quá hạn 4 ngày.")
    assert not any("Phòng Văn hóa" in line for line in part[:2])
    assert part[1] == "Nội dung chưa giao cơ quan chuẩn bị trả lời: 1."


def test_an_opinion_without_an_answer_says_so_in_red(made: dict[str, dict[str, Path]]) -> None:
    document = Document(io.BytesIO(made["commune"]["tai-lieu-chu-toa.docx"].read_bytes()))
    red = []
    for paragraph in document.paragraphs:
        for run in paragraph._p.iter(qn("w:r")):
            colour = run.find(f"{qn('w:rPr')}/{qn('w:color')}")
            if colour is not None and colour.get(qn("w:val")) == RED:
                red.append("".join(t.text or "" for t in run.iter(qn("w:t"))))
    # the denunciation (not assigned), the road (late), the lamp (not yet due); not the
    # land and the clinic, answered
    assert red == [
        "chưa có nội dung trả lời.",
        "chưa có nội dung trả lời (cơ quan chuẩn bị đã quá hạn).",
        "chưa có nội dung trả lời.",
    ]


def test_an_opinion_back_for_the_third_time_tells_both_earlier_meetings(
    made: dict[str, dict[str, Path]],
) -> None:
    text = _paragraphs(made["commune"]["tai-lieu-chu-toa.docx"])
    assert (
        "Nêu lần thứ 3: đã nêu tại hội nghị ngày 10/12/2025 (ý kiến số 1) — chưa giải quyết, "
        "quá hạn 24 ngày; đã nêu tại hội nghị ngày 12/06/2025 (ý kiến số 1) — chưa giải "
        "quyết, quá hạn 205 ngày." in text
    )


def test_the_briefing_goes_by_field_most_urgent_first_with_every_source(
    made: dict[str, dict[str, Path]],
) -> None:
    text = _paragraphs(made["commune"]["tai-lieu-chu-toa.docx"])
    heads = [line for line in text if line[:2] in {"1.", "2.", "3.", "4."} and "nội dung," in line]
    assert heads == [
        "1. Đất đai (2 nội dung, 6 người)",
        "2. Giao thông (1 nội dung, 21 người)",
        "3. Giáo dục (1 nội dung, 3 người)",
        "4. Y tế (1 nội dung, 4 người)",
    ]
    first = text.index(heads[0])
    assert text[first + 1].startswith("1.1. [CẤP THIẾT] Tố cáo")  # urgent before normal
    assert text[first + 5].startswith("1.2. Chậm cấp giấy chứng nhận")
    # three villages' road is one opinion with its three sources and the sum of people
    assert (
        "Nguồn: Thôn Phú Khánh, Phiếu lấy ý kiến (12 người); Thôn Tân Phú, Phiếu lấy ý kiến "
        "(8 người); Báo cáo tổng hợp của Ủy ban MTTQ xã (1 người). Tổng số: 21 người; kiến "
        "nghị; mức độ: cấp thiết." in text
    )


def test_a_denouncer_is_not_named_nor_placed(made: dict[str, dict[str, Path]]) -> None:
    document = describe(made["commune"]["tai-lieu-chu-toa.docx"].read_bytes())
    assert "Nguyễn Văn Bí Mật" not in document
    assert "Nguồn: giữ bí mật thông tin người tố cáo (Luật Tố cáo). Tổng số: 1 người" in document


def test_the_first_page_counts_add_up(tmp_path: Path) -> None:
    db, meeting = prepared(tmp_path, "commune")
    store = open_store(db, "t")
    try:
        found = briefing.build(store, meeting, TODAY)
    finally:
        store.close()
    assert [(f.name, f.opinions, f.people) for f in found.fields] == [
        ("Đất đai", 2, 6),
        ("Giao thông", 1, 21),
        ("Giáo dục", 1, 3),
        ("Y tế", 1, 4),
    ]
    assert (found.gathered, len(found.opinions), found.people) == (7, 5, 34)
    assert [(b.name, b.opinions, b.answered, b.late) for b in found.bodies] == [
        ("Phòng Kinh tế", 2, 1, 1),
        ("Phòng Văn hóa - Xã hội", 1, 0, 0),
        ("Trạm Y tế xã", 1, 1, 0),
        ("", 1, 0, 0),
    ]
    assert [b.name for b in found.late_bodies] == ["Phòng Kinh tế"]


def test_each_body_gets_a_letter_beside_its_request(made: dict[str, dict[str, Path]]) -> None:
    letters = {n: p for n, p in made["commune"].items() if n.startswith("de-nghi-tra-loi-")}
    assert sorted(letters) == [
        "de-nghi-tra-loi-phong-kinh-te.docx",
        "de-nghi-tra-loi-phong-van-hoa-xa-hoi.docx",
        "de-nghi-tra-loi-tram-y-te-xa.docx",
    ]
    for path in letters.values():
        assert path.with_suffix(".xlsx").exists()
    text = " ".join(_paragraphs(letters["de-nghi-tra-loi-phong-kinh-te.docx"]))
    assert "Kính gửi: Phòng Kinh tế." in text
    assert "chuẩn bị nội dung trả lời 2 ý kiến, kiến nghị" in text
    assert "tệp hoi-nghi-3-de-nghi-tra-loi-phong-kinh-te.xlsx" in text
    assert "chậm nhất ngày 29/01/2026" in text
    assert text.rstrip().endswith("quan tâm, thực hiện./.")


def test_the_notice_must_go_out_seven_days_before(tmp_path: Path) -> None:
    db, meeting = prepared(tmp_path, "commune")
    out = tmp_path / "out"
    notice = ("prepare", "notice", str(meeting), "--out", str(out))
    code, output = run(db, *notice, "--date", "2026-01-28")
    assert code == 0, output
    assert "Thông báo phải phát hành chậm nhất ngày 29/01/2026 (7 ngày trước hội nghị" in output
    assert "Hạn gửi ý kiến: 02/02/2026." in output
    code, output = run(db, *notice, "--date", SEND_BY.isoformat())  # the last day itself
    assert code == 0, output
    assert "Hôm nay là ngày cuối cùng phát hành thông báo (29/01/2026)." in output
    (out / "hoi-nghi-3-thong-bao-to-chuc.docx").unlink()
    code, output = run(db, *notice, "--date", "2026-01-30", lang="en")
    assert code == 1
    assert "had to go out by 29/01/2026 (7 days before the meeting of 05/02/2026)" in output
    assert not (out / "hoi-nghi-3-thong-bao-to-chuc.docx").exists()
    code, output = run(db, *notice, "--date", "2026-01-30", "--late")
    assert code == 0, output
    assert "Chậm: thông báo phải phát hành chậm nhất ngày 29/01/2026" in output
    code, output = run(db, *notice, "--date", "2026-02-05", "--late")
    assert code == 1 and "không còn tác dụng" in output
    code, output = run(db, *notice, "--date", "2026-01-20", "--opinions-by", "2026-01-19")
    assert code == 1 and "sớm hơn ngày phát hành" in output
    code, output = run(db, *notice, "--date", "2026-01-20", "--opinions-by", "2026-02-05")
    assert code == 1 and "phải trước ngày hội nghị" in output


def test_the_day_to_send_by_steps_back_over_days_off() -> None:
    calendar = WorkCalendar()
    week = Rule(7, "calendar")
    # a Thursday meeting: the Thursday before; a Sunday meeting: 7 days back is a Sunday,
    # so the Friday before it; Tết 2026 (16-20/02): back over the whole holiday
    assert briefing.days_before(calendar, dt.date(2026, 2, 5), week) == dt.date(2026, 1, 29)
    assert briefing.days_before(calendar, dt.date(2026, 2, 8), week) == dt.date(2026, 1, 30)
    assert briefing.days_before(calendar, dt.date(2026, 2, 26), week) == dt.date(2026, 2, 13)
    three = Rule(3, "working")
    assert briefing.days_before(calendar, dt.date(2026, 2, 5), three) == dt.date(2026, 2, 2)


def test_check_notice_refuses_what_cannot_be_right() -> None:
    dates = briefing.NoticeDates(
        dt.date(2026, 2, 5), SEND_BY, Rule(7, "calendar"), dt.date(2026, 2, 2)
    )
    assert briefing.check_notice(dates, dt.date(2026, 1, 28), False) == ""
    assert briefing.check_notice(dates, SEND_BY, False) == "last_day"
    assert briefing.check_notice(dates, dt.date(2026, 1, 30), True) == "late"
    with pytest.raises(UserError):
        briefing.check_notice(dates, dt.date(2026, 1, 30), False)


def test_a_party_meeting_gets_the_party_layout(made: dict[str, dict[str, Path]]) -> None:
    notice = describe(made["party"]["thong-bao-to-chuc.docx"].read_bytes())
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in notice and "CỘNG HÒA XÃ HỘI" not in notice
    assert "Số     -TB/ĐU" in notice
    assert "T/M ĐẢNG ỦY" in notice and "BÍ THƯ" in notice
    assert "- Lưu Văn phòng Đảng ủy." in notice
    letter = describe(made["party"]["de-nghi-tra-loi-phong-van-hoa-xa-hoi.docx"].read_bytes())
    assert "Số     -CV/ĐU" in letter


def test_an_empty_meeting_has_a_briefing_with_nothing_late(tmp_path: Path, store: Store) -> None:
    from shared import meetings

    meeting = meetings.create_meeting(
        store, title="Hội nghị", date="2026-03-01", start_time="08:00"
    )
    found = briefing.build(store, meeting, TODAY)
    assert (found.opinions, found.fields, found.bodies) == ([], [], [])
    assert prepare.gathered(store, meeting) == []


def test_fields_go_in_vietnamese_order_with_the_other_last(store: Store, meeting: int) -> None:
    from shared import questions

    for summary, field in (
        ("Cần thêm lớp học", "Giáo dục"),
        ("Việc chung", "Khác"),
        ("Không rõ lĩnh vực", ""),
        ("Đường hỏng", "Giao thông"),
        ("Trộm cắp", "An ninh trật tự"),
    ):
        questions.add_question(store, meeting, summary=summary, field=field, source="pre_collected")
    found = briefing.build(store, meeting, TODAY)
    # giao < giáo (letters before tones); "Khác" and no field are one group, last
    assert [f.name for f in found.fields] == ["An ninh trật tự", "Giao thông", "Giáo dục", ""]
    assert found.fields[-1].opinions == 2


def test_the_report_counts_the_opinions_raised_again(tmp_path: Path) -> None:
    from documents import report as report_docs
    from shared import meetings, questions
    from shared.reports import build, parse_period

    db, meeting = prepared(tmp_path, "commune")
    store = open_store(db, "t")
    try:
        meetings.set_status(store, meeting, "open")
        heads = {o.row["summary"][:12]: o.row["id"] for o in prepare.opinions(store, meeting)}
        questions.set_outcome(store, heads["Đề nghị sửa "], "pending", body="Phòng Kinh tế")
        questions.set_outcome(store, heads["Trạm y tế xã"], "answered", answer="Đã bổ sung.")
        questions.set_outcome(store, heads["Đề nghị lắp "], "answered", answer="Sẽ lắp.")
        year = build(store, parse_period("2025"), TODAY)  # December repeats June, twice
        quarter = build(store, parse_period("2026-Q1"), TODAY)
        data = report_docs.docx(quarter, "Ủy ban nhân dân xã Sơn Trung", "", "Trần Văn Lâm")
    finally:
        store.close()
    assert (year.questions, year.raised_again) == (4, 2)
    assert (quarter.questions, quarter.raised_again) == (3, 2)  # the road and the clinic
    assert (
        "tiếp nhận 3 ý kiến, kiến nghị của công dân; trong đó 2 ý kiến đã nêu tại các hội nghị trước (nêu lại)."
        in describe(data)
    )
