"""What the kiosk says, in Vietnamese and English. Short sentences, plain words: many
citizens at the door are elderly and unused to computers."""

from __future__ import annotations

from typing import Any

from shared.i18n import render

STRINGS: dict[str, dict[str, str]] = {
    "title": {"vi": "ĐĂNG KÝ PHÁT BIỂU", "en": "REGISTER TO SPEAK"},
    "press_enter": {
        "vi": "Nhấn phím Enter để bắt đầu đăng ký",
        "en": "Press Enter to start",
    },
    "language_hint": {"vi": "Ctrl+T: English", "en": "Ctrl+T: Tiếng Việt"},
    "when_where": {"vi": "Ngày {date}, {time} · {place}", "en": "{date}, {time} · {place}"},
    "no_meeting": {
        "vi": "Hiện chưa có hội nghị nào mở đăng ký phát biểu.",
        "en": "No meeting is taking registrations now.",
    },
    "closed": {
        "vi": "Đã hết thời gian đăng ký phát biểu.\nBạn vẫn có thể gửi câu hỏi bằng văn bản cho thư ký hội nghị.",
        "en": "Registration to speak is closed.\nYou can still hand a written question to the secretary.",
    },
    "form_heading": {"vi": "Thông tin đăng ký phát biểu", "en": "Your registration"},
    "name": {"vi": "Họ và tên *", "en": "Full name *"},
    "village": {"vi": "Thôn / tổ dân phố", "en": "Village / group"},
    "org": {"vi": "Tổ chức đại diện", "en": "Organisation"},
    "field": {"vi": "Lĩnh vực", "en": "Field"},
    "summary": {"vi": "Nội dung tóm tắt", "en": "Your question"},
    "phone": {"vi": "Số điện thoại", "en": "Phone"},
    "name_hint": {"vi": "Ví dụ: Nguyễn Văn An", "en": "e.g. Nguyễn Văn An"},
    "village_hint": {"vi": "Gõ vài chữ đầu, phím → để chọn", "en": "Type, then → to complete"},
    "org_hint": {"vi": "Không bắt buộc", "en": "Optional"},
    "field_prompt": {"vi": "Chọn lĩnh vực (Enter)", "en": "Choose a field (Enter)"},
    "summary_hint": {
        "vi": "Không bắt buộc, tối đa {max} ký tự",
        "en": "Optional, {max} characters at most",
    },
    "phone_hint": {
        "vi": "Không bắt buộc, để nhận kết quả trả lời",
        "en": "Optional, to receive the answer",
    },
    "count": {"vi": "{count}/{max} ký tự", "en": "{count}/{max} characters"},
    "continue": {"vi": "Tiếp tục", "en": "Continue"},
    "cancel": {"vi": "Hủy", "en": "Cancel"},
    "fix_errors": {
        "vi": "Vui lòng sửa các ô được đánh dấu.",
        "en": "Please correct the marked fields.",
    },
    "consent_heading": {
        "vi": "Đồng ý sử dụng thông tin cá nhân",
        "en": "Consent to use your personal data",
    },
    "consent_what": {
        "vi": "Thông tin được ghi: {items}.",
        "en": "We record: {items}.",
    },
    "consent_items": {
        "vi": "họ tên, thôn/tổ, tổ chức, lĩnh vực, nội dung câu hỏi",
        "en": "name, village, organisation, field, your question",
    },
    "consent_phone": {"vi": "số điện thoại", "en": "phone number"},
    "consent_why": {
        "vi": "Để mời bạn phát biểu theo thứ tự, ghi biên bản hội nghị và báo kết quả trả lời cho bạn.",
        "en": "To call you to speak in turn, to write the minutes and to tell you the answer.",
    },
    "consent_who": {"vi": "Đơn vị giữ thông tin: {body}.", "en": "Kept by: {body}."},
    "consent_how_long": {
        "vi": "Thời gian lưu: {months} tháng sau khi kiến nghị của bạn được giải quyết xong, sau đó xóa họ tên, thôn và số điện thoại.",
        "en": "Kept for {months} months after your questions are resolved; then name, village and phone are erased.",
    },
    "consent_rights": {
        "vi": "Bạn có quyền xem, sửa hoặc rút lại sự đồng ý bất cứ lúc nào qua thư ký hội nghị.",
        "en": "You may see, correct or withdraw your consent at any time through the secretary.",
    },
    "agree": {"vi": "Tôi đồng ý", "en": "I agree"},
    "disagree": {"vi": "Không đồng ý", "en": "I do not agree"},
    "refused": {
        "vi": "Bạn chưa đồng ý nên chưa thể đăng ký. Bạn vẫn có thể gửi câu hỏi bằng văn bản cho thư ký.",
        "en": "Without your consent we cannot register you. You can still hand a written question to the secretary.",
    },
    "duplicate": {
        "vi": "Đã có người đăng ký cùng họ tên và thôn/tổ.\nĐây có phải là bạn không?",
        "en": "Someone with this name and village is already registered.\nIs that you?",
    },
    "duplicate_yes": {"vi": "Đúng, là tôi", "en": "Yes, that is me"},
    "duplicate_no": {"vi": "Không, người khác", "en": "No, someone else"},
    "duplicate_known": {
        "vi": "Bạn đã đăng ký rồi. Nếu mất phiếu, thư ký sẽ tra cứu và in lại cho bạn.",
        "en": "You are already registered. If you lost the ticket, the secretary will look it up and reprint it.",
    },
    "your_number": {"vi": "SỐ CỦA BẠN", "en": "YOUR NUMBER"},
    "code": {"vi": "Mã tra cứu: {code}", "en": "Lookup code: {code}"},
    "ahead": {"vi": "Trước bạn còn {ahead} người", "en": "{ahead} ahead of you"},
    "estimate": {"vi": "Dự kiến được mời lúc khoảng {time}", "en": "Expected around {time}"},
    "printing": {"vi": "Đang in phiếu…", "en": "Printing your ticket…"},
    "printed": {
        "vi": "Đã in phiếu. Vui lòng lấy phiếu.",
        "en": "Your ticket is printed. Please take it.",
    },
    "print_sent": {
        "vi": "Đã gửi phiếu đến máy in, chưa xác nhận. Nếu không thấy phiếu, Ông/Bà hãy ghi nhớ số {number}: thư ký sẽ in lại.",
        "en": "Sent to the printer, not confirmed. If no ticket comes out, please remember number {number}: the secretary will reprint it.",
    },
    "print_failed": {
        "vi": "Máy in chưa in được phiếu. Hãy ghi nhớ số {number}: thư ký sẽ in lại phiếu cho bạn.",
        "en": "The printer could not print your ticket. Remember number {number}: the secretary will reprint it.",
    },
    "finish": {"vi": "Nhấn Enter để hoàn tất", "en": "Press Enter to finish"},
    "pin_heading": {"vi": "Mã PIN của cán bộ vận hành", "en": "Operator PIN"},
    "pin_wrong": {"vi": "Mã PIN không đúng.", "en": "Wrong PIN."},
    "exit": {"vi": "Thoát ứng dụng", "en": "Exit"},
    "switch": {"vi": "Chuyển sang hội nghị {meeting}", "en": "Switch to meeting {meeting}"},
}


def t(key: str, lang: str, **params: Any) -> str:
    return render(STRINGS, key, lang, **params)
