"""What the secretary's console, the chair's view and the hall display say."""

from __future__ import annotations

from typing import Any

from shared.i18n import render

STRINGS: dict[str, dict[str, str]] = {
    "col_no": {"vi": "Số", "en": "No."},
    "col_name": {"vi": "Họ tên", "en": "Name"},
    "col_village": {"vi": "Thôn", "en": "Village"},
    "col_field": {"vi": "Lĩnh vực", "en": "Field"},
    "col_status": {"vi": "Trạng thái", "en": "Status"},
    "col_waited": {"vi": "Chờ", "en": "Waited"},
    "col_summary": {"vi": "Nội dung", "en": "Summary"},
    "col_official": {"vi": "Người trả lời", "en": "Answered by"},
    "col_outcome": {"vi": "Kết quả", "en": "Outcome"},
    "col_body": {"vi": "Cơ quan", "en": "Body"},
    "col_deadline": {"vi": "Hạn", "en": "Deadline"},
    "col_meeting": {"vi": "Hội nghị", "en": "Meeting"},
    "minutes": {"vi": "{n} ph", "en": "{n} min"},
    "registration_open": {"vi": "ĐANG MỞ ĐĂNG KÝ", "en": "REGISTRATION OPEN"},
    "registration_closed": {"vi": "ĐÃ ĐÓNG ĐĂNG KÝ", "en": "REGISTRATION CLOSED"},
    "step": {"vi": "Chương trình: {step}", "en": "Program: {step}"},
    "nobody": {"vi": "Chưa gọi ai lên phát biểu.", "en": "Nobody at the lectern."},
    "called": {"vi": "ĐÃ GỌI", "en": "CALLED"},
    "speaking": {"vi": "ĐANG PHÁT BIỂU", "en": "SPEAKING"},
    "paused": {"vi": "TẠM DỪNG", "en": "PAUSED"},
    "questions_of": {"vi": "Câu hỏi của số {number}", "en": "Questions of number {number}"},
    "scan_placeholder": {
        "vi": "Quét phiếu hoặc tìm tên (không cần dấu)…",
        "en": "Scan a ticket or find a name (diacritics optional)…",
    },
    "scanned": {"vi": "Phiếu số {number}: {name}", "en": "Ticket {number}: {name}"},
    "not_found": {"vi": 'Không tìm thấy "{text}".', "en": 'Nothing matches "{text}".'},
    "select_row": {"vi": "Chọn một dòng trước.", "en": "Select a row first."},
    "select_question": {"vi": "Chọn một câu hỏi trước.", "en": "Select a question first."},
    "reprinted": {"vi": "Đã gửi in lại phiếu số {number}.", "en": "Reprint of {number} sent."},
    "reprint_sent": {
        "vi": "Đã gửi in lại phiếu số {number}, chưa xác nhận.",
        "en": "Reprint of {number} sent, not confirmed.",
    },
    "print_failed": {"vi": "Chưa in được: {reason}", "en": "Did not print: {reason}"},
    "saved": {"vi": "Đã lưu.", "en": "Saved."},
    "number_prompt": {"vi": "Số phiếu", "en": "Ticket number"},
    "place_prompt": {"vi": "Chuyển số {number} đến vị trí", "en": "Move {number} to place"},
    "ok": {"vi": "Đồng ý", "en": "OK"},
    "cancel": {"vi": "Hủy", "en": "Cancel"},
    "walk_in": {"vi": "Thêm người phát biểu tại chỗ", "en": "Add a walk-in speaker"},
    "written": {"vi": "Câu hỏi bằng văn bản", "en": "Written question"},
    "question": {"vi": "Câu hỏi của số {number}", "en": "Question of number {number}"},
    "outcome": {"vi": "Kết quả câu hỏi #{number}", "en": "Outcome of question #{number}"},
    "conclusion": {"vi": "Kết luận của chủ tọa", "en": "Chair's conclusion"},
    "name": {"vi": "Họ tên", "en": "Name"},
    "village": {"vi": "Thôn / tổ", "en": "Village"},
    "field": {"vi": "Lĩnh vực", "en": "Field"},
    "summary": {"vi": "Nội dung", "en": "Summary"},
    "phone": {"vi": "Điện thoại", "en": "Phone"},
    "kind": {"vi": "Loại", "en": "Kind"},
    "official": {"vi": "Người trả lời (để trống: chủ tọa)", "en": "Answered by (blank: the chair)"},
    "consent": {
        "vi": "Công dân đã đồng ý cho ghi thông tin (phiếu giấy hoặc lời nói)",
        "en": "The citizen consented (on paper or aloud)",
    },
    "answer": {"vi": "Trả lời tóm tắt", "en": "Answer in brief"},
    "body": {"vi": "Cơ quan chịu trách nhiệm", "en": "Responsible body"},
    "deadline": {"vi": "Hạn trả lời", "en": "Deadline"},
    "basis": {"vi": "Căn cứ: {basis}", "en": "Basis: {basis}"},
    "level": {"vi": "Cấp có thẩm quyền", "en": "Level"},
    "document": {"vi": "Số văn bản chuyển", "en": "Transfer document no."},
    "next_up": {"vi": "TIẾP THEO", "en": "NEXT"},
    "now_speaking": {"vi": "ĐANG PHÁT BIỂU", "en": "NOW SPEAKING"},
    "totals": {
        "vi": "Đăng ký {registered} · Đã phát biểu {spoken} · Trả lời tại chỗ {answered} · Chờ trả lời {pending} · Chuyển {transferred} · Văn bản {written}",
        "en": "Registered {registered} · Spoken {spoken} · Answered {answered} · Pending {pending} · Transferred {transferred} · Written {written}",
    },
    "pending_heading": {
        "vi": "Kiến nghị chưa giải quyết, theo cơ quan",
        "en": "Pending items by body",
    },
    "overdue_heading": {
        "vi": "Quá hạn từ các hội nghị trước",
        "en": "Overdue from earlier meetings",
    },
    "no_body": {"vi": "(chưa giao cơ quan)", "en": "(no body yet)"},
}


def t(key: str, lang: str, **params: Any) -> str:
    return render(STRINGS, key, lang, **params)


def clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
