import json
import time
from pathlib import Path

from click.testing import CliRunner, Result
from PIL import Image

from shared.cli import cli, load_station_commands
from shared.db import open_store
from tests.printing.conftest import read_qr
from tests.printing.standin import StandIn

load_station_commands()


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


def test_register_then_print_the_ticket_to_the_preview(db_path: Path, tmp_path: Path) -> None:
    run(db_path, "demo")
    made = json.loads(
        run(
            db_path,
            "register",
            "--name",
            "Đinh Thị Ngọc",
            "--consent",
            "--source",
            "kiosk",
            "--json",
        ).output
    )
    printed = run(db_path, "print", "ticket", str(made["number"]))
    assert printed.exit_code == 0, printed.output
    [png] = (tmp_path / "preview").glob("*ticket*.png")
    code = read_qr(Image.open(png)).split("-")[0]
    assert code == made["code"]
    verified = run(db_path, "verify", read_qr(Image.open(png)))
    assert verified.exit_code == 0 and f"số {made['number']:03d}" in verified.output
    jobs = json.loads(run(db_path, "print", "jobs", "--json").output)
    assert [(j["kind"], j["status"], j["registration_id"]) for j in jobs] == [
        ("ticket", "done", made["id"])
    ]


def test_a_failed_print_exits_non_zero_and_can_be_retried(db_path: Path, tmp_path: Path) -> None:
    run(db_path, "demo")
    failed = run(
        db_path, "--lang", "en", "print", "ticket", "5", "--printer", f"file:{tmp_path}/off/lp0"
    )
    assert failed.exit_code == 1 and "stays queued" in failed.output
    assert len(json.loads(run(db_path, "print", "jobs", "--failed", "--json").output)) == 1
    assert run(db_path, "print", "retry", "1").exit_code == 0
    assert json.loads(run(db_path, "print", "jobs", "--failed", "--json").output) == []


def test_printer_test_page_and_status(db_path: Path, tmp_path: Path) -> None:
    assert run(db_path, "printer", "test").exit_code == 0
    assert list((tmp_path / "preview").glob("*test*.png"))
    status = run(db_path, "--lang", "en", "printer", "status")
    assert "Printer: online; paper: ok" in status.output


def test_a_bad_printer_url_is_one_clear_line(db_path: Path) -> None:
    result = run(db_path, "printer", "test", "--printer", "lpt1")
    assert result.exit_code == 1
    assert (
        result.output.startswith("Lỗi: Cấu hình máy in không hợp lệ")
        and "usb:VID:PID" in result.output
    )


def test_print_every_slip_of_a_meeting(db_path: Path, tmp_path: Path) -> None:
    run(db_path, "demo")
    result = run(db_path, "print", "slips", "1")
    assert result.exit_code == 0, result.output
    slips = sorted((tmp_path / "preview").glob("*slip*.png"))
    assert len(slips) == 3  # the demo's three speakers with questions
    assert all(read_qr(Image.open(png)) for png in slips)
    assert run(db_path, "print", "slips", "9").exit_code == 1


def test_a_ticket_the_printer_did_not_confirm_is_never_shown_as_printed(db_path: Path) -> None:
    run(db_path, "demo")
    printer = StandIn("silent")
    try:
        url = f"{printer.url}?timeout=0.5&compact=1"
        result = run(db_path, "--lang", "en", "print", "ticket", "5", "--printer", url)
    finally:
        printer.close()
    assert result.exit_code == 0, result.output
    assert "Sent job #1 (ticket) → tcp, not confirmed" in result.output
    assert "Printed" not in result.output
    [job] = json.loads(run(db_path, "print", "jobs", "--json").output)
    assert (job["status"], job["printed_at"]) == ("sent", "")
    table = run(db_path, "print", "jobs").output
    assert "đã gửi, chưa xác nhận" in table and "đã in" not in table


def test_print_jobs_failed_lists_a_job_whose_sender_died(db_path: Path) -> None:
    run(db_path, "demo")
    store = open_store(db_path)
    try:
        with store.write():
            store.insert(
                "print_jobs",
                {"kind": "test", "document": "{}", "status": "sending", "attempts": 1,
                 "claim": "dead", "lease_until": time.time() - 1, "created_at": "x"},
            )  # fmt: skip
    finally:
        store.close()
    [job] = json.loads(run(db_path, "print", "jobs", "--failed", "--json").output)
    assert job["status"] == "failed" and "lease ran out" in job["last_error"]
