import unicodedata
from pathlib import Path

import pytest

from shared import reference
from shared.db import Store
from shared.i18n import UserError
from shared.importing import import_csv
from tests.conftest import snapshot

TONES = "\u0300\u0301\u0303\u0309\u0323"
OFFICIALS = (
    "Họ tên,Chức vụ,Cơ quan\n"
    "Nguyễn Văn Hùng,Chủ tịch UBND xã,Văn phòng HĐND và UBND xã\n"
    "Lê Thị Thanh,Công chức Văn phòng - Thống kê,Văn phòng HĐND và UBND xã\n"
    "Đinh Công Tráng,Trưởng phòng,Phòng Kinh tế hạ tầng\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    return path


def windows_vietnamese(text: str) -> str:
    """CP1258 has the letters with their own marks (ă, ơ, ư ...) but the tones only as
    combining characters: split each letter it lacks into the two."""
    out = []
    for char in text:
        try:
            char.encode("cp1258")
            out.append(char)
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            tone = "".join(c for c in parts if c in TONES)
            out.append(unicodedata.normalize("NFC", parts.replace(tone, "")) + tone)
    return "".join(out)


def test_officials_with_vietnamese_headers_and_new_bodies(store: Store, tmp_path: Path) -> None:
    result = import_csv(store, "officials", write(tmp_path, OFFICIALS))
    assert (result.added, result.skipped) == (3, 0)
    assert reference.find_official(store, "dinh cong trang")["body_name"] == "Phòng Kinh tế hạ tầng"
    again = import_csv(store, "officials", write(tmp_path, OFFICIALS))
    assert (again.added, again.skipped) == (0, 3)


def test_utf8_with_bom_from_excel_is_read(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "Thôn;Ghi chú\nThôn Đông;\nThôn Đoài;\n", "utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    import_csv(store, "villages", path)
    assert reference.names(store, "villages") == ["Thôn Đoài", "Thôn Đông"]


def test_windows_vietnamese_is_refused_unless_named(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, windows_vietnamese("Lĩnh vực\nĐất đai\nGiáo dục\n"), "cp1258")
    before = snapshot(store)
    with pytest.raises(UserError, match="UTF-8") as refused:
        import_csv(store, "fields", path)
    assert "cp1258" in refused.value.message("vi")
    assert snapshot(store) == before
    import_csv(store, "fields", path, encoding="cp1258")
    assert reference.names(store, "fields") == ["Đất đai", "Giáo dục"]


def test_missing_column_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match='The\\ file\\ has\\ no\\ "') as refused:
        import_csv(store, "officials", write(tmp_path, "Chức vụ,Cơ quan\nChủ tịch,UBND\n"))
    assert "name" in refused.value.message("en")


def test_a_repeated_row_refuses_the_whole_file(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    text = "name\nThôn Đông\nThôn Đoài\nthon dong\n"
    with pytest.raises(
        UserError, match=";\\ nothing\\ was\\ imported\\.\\ Fix\\ the\\ file\\ and\\ retry\\."
    ) as refused:
        import_csv(store, "villages", write(tmp_path, text))
    assert refused.value.message("vi").startswith("Dòng 4 trùng với dòng 2;")
    assert snapshot(store) == before


def test_a_bad_row_refuses_the_whole_file(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    text = "name\nThôn Đông\nThôn\x1bĐoài\n"
    with pytest.raises(UserError, match="Nothing\\ was\\ imported\\.") as refused:
        import_csv(store, "villages", write(tmp_path, text))
    assert refused.value.message("vi").startswith("Dòng 3:")
    assert snapshot(store) == before


def test_opinions_become_standalone_questions(store: Store, meeting: int, tmp_path: Path) -> None:
    text = (
        "Người kiến nghị,Thôn,Nội dung,Lĩnh vực,Loại,Số người\n"
        "Hội Phụ nữ xã,Thôn Trung,Đề nghị mở lớp dạy nghề,Khác,kiến nghị,12\n"
        ",Thôn Hạ,Ô nhiễm từ lò gạch,Môi trường,phản ánh,\n"
    )
    assert import_csv(store, "opinions", write(tmp_path, text), meeting).added == 2
    rows = store.all("SELECT * FROM questions ORDER BY number")
    assert [(r["source"], r["raised_by"], r["people"], r["kind"]) for r in rows] == [
        ("pre_collected", "Hội Phụ nữ xã", 12, "kien_nghi"),
        ("pre_collected", "", 1, "phan_anh"),
    ]
    assert import_csv(store, "opinions", write(tmp_path, text), meeting).added == 0


def test_missing_file_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="Cannot\\ read"):
        import_csv(store, "fields", tmp_path / "nope.csv")
