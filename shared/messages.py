"""The message catalogue: key -> {"vi": ..., "en": ...}. Vietnamese is the default.

Parameters in braces are filled in by `shared.i18n.tr`; a parameter that is a `Label`
is itself looked up here.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- labels of fields, shown inside other messages ---
    "label_name": {"vi": "Họ và tên", "en": "Full name"},
    "label_village": {"vi": "Thôn / tổ dân phố", "en": "Village / residential group"},
    "label_org": {"vi": "Tổ chức đại diện", "en": "Organisation represented"},
    "label_field": {"vi": "Lĩnh vực", "en": "Field"},
    "label_summary": {"vi": "Nội dung", "en": "Summary"},
    "label_phone": {"vi": "Số điện thoại", "en": "Phone"},
    "label_answer": {"vi": "Nội dung trả lời", "en": "Answer"},
    "label_body": {"vi": "Cơ quan chịu trách nhiệm", "en": "Responsible body"},
    "label_level": {"vi": "Cấp", "en": "Level"},
    "label_document": {"vi": "Số văn bản chuyển", "en": "Transfer document number"},
    "label_official": {"vi": "Cán bộ", "en": "Official"},
    "label_position": {"vi": "Chức vụ", "en": "Position"},
    "label_title": {"vi": "Tên hội nghị", "en": "Title"},
    "label_place": {"vi": "Địa điểm", "en": "Place"},
    "label_issuing_body": {"vi": "Cơ quan ban hành", "en": "Issuing body"},
    "label_parent_body": {"vi": "Cơ quan chủ quản", "en": "Parent body"},
    "label_chair": {"vi": "Chủ trì", "en": "Chair"},
    "label_co_chair": {"vi": "Đồng chủ trì", "en": "Co-chair"},
    "label_secretary": {"vi": "Thư ký", "en": "Secretary"},
    "label_note": {"vi": "Ghi chú", "en": "Note"},
    "label_reason": {"vi": "Lý do", "en": "Reason"},
    "label_how": {"vi": "Hình thức thông báo", "en": "How the citizen was told"},
    "label_step": {"vi": "Bước trong chương trình", "en": "Program step"},
    "label_conclusion": {"vi": "Kết luận của chủ tọa", "en": "Chair's conclusion"},
    # --- statuses, actions, outcomes, kinds ---
    "status_waiting": {"vi": "đang chờ", "en": "waiting"},
    "status_called": {"vi": "đã gọi", "en": "called"},
    "status_speaking": {"vi": "đang phát biểu", "en": "speaking"},
    "status_done": {"vi": "đã phát biểu", "en": "done"},
    "status_no_show": {"vi": "vắng mặt", "en": "no-show"},
    "status_withdrawn": {"vi": "đã rút", "en": "withdrawn"},
    "action_call": {"vi": "gọi", "en": "call"},
    "action_start": {"vi": "bắt đầu phát biểu", "en": "start speaking"},
    "action_stop": {"vi": "kết thúc phát biểu", "en": "stop speaking"},
    "action_no_show": {"vi": "ghi vắng mặt", "en": "mark as no-show"},
    "action_recall": {"vi": "gọi lại", "en": "recall"},
    "action_withdraw": {"vi": "rút đăng ký", "en": "withdraw"},
    "action_move": {"vi": "đổi thứ tự", "en": "move"},
    "outcome_none": {"vi": "chưa có kết quả", "en": "no outcome yet"},
    "outcome_answered": {"vi": "đã trả lời tại hội nghị", "en": "answered at the meeting"},
    "outcome_pending": {"vi": "tiếp thu, trả lời sau", "en": "pending"},
    "outcome_transferred": {"vi": "chuyển cơ quan có thẩm quyền", "en": "transferred"},
    "outcome_written": {"vi": "trả lời bằng văn bản", "en": "written reply"},
    "outcome_withdrawn": {"vi": "rút ý kiến", "en": "withdrawn"},
    "kind_kien_nghi": {"vi": "kiến nghị", "en": "petition"},
    "kind_phan_anh": {"vi": "phản ánh", "en": "report"},
    "kind_khieu_nai": {"vi": "khiếu nại", "en": "complaint"},
    "kind_to_cao": {"vi": "tố cáo", "en": "denunciation"},
    # --- column headers ---
    "col_number": {"vi": "Số", "en": "No."},
    "col_name": {"vi": "Họ tên", "en": "Name"},
    "col_village": {"vi": "Thôn", "en": "Village"},
    "col_field": {"vi": "Lĩnh vực", "en": "Field"},
    "col_status": {"vi": "Trạng thái", "en": "Status"},
    "col_waited": {"vi": "Chờ (phút)", "en": "Waited (min)"},
    "col_outcome": {"vi": "Kết quả", "en": "Outcome"},
    "col_official": {"vi": "Người trả lời", "en": "Answered by"},
    "col_summary": {"vi": "Nội dung", "en": "Summary"},
    "col_deadline": {"vi": "Hạn", "en": "Deadline"},
    "col_body": {"vi": "Cơ quan", "en": "Body"},
    # --- errors ---
    "error_prefix": {"vi": "Lỗi", "en": "Error"},
    "text_empty": {"vi": "{field} không được để trống.", "en": "{field} must not be empty."},
    "text_too_long": {
        "vi": "{field} quá dài: {length} ký tự, tối đa {max}.",
        "en": "{field} is too long: {length} characters, at most {max}.",
    },
    "text_bad_char": {
        "vi": "{field} chứa ký tự điều khiển hoặc ký tự ẩn ({code}); vui lòng nhập lại.",
        "en": "{field} contains a control or invisible character ({code}); please retype it.",
    },
    "phone_invalid": {
        "vi": "Số điện thoại không hợp lệ: {phone}. Nhập dạng 0xxxxxxxxx hoặc +84xxxxxxxxx.",
        "en": "Not a Vietnamese phone number: {phone}. Use 0xxxxxxxxx or +84xxxxxxxxx.",
    },
    "people_invalid": {
        "vi": "Số người không hợp lệ: {people}.",
        "en": "Invalid number of people: {people}.",
    },
    "kind_invalid": {
        "vi": "Loại không hợp lệ: {kind}. Chọn kiến nghị, phản ánh, khiếu nại hoặc tố cáo.",
        "en": "Unknown kind: {kind}. Use kien_nghi, phan_anh, khieu_nai or to_cao.",
    },
    "source_invalid": {"vi": "Nguồn không hợp lệ: {source}.", "en": "Unknown source: {source}."},
    "consent_required": {
        "vi": "Cần có sự đồng ý của công dân về việc xử lý dữ liệu cá nhân (--consent).",
        "en": "The citizen's consent to the privacy notice is required (--consent).",
    },
    "registration_closed": {
        "vi": "Đã hết thời gian đăng ký phát biểu.",
        "en": "Registration to speak is closed.",
    },
    "meeting_unknown": {
        "vi": "Không có hội nghị số {meeting}.",
        "en": "There is no meeting {meeting}.",
    },
    "meeting_closed": {
        "vi": "Hội nghị {meeting} đã kết thúc; không thể thay đổi.",
        "en": "Meeting {meeting} is closed; it can no longer be changed.",
    },
    "meeting_not_open": {
        "vi": "Hội nghị {meeting} chưa khai mạc.",
        "en": "Meeting {meeting} is not open.",
    },
    "meeting_already_open": {
        "vi": "Hội nghị {meeting} đang diễn ra.",
        "en": "Meeting {meeting} is already open.",
    },
    "meeting_already_closed": {
        "vi": "Hội nghị {meeting} đã kết thúc.",
        "en": "Meeting {meeting} is already closed.",
    },
    "meeting_has_speaker": {
        "vi": "Số {number} vẫn đang ở bục phát biểu; hãy kết thúc trước khi bế mạc.",
        "en": "Number {number} is still at the lectern; finish before closing the meeting.",
    },
    "meeting_field_missing": {
        "vi": "Thiếu thông tin hội nghị: {field}.",
        "en": "A meeting needs its {field}.",
    },
    "meeting_key_unknown": {"vi": "Không có mục {key}.", "en": "No such setting: {key}."},
    "meeting_required": {
        "vi": "Cần chọn hội nghị (--meeting).",
        "en": "Name the meeting (--meeting).",
    },
    "no_open_meeting": {
        "vi": "Không có hội nghị nào đang diễn ra; chọn bằng --meeting.",
        "en": "No meeting is open; name one with --meeting.",
    },
    "several_open_meetings": {
        "vi": "Có nhiều hội nghị đang diễn ra ({ids}); chọn bằng --meeting.",
        "en": "Several meetings are open ({ids}); name one with --meeting.",
    },
    "status_invalid": {
        "vi": "Trạng thái không hợp lệ: {status}.",
        "en": "Unknown status: {status}.",
    },
    "level_invalid": {
        "vi": "Cấp không hợp lệ: {level} (chọn: {choices}).",
        "en": "Unknown level: {level} (choose: {choices}).",
    },
    "speaking_time_invalid": {
        "vi": "Thời gian phát biểu phải từ 10 đến 3600 giây (nhận {seconds}).",
        "en": "Speaking time must be 10 to 3600 seconds (got {seconds}).",
    },
    "date_invalid": {
        "vi": "Ngày không hợp lệ: {text}. Nhập dạng 05/01/2026 hoặc 2026-01-05.",
        "en": "Not a date: {text}. Use 2026-01-05 or 05/01/2026.",
    },
    "time_invalid": {
        "vi": "Giờ không hợp lệ: {text}. Nhập dạng 08:00.",
        "en": "Not a time: {text}. Use 08:00.",
    },
    "rule_invalid": {
        "vi": 'Thời hạn không hợp lệ: {text}. Nhập dạng "30 calendar" hoặc "10 working".',
        "en": 'Not a time limit: {text}. Use "30 calendar" or "10 working".',
    },
    "ticket_unknown": {"vi": "Không có phiếu số {number}.", "en": "There is no ticket {number}."},
    "code_invalid": {
        "vi": "Mã tra cứu không hợp lệ: {code}.",
        "en": "Not a lookup code: {code}.",
    },
    "code_unknown": {"vi": "Không tìm thấy mã {code}.", "en": "No ticket has the code {code}."},
    "payload_malformed": {
        "vi": "Mã QR không phải phiếu của hệ thống này.",
        "en": "This QR code is not a hallkit ticket.",
    },
    "payload_forged": {
        "vi": "Phiếu KHÔNG HỢP LỆ: chữ ký không đúng (phiếu giả hoặc bị sửa).",
        "en": "INVALID ticket: the signature does not match (forged or altered).",
    },
    "payload_other_meeting": {
        "vi": "Phiếu của hội nghị khác (hội nghị {meeting}).",
        "en": "This ticket belongs to another meeting (meeting {meeting}).",
    },
    "transition_refused": {
        "vi": "Không thể {action} số {number}: số này {status}.",
        "en": "Cannot {action} number {number}: it is {status}.",
    },
    "lectern_busy": {
        "vi": "Số {number} đang ở bục phát biểu; kết thúc hoặc ghi vắng mặt trước.",
        "en": "Number {number} is at the lectern; finish or mark no-show first.",
    },
    "queue_empty": {"vi": "Không còn ai đang chờ.", "en": "Nobody is waiting."},
    "nobody_called": {"vi": "Chưa gọi ai lên phát biểu.", "en": "Nobody has been called."},
    "cannot_pause": {
        "vi": "Số {number} không đang phát biểu nên không thể tạm dừng.",
        "en": "Number {number} is not speaking, so the timer cannot pause.",
    },
    "cannot_resume": {
        "vi": "Đồng hồ của số {number} không tạm dừng.",
        "en": "The timer of number {number} is not paused.",
    },
    "not_an_item": {
        "vi": "Câu hỏi #{question} không phải kiến nghị cần theo dõi.",
        "en": "Question #{question} is not an item to follow up.",
    },
    "item_closed": {"vi": "Kiến nghị #{question} đã đóng.", "en": "Item #{question} is closed."},
    "extension_not_later": {
        "vi": "Hạn mới {deadline} phải sau hạn hiện tại {current}.",
        "en": "The new deadline {deadline} must be after the current one, {current}.",
    },
    "satisfaction_invalid": {
        "vi": "Mức độ hài lòng không hợp lệ: {value} (chọn: {choices}).",
        "en": "Unknown satisfaction: {value} (choose: {choices}).",
    },
    "period_invalid": {
        "vi": "Kỳ báo cáo không hợp lệ: {period} (ví dụ: 2026-Q1, 2026-H1, 2026-9M, 2026, 2026-03).",
        "en": "Not a report period: {period} (e.g. 2026-Q1, 2026-H1, 2026-9M, 2026, 2026-03).",
    },
    "nothing_to_purge": {
        "vi": "Không có dữ liệu cá nhân nào đủ điều kiện ẩn danh.",
        "en": "No personal data is due for anonymisation.",
    },
    "merge_same_file": {
        "vi": "Không thể gộp cơ sở dữ liệu vào chính nó.",
        "en": "A database cannot be merged into itself.",
    },
    "step_unknown": {
        "vi": "Không có bước {step} trong chương trình.",
        "en": "There is no step {step} in the program.",
    },
    "nothing_to_undo": {"vi": "Không còn thao tác nào để hoàn tác.", "en": "Nothing left to undo."},
    "place_invalid": {
        "vi": "Vị trí {place} không hợp lệ: hàng chờ có {count} người.",
        "en": "Place {place} is out of range: {count} are waiting.",
    },
    "question_unknown": {
        "vi": "Không có câu hỏi số {question}.",
        "en": "There is no question {question}.",
    },
    "outcome_invalid": {
        "vi": "Kết quả không hợp lệ: {outcome} (chọn: {choices}).",
        "en": "Unknown outcome: {outcome} (choose: {choices}).",
    },
    "deadline_before_meeting": {
        "vi": "Hạn {deadline} sớm hơn ngày hội nghị.",
        "en": "The deadline {deadline} is before the meeting.",
    },
    "field_unknown": {
        "vi": 'Không có lĩnh vực "{field}". Chọn: {choices}.',
        "en": 'No field "{field}". Choose: {choices}.',
    },
    "body_unknown": {"vi": 'Không có cơ quan "{body}".', "en": 'No body "{body}".'},
    "official_unknown": {
        "vi": 'Không có cán bộ "{official}".',
        "en": 'No official "{official}".',
    },
    "official_ambiguous": {
        "vi": 'Có {count} cán bộ khớp với "{official}"; nhập rõ hơn hoặc dùng số id.',
        "en": '{count} officials match "{official}"; be more precise or give the id.',
    },
    "reference_duplicate": {
        "vi": '"{name}" đã có trong danh sách.',
        "en": '"{name}" is already listed.',
    },
    "language_unknown": {
        "vi": "Ngôn ngữ không hỗ trợ: {lang} (chọn: {choices}).",
        "en": "Unsupported language: {lang} (choose: {choices}).",
    },
    "config_missing": {
        "vi": "Không tìm thấy tệp cấu hình {path}.",
        "en": "No config file at {path}.",
    },
    "config_invalid": {
        "vi": "Tệp cấu hình {path} bị lỗi: {reason}",
        "en": "The config file {path} is not valid TOML: {reason}",
    },
    "config_key_unknown": {
        "vi": "Mục cấu hình không được hỗ trợ: {key}.",
        "en": "Unknown setting in the config: {key}.",
    },
    "config_key_invalid": {
        "vi": "Giá trị cấu hình không hợp lệ: {key}.",
        "en": "Invalid value for the setting {key}.",
    },
    "db_cannot_open": {
        "vi": "Không mở được cơ sở dữ liệu {path}: {reason}",
        "en": "Cannot open the database {path}: {reason}",
    },
    "db_damaged": {
        "vi": "Cơ sở dữ liệu {path} bị hỏng; hãy dùng bản sao lưu.",
        "en": "The database {path} is damaged; restore a backup.",
    },
    "db_full": {
        "vi": "Ổ đĩa đã đầy; không lưu được. Không có dữ liệu nào bị mất. ({reason})",
        "en": "The disk is full; nothing was saved and nothing was lost. ({reason})",
    },
    "db_busy": {
        "vi": "Cơ sở dữ liệu đang bận; vui lòng thử lại. ({reason})",
        "en": "The database is busy; please try again. ({reason})",
    },
    "usage_error": {
        "vi": "Lệnh chưa đúng ({reason}). Xem thêm: --help",
        "en": "{reason}. See --help",
    },
    "db_missing": {
        "vi": 'Không có cơ sở dữ liệu {path}. Tạo mới bằng "hallkit init" hoặc "hallkit demo", hoặc kiểm tra --db / HALLKIT_DB.',
        "en": 'No database at {path}. Create one with "hallkit init" or "hallkit demo", or check --db / HALLKIT_DB.',
    },
    "db_error": {
        "vi": "Lỗi cơ sở dữ liệu: {reason}. Không có gì bị thay đổi.",
        "en": "Database error: {reason}. Nothing was changed.",
    },
    "csv_unreadable": {
        "vi": "Không đọc được tệp CSV {path}: {reason}",
        "en": "Cannot read the CSV {path}: {reason}",
    },
    "os_error": {"vi": "Lỗi hệ thống tệp: {reason}", "en": "File system error: {reason}"},
    "file_unreadable": {
        "vi": "Không đọc được tệp {path}: {reason}",
        "en": "Cannot read {path}: {reason}",
    },
    "csv_not_utf8": {
        "vi": 'Tệp {path} không ở dạng UTF-8. Trong Excel hãy lưu "CSV UTF-8", '
        "hoặc thêm --encoding cp1258 nếu tệp lưu bằng bảng mã Windows.",
        "en": '{path} is not UTF-8. Save it from Excel as "CSV UTF-8", or add '
        "--encoding cp1258 for a Windows-Vietnamese file.",
    },
    "encoding_unknown": {
        "vi": "Bảng mã không hỗ trợ: {encoding}.",
        "en": "Unknown encoding: {encoding}.",
    },
    "csv_empty": {"vi": "Tệp {path} không có dữ liệu.", "en": "{path} is empty."},
    "csv_column_missing": {
        "vi": 'Tệp thiếu cột "{column}" (tiêu đề: {expected}).',
        "en": 'The file has no "{column}" column (header: {expected}).',
    },
    "csv_duplicate_row": {
        "vi": "Dòng {line} trùng với dòng {first}; không nhập gì. Hãy sửa tệp rồi nhập lại.",
        "en": "Line {line} repeats line {first}; nothing was imported. Fix the file and retry.",
    },
    "csv_row_invalid": {
        "vi": "Dòng {line}: {reason} Không nhập gì.",
        "en": "Line {line}: {reason} Nothing was imported.",
    },
    "import_kind_unknown": {
        "vi": "Không nhập được loại {kind} (chọn: {choices}).",
        "en": "Cannot import {kind} (choose: {choices}).",
    },
    "override_kind_invalid": {
        "vi": "Loại ngày không hợp lệ: {kind} (off hoặc work).",
        "en": "Unknown kind of day: {kind} (off or work).",
    },
    "override_unknown": {
        "vi": "Ngày {day} không có trong bảng.",
        "en": "{day} is not in the table.",
    },
    # --- confirmations ---
    "override_set": {"vi": "Đã ghi ngày {day}.", "en": "Recorded {day}."},
    "override_removed": {"vi": "Đã xóa ngày {day}.", "en": "Removed {day}."},
    "db_ready": {"vi": "Cơ sở dữ liệu sẵn sàng: {path}", "en": "Database ready: {path}"},
    "config_written": {
        "vi": "Đã tạo tệp cấu hình mẫu: {path}",
        "en": "Wrote a sample config: {path}",
    },
    "meeting_created": {"vi": "Đã tạo hội nghị {meeting}.", "en": "Created meeting {meeting}."},
    "meeting_opened": {"vi": "Hội nghị {meeting} đã khai mạc.", "en": "Meeting {meeting} is open."},
    "meeting_closed_ok": {
        "vi": "Hội nghị {meeting} đã bế mạc.",
        "en": "Meeting {meeting} is closed.",
    },
    "undone": {
        "vi": "Đã hoàn tác {kind} (sự kiện {event}).",
        "en": "Undid {kind} (event {event}).",
    },
    "meeting_updated": {
        "vi": "Đã cập nhật hội nghị {meeting}.",
        "en": "Updated meeting {meeting}.",
    },
    "registered": {
        "vi": "Đã đăng ký: số {number}, mã tra cứu {code}.",
        "en": "Registered: number {number}, lookup code {code}.",
    },
    "imported": {
        "vi": "Đã nhập {added} dòng; bỏ qua {skipped} dòng đã có.",
        "en": "Imported {added} rows; skipped {skipped} already present.",
    },
    "question_added": {
        "vi": "Đã ghi câu hỏi #{question} (thứ tự {number}).",
        "en": "Logged question #{question} (no. {number}).",
    },
    "question_assigned": {
        "vi": "Câu hỏi #{question} giao cho {official}.",
        "en": "Question #{question} assigned to {official}.",
    },
    "payload_ok": {
        "vi": "Phiếu hợp lệ: số {number}, hội nghị {meeting}.",
        "en": "Genuine ticket: number {number}, meeting {meeting}.",
    },
    "export_summary": {
        "vi": "{draft}{pending} kiến nghị chưa giải quyết. Thông báo kết luận phải ban hành trước {due} ({rule}).",
        "en": "{draft}{pending} pending items. The conclusion notice is due by {due} ({rule}).",
    },
    "purge_plan": {
        "vi": "Sẽ ẩn danh họ tên, số điện thoại, thôn của {count} công dân (hội nghị {meetings}); mọi kiến nghị của họ đã đóng và đã quá {months} tháng lưu trữ.",
        "en": "Will anonymise name, phone and village of {count} citizens (meetings {meetings}): all their items are closed and the {months}-month retention has passed.",
    },
    "purge_confirm": {"vi": "Tiếp tục?", "en": "Go ahead?"},
    "purged": {"vi": "Đã ẩn danh {count} công dân.", "en": "Anonymised {count} citizens."},
    "merged": {
        "vi": "Đã gộp {meetings} hội nghị, {registrations} đăng ký, {questions} câu hỏi ({codes_changed} mã tra cứu phải đổi).",
        "en": "Merged {meetings} meetings, {registrations} registrations, {questions} questions ({codes_changed} lookup codes changed).",
    },
    "saved_item": {"vi": "Đã cập nhật kiến nghị #{question}.", "en": "Item #{question} updated."},
    "report_written": {"vi": "Đã ghi báo cáo: {path}", "en": "Report written: {path}"},
    "demo_created": {
        "vi": "Đã tạo hội nghị mẫu {meeting} (đang diễn ra, mở đăng ký).",
        "en": "Created demo meeting {meeting} (open, registration open).",
    },
    "demo_exists": {
        "vi": "Hội nghị mẫu {meeting} đã có; dùng lại.",
        "en": "Demo meeting {meeting} exists already; reusing it.",
    },
    # --- printed tickets and slips ---
    "ticket_heading": {"vi": "PHIẾU ĐĂNG KÝ PHÁT BIỂU", "en": "SPEAKER TICKET"},
    "ticket_number_label": {"vi": "Số thứ tự của bạn", "en": "Your number"},
    "ticket_code": {"vi": "Mã tra cứu: {code}", "en": "Lookup code: {code}"},
    "ticket_village": {"vi": "Thôn/Tổ: {village}", "en": "Village: {village}"},
    "ticket_field": {"vi": "Lĩnh vực: {field}", "en": "Field: {field}"},
    "ticket_ahead": {"vi": "Trước bạn còn {ahead} người", "en": "{ahead} ahead of you"},
    "ticket_estimate": {
        "vi": "Dự kiến được mời lúc khoảng {time}",
        "en": "Expected to be called around {time}",
    },
    "ticket_keep": {
        "vi": "Vui lòng giữ phiếu này: bạn sẽ được mời phát biểu theo số thứ tự, và dùng mã để tra cứu kết quả trả lời.",
        "en": "Please keep this ticket: you will be called by this number, and the code lets you look up the answer.",
    },
    "when_where": {"vi": "Ngày {date} · {place}", "en": "{date} · {place}"},
    "slip_heading": {"vi": "PHIẾU THEO DÕI KIẾN NGHỊ", "en": "FOLLOW-UP SLIP"},
    "slip_citizen": {"vi": "Số {number} · {name}", "en": "No. {number} · {name}"},
    "slip_outcome": {"vi": "Kết quả: {outcome}", "en": "Outcome: {outcome}"},
    "slip_body": {"vi": "Cơ quan giải quyết: {body}", "en": "Responsible body: {body}"},
    "slip_deadline": {"vi": "Hạn trả lời: {deadline}", "en": "Deadline: {deadline}"},
    "slip_answer": {"vi": "Trả lời: {answer}", "en": "Answer: {answer}"},
    "slip_none": {"vi": "Chưa có ý kiến nào được ghi nhận.", "en": "No questions recorded."},
    "slip_lookup": {
        "vi": "Tra cứu tiến độ bằng mã {code} hoặc quét mã QR.",
        "en": "Follow progress with the code {code} or the QR code.",
    },
    "test_heading": {"vi": "TRANG IN THỬ", "en": "TEST PAGE"},
    "test_width": {"vi": "Khổ giấy: {width} điểm", "en": "Paper width: {width} dots"},
    "test_letters": {"vi": "Chữ tiếng Việt:", "en": "Vietnamese letters:"},
    # --- printers and the print queue ---
    "printer_url_invalid": {
        "vi": 'Cấu hình máy in không hợp lệ: "{url}". Các dạng được hỗ trợ: {forms}.',
        "en": 'Not a printer setting: "{url}". Accepted forms: {forms}.',
    },
    "profile_unknown": {
        "vi": 'Không có cấu hình máy in "{profile}" (ví dụ: TM-T20II, TM-T88V, POS-5890).',
        "en": 'No printer profile "{profile}" (e.g. TM-T20II, TM-T88V, POS-5890).',
    },
    "profile_no_width": {
        "vi": "Cấu hình máy in {profile} không cho biết khổ giấy; hãy chọn cấu hình khác.",
        "en": "The printer profile {profile} has no paper width; choose another.",
    },
    "paper_too_wide": {
        "vi": "Bản in rộng {width} điểm, máy {profile} chỉ in được {dots} điểm.",
        "en": "The paper is {width} dots wide; {profile} prints {dots}.",
    },
    "cups_missing": {
        "vi": "Máy này chưa cài CUPS (lệnh lp).",
        "en": "CUPS (the lp command) is not installed here.",
    },
    "job_unknown": {"vi": "Không có lệnh in số {job}.", "en": "There is no print job {job}."},
    "print_done": {
        "vi": "Đã in lệnh #{job} ({kind}){where}",
        "en": "Printed job #{job} ({kind}){where}",
    },
    "print_failed": {
        "vi": "Chưa in được lệnh #{job}: {reason}. Lệnh vẫn được giữ để in lại.",
        "en": "Job #{job} did not print: {reason}. It stays queued for a retry.",
    },
    "print_sent": {
        "vi": "Đã gửi lệnh #{job} ({kind}){where}, chưa xác nhận: máy in không trả lời trạng thái.",
        "en": "Sent job #{job} ({kind}){where}, not confirmed: the printer did not report its status.",
    },
    "printer_offline": {
        "vi": "Máy in báo không sẵn sàng (nắp mở hoặc đang lỗi).",
        "en": "The printer reports it is offline (cover open or an error).",
    },
    "printer_paper_out": {
        "vi": "Máy in báo hết giấy.",
        "en": "The printer reports it is out of paper.",
    },
    "job_status_queued": {"vi": "chờ in", "en": "queued"},
    "job_status_sending": {"vi": "đang gửi", "en": "sending"},
    "job_status_done": {"vi": "đã in", "en": "printed"},
    "job_status_sent": {"vi": "đã gửi, chưa xác nhận", "en": "sent, not confirmed"},
    "job_status_failed": {"vi": "lỗi", "en": "failed"},
    "printer_unreachable": {
        "vi": "Không kết nối được máy in: {reason}",
        "en": "Cannot reach the printer: {reason}",
    },
    "printer_status": {
        "vi": "Máy in: {online}; giấy: {paper}",
        "en": "Printer: {online}; paper: {paper}",
    },
    "printer_online_True": {"vi": "sẵn sàng", "en": "online"},
    "printer_online_False": {"vi": "không sẵn sàng", "en": "offline"},
    "paper_ok": {"vi": "đủ", "en": "ok"},
    "paper_low": {"vi": "sắp hết", "en": "low"},
    "paper_out": {"vi": "hết giấy", "en": "out"},
    "status_unknown": {"vi": "không rõ", "en": "unknown"},
    # --- serving stations to browsers ---
    "web_extra_missing": {
        "vi": "Chưa cài phần phục vụ trình duyệt: pip install 'hallkit[web]'.",
        "en": "The web extra is not installed: pip install 'hallkit[web]'.",
    },
    "station_unavailable": {
        "vi": "Trạm {station} chưa có trong phiên bản này.",
        "en": "The {station} station is not in this version yet.",
    },
    "public_url_needed": {
        "vi": "Khi nghe trên 0.0.0.0 cần --public-url (địa chỉ máy trong mạng LAN).",
        "en": "Listening on 0.0.0.0 needs --public-url (this machine's LAN address).",
    },
    "serving": {
        "vi": "Đang phục vụ trạm {station}. Mở trên trình duyệt: {url}",
        "en": "Serving the {station} station. Open in a browser: {url}",
    },
}
