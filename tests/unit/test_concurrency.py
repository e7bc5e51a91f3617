"""Real processes against one file: the numbering and the lectern hold under contention."""

import multiprocessing
from pathlib import Path

from shared import speaking
from shared.db import open_store
from shared.i18n import UserError
from shared.registrations import register

SPAWN = multiprocessing.get_context("spawn")


def _register_many(path: str, meeting: int, count: int, start: object) -> None:
    store = open_store(Path(path), "kiosk")
    start.wait()  # type: ignore[attr-defined]
    for index in range(count):
        register(store, meeting, consent=True, name=f"Người Dân {index}", village="Thôn Đông")
    store.close()


def _call_next(path: str, meeting: int, start: object, results: object) -> None:
    store = open_store(Path(path), "console")
    start.wait()  # type: ignore[attr-defined]
    try:
        row = speaking.call(store, meeting)
        results.put(("called", row["number"]))  # type: ignore[attr-defined]
    except UserError as error:
        results.put(("refused", error.msgid))  # type: ignore[attr-defined]
    store.close()


def test_four_kiosks_never_skip_or_repeat_a_number(db_path: Path, meeting: int) -> None:
    start = SPAWN.Event()
    workers = [
        SPAWN.Process(target=_register_many, args=(str(db_path), meeting, 50, start))
        for _ in range(4)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    store = open_store(db_path)
    numbers = [n for (n,) in store.conn.execute("SELECT number FROM registrations ORDER BY 1")]
    codes = {c for (c,) in store.conn.execute("SELECT code FROM registrations")}
    assert numbers == list(range(1, 201))
    assert len(codes) == 200
    store.close()


def test_two_consoles_calling_next_at_once_call_one_speaker(db_path: Path, meeting: int) -> None:
    store = open_store(db_path)
    for name in ("Lê Văn A", "Lê Văn B"):
        register(store, meeting, consent=True, name=name)
    start, results = SPAWN.Event(), SPAWN.Queue()
    consoles = [
        SPAWN.Process(target=_call_next, args=(str(db_path), meeting, start, results))
        for _ in range(2)
    ]
    for console in consoles:
        console.start()
    start.set()
    for console in consoles:
        console.join(60)
    outcomes = sorted(results.get(timeout=10) for _ in consoles)
    assert outcomes == [
        ("called", 1),
        ("refused", "Number {number} is at the lectern; finish or mark no-show first."),
    ]
    statuses = store.conn.execute("SELECT number, status FROM registrations ORDER BY 1").fetchall()
    assert statuses == [(1, "called"), (2, "waiting")]
    store.close()
