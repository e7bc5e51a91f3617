"""The console's queue rows kept between refreshes: what moves is read each time, what a
registration was made with once, and the minutes waited move on by themselves."""

from __future__ import annotations

import datetime as dt

from session_console.console.queue_rows import QueueRows
from shared import speaking
from shared.db import Store
from shared.registrations import register


def test_rows_follow_the_file_and_unchanged_rows_keep_their_cells(
    store: Store, meeting: int
) -> None:
    for name in ("Hoàng Văn Bình", "Lê Thị Hoa", "Trần Quốc Toản"):
        register(store, meeting, consent=True, name=name, village="Thôn Đông")
    made = dt.datetime.fromisoformat(
        store.all("SELECT created_at FROM registrations")[0]["created_at"]
    )
    now = made.timestamp() + 45
    rows = QueueRows("vi")
    first = rows.update(store, meeting, now)
    assert [cells[0] for _, cells in first] == ["001", "002", "003"]
    assert [cells[4:] for _, cells in first] == [("đang chờ", "0 ph")] * 3

    speaking.call(store, meeting)
    called = rows.update(store, meeting, now + 1)
    assert called[0][1][4:] == ("đã gọi", "")
    assert called[1] is first[1] and called[2] is first[2]  # unchanged: the same cells
    assert rows.rows[called[0][0]]["status"] == "called"

    register(store, meeting, consent=True, name="Người Mới Đến")
    later = rows.update(store, meeting, now + 90)  # a minute and a half later
    assert [cells[1] for _, cells in later][-1] == "Người Mới Đến"
    assert [cells[5] for _, cells in later[1:3]] == ["2 ph", "2 ph"]
    assert later[0] is called[0]  # the called row shows no minutes: nothing to move on
