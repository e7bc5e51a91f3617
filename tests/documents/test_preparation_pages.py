"""The papers before the meeting as printed (LibreOffice, Liberation Serif): the public
notice on one page, each cover letter on one page, the closing of both whole with the
body's last line above it; the briefing's counts and late bodies on page one, the
opinions from page two, no opinion cut by a page break."""

from __future__ import annotations

import pytest

from tests.documents.pages import closing_problems, need_tools, pages, to_pdf
from tests.documents.preparation import PREPARED
from tests.documents.test_preparation import papers

Printed = dict[str, list[list[str]]]


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    need_tools()
    root = tmp_path_factory.mktemp("prepared-pages")
    docs = {}
    for kind in PREPARED:
        for name, path in papers(root / kind, kind).items():
            copy = root / "docx" / f"{kind}-{name}"
            copy.parent.mkdir(exist_ok=True)
            copy.write_bytes(path.read_bytes())
            docs[f"{kind} {name}"] = copy
    pdfs = to_pdf(list(docs.values()), root / "pdf")
    return {key: pages(pdfs[path]) for key, path in docs.items()}


ONE_PAGE = [
    ("commune", "thong-bao-to-chuc.docx", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "- Lưu: VT, VP."]),
    ("party", "thong-bao-to-chuc.docx", ["T/M ĐẢNG ỦY", "BÍ THƯ", "- Lưu Văn phòng Đảng ủy."]),
    ("commune", "de-nghi-tra-loi-phong-kinh-te.docx", ["TM. ỦY BAN NHÂN DÂN", "- Như trên;"]),
    ("commune", "de-nghi-tra-loi-tram-y-te-xa.docx", ["TM. ỦY BAN NHÂN DÂN", "- Như trên;"]),
    ("party", "de-nghi-tra-loi-phong-van-hoa-xa-hoi.docx", ["T/M ĐẢNG ỦY", "- Như trên;"]),
]


@pytest.mark.parametrize(("kind", "name", "closing"), ONE_PAGE)
def test_a_notice_or_a_letter_is_one_page_with_its_closing(
    printed: Printed, kind: str, name: str, closing: list[str]
) -> None:
    found = printed[f"{kind} {name}"]
    assert len(found) == 1, f"{kind} {name}: {len(found)} pages"
    assert not closing_problems(found, closing)


@pytest.mark.parametrize("kind", list(PREPARED))
def test_the_briefing_counts_on_page_one_and_opinions_from_page_two(
    printed: Printed, kind: str
) -> None:
    found = printed[f"{kind} tai-lieu-chu-toa.docx"]
    first = " ".join(found[0])
    assert "I. TỔNG HỢP" in first and "1. Theo lĩnh vực" in first
    late = "Phòng Kinh tế: 1 nội dung chưa trả lời, hạn 29/01/2026, quá hạn 4 ngày."
    assert late in first if kind == "commune" else "Không có cơ quan chậm" in first
    assert "II. Ý KIẾN" not in first
    assert found[1][0] == "II. Ý KIẾN, KIẾN NGHỊ THEO LĨNH VỰC"
    for page in found[1:]:  # each page starts with a field or an opinion, never mid-opinion
        assert page[0].startswith(("II.", "1.", "2.", "3.", "4.")), page[:2]
