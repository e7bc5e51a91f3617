"""What a clerk would otherwise retype: the end time, the participants, the wording of
the minutes, the report's date and title, the spreadsheet ready to filter and print."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from documents.run import Options, export
from shared import meetings, questions
from shared.cli import cli, load_station_commands
from shared.db import Store

load_station_commands()


def made(store: Store, meeting: int, out: Path, **options: str) -> dict[str, Path]:
    _, written = export(store, meeting, out, Options(**options))  # type: ignore[arg-type]
    return {p.name.split("-", 3)[-1].replace("-du-thao", ""): p for p in written}


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text]


def hallkit(db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_end_time_and_participants_from_the_cli(
    store: Store, held: int, db_path: Path, tmp_path: Path
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("Họ và tên,Chức vụ\nLê Minh Đức,Trưởng phòng Kinh tế\n", encoding="utf-8")
    hallkit(db_path, "meeting", "close", str(held), "--end-time", "11:30")
    shown = json.loads(hallkit(db_path, "meeting", "show", str(held), "--json"))
    assert shown["end_time"] == "11:30" and shown["status"] == "closed"
    # Closed, the record may still be corrected: the end time and who took part.
    hallkit(db_path, "meeting", "set", str(held), "--end-time", "11h45")
    hallkit(db_path, "meeting", "set", str(held), "--participants-csv", str(people))
    text = paragraphs(made(store, held, tmp_path / "out")["bien-ban.docx"])
    assert "Hội nghị kết thúc lúc 11 giờ 45 cùng ngày./." in text
    assert "- Lê Minh Đức, Trưởng phòng Kinh tế." in text
    hallkit(db_path, "meeting", "set", str(held), "--participants", "Lê An, Chủ tịch MTTQ; Hà Vy")
    text = paragraphs(made(store, held, tmp_path / "again")["bien-ban.docx"])
    assert text[text.index("Thành phần tham dự:") + 1 :][:2] == [
        "- Lê An, Chủ tịch MTTQ;",
        "- Hà Vy.",
    ]
    refused = CliRunner().invoke(
        cli, ["--db", str(db_path), "meeting", "set", str(held), "--place", "Khác"]
    )
    assert refused.exit_code == 1  # any other detail stays closed


def test_the_minutes_say_each_thing_once(store: Store, held: int, tmp_path: Path) -> None:
    meetings.update_meeting(store, held, issuing_body="ỦY BAN NHÂN DÂN XÃ KINH MÔN")
    text = paragraphs(made(store, held, tmp_path)["bien-ban.docx"])
    joined = "\n".join(text)
    for name in ("Hoàng Văn Bình", "Nguyễn Thị Thu Hà", "Trịnh Đình Quý"):
        assert joined.count(f"Ý kiến của {name}") == 1  # the summary once, not twice
    assert "Trả lời tại hội nghị: Sẽ cấp sổ trong tháng 3." in joined
    results = [line.split("Kết quả: ", 1)[1] for line in text if "Kết quả: " in line]
    assert len(results) == 3 and not any(": " in result for result in results)
    header = [p.text for c in Document(str(made(store, held, tmp_path / "b")["bien-ban.docx"])).tables[0]._cells for p in c.paragraphs]  # fmt: skip
    assert "Kinh Môn, ngày 10 tháng 02 năm 2026" in header


def test_the_handout_never_prints_an_empty_name(store: Store, held: int, tmp_path: Path) -> None:
    asked = questions.add_question(store, held, summary="Hỏi về nước sạch " * 12)
    questions.set_outcome(store, asked["id"], "written")
    reader = PdfReader(made(store, held, tmp_path)["cam-ket-giai-quyet.pdf"])
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Người kiến nghị: ." not in text and "Người kiến nghị: Số" not in text.replace(
        "Người kiến nghị: Số 0", ""
    )
    lines: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if "nước sạch" in text:
            lines.append(tm[4])

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert len(lines) >= 2 and len(set(round(x) for x in lines)) == 1  # the same indent
    assert min(lines) > 20 * 72 / 25.4 + 10  # right of the bullet at the 20 mm margin


def test_the_report_is_dated_titled_and_addressed(
    store: Store, held: int, db_path: Path, tmp_path: Path
) -> None:
    hallkit(
        db_path, "report", "--period", "2026-Q1", "--out", str(tmp_path), "--today", "2026-04-03"
    )
    document = Document(str(tmp_path / "bao-cao-2026-Q1.docx"))
    text = [p.text.replace("\n", " ") for p in document.paragraphs if p.text]
    assert (
        "Kết quả tiếp nhận, giải quyết kiến nghị của công dân qua đối thoại quý I năm 2026" in text
    )
    assert text[-1].endswith("./.")
    cells = [p.text for c in document.tables[0]._cells for p in c.paragraphs]
    assert any(line.endswith("ngày 03 tháng 4 năm 2026") for line in cells)
    recipients = [p.text for p in document.tables[-1].rows[0].cells[0].paragraphs]
    assert recipients[0] == "Nơi nhận:" and recipients[-1] == "- Lưu: VT, VP."


def test_the_spreadsheet_filters_and_prints(store: Store, held: int, tmp_path: Path) -> None:
    files = made(store, held, tmp_path, csv_separator=";")
    book = load_workbook(files["kien-nghi-chua-giai-quyet.xlsx"])
    sheet = book.active
    assert sheet is not None
    assert "DỰ THẢO" in sheet.title and str(sheet["A1"].value).startswith("DỰ THẢO")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [r[0] for r in rows] == [1, 2, 3]  # numbers, not text
    assert isinstance(rows[0][1], int) and sheet.cell(3, 2).number_format == "000"
    deadline = sheet.cell(3, 11)
    assert isinstance(deadline.value, dt.datetime) and deadline.number_format == "dd/mm/yyyy"
    assert {r[11] for r in rows} <= {"30 ngày", "10 ngày làm việc", "do chủ tọa ấn định"}
    assert "10 ngày làm việc" in {r[11] for r in rows}
    assert sheet.cell(3, 5).alignment.wrap_text
    assert sheet.auto_filter.ref == "A2:M5" and sheet.freeze_panes == "A3"
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and str(setup.paperSize) == "9"  # A4
    assert setup.fitToWidth == 1 and setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$2:$2"
    raw = files["kien-nghi-chua-giai-quyet.csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0][:3] == ["STT", "Số phiếu", "Họ tên"] and table[1][1] == "002"
    assert table[1][10].count("/") == 2  # dd/mm/yyyy
    meetings.set_status(store, held, "closed")
    closed = load_workbook(made(store, held, tmp_path / "closed")["kien-nghi-chua-giai-quyet.xlsx"])
    assert closed.active is not None and "DỰ THẢO" not in closed.active.title


def test_a_party_committees_report(store: Store, held: int, db_path: Path, tmp_path: Path) -> None:
    meetings.update_meeting(
        store,
        held,
        level="party",
        issuing_body="Đảng ủy xã Minh Hòa",
        parent_body="Đảng bộ tỉnh",
        chair_position="Bí thư Đảng ủy xã",
    )
    refused = CliRunner().invoke(
        cli,
        ["--db", str(db_path), "report", "--period", "2026-Q1", "--out", str(tmp_path / "out")]
        + ["--family", "state"],
    )
    assert refused.exit_code == 1 and not (tmp_path / "out").exists()
    hallkit(
        db_path,
        "report",
        "--period",
        "2026-Q1",
        "--out",
        str(tmp_path / "out"),
        "--today",
        "2026-04-03",
    )
    document = Document(str(tmp_path / "out" / "bao-cao-2026-Q1.docx"))
    left = [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert left[-2:] == ["*", "Số     -BC/ĐU"]
    signer = [p.text for p in document.tables[-1].rows[0].cells[1].paragraphs]
    assert signer[:2] == ["T/M ĐẢNG ỦY", "BÍ THƯ"]
