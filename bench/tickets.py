"""Ticket render and encode times, bytes per ticket, and transfer time at serial speeds.

Run by hand: .venv/bin/python bench/tickets.py [--runs 200]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time

from printing.encode import encode
from printing.layouts import Ticket, ticket
from shared import tokens

TICKET = Ticket(
    meeting_title="Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân năm 2026",
    meeting_date="2026-11-21",
    meeting_place="Hội trường UBND xã Minh Hòa",
    number=12,
    name="Nguyễn Thị Thu Hà",
    details=(("village", "Thôn Đoài"), ("field", "Giao thông")),
    code="K7QM2D",
    payload=tokens.sign(tokens.new_secret(), "meeting", "K7QM2D"),
    ahead=4,
    estimated="09:25",
)
BAUDS = (9600, 38400, 115200)


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    return f"p50 {statistics.median(samples) * 1000:6.1f} ms   p95 {cuts[18] * 1000:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    ticket(TICKET, 576)  # load the fonts once, as a running kiosk has
    render_times, encode_times, compact_times, totals = [], [], [], []
    for run in range(runs):
        # Each citizen has their own number, name and code; the meeting's lines repeat.
        citizen = dataclasses.replace(
            TICKET,
            number=run + 1,
            name=f"{TICKET.name} {run}",
            code=f"K7QM{run % 900 + 100}"[-6:],
            ahead=run % 30,
        )
        started = time.perf_counter()
        paper = ticket(citizen, 576)
        rendered = time.perf_counter()
        encode(paper, "TM-T20II")
        encoded = time.perf_counter()
        encode(paper, "TM-T20II", compact=True)
        compacted = time.perf_counter()
        render_times.append(rendered - started)
        encode_times.append(encoded - rendered)
        compact_times.append(compacted - encoded)
        totals.append(encoded - started)
    paper = ticket(TICKET, 576)
    sizes = {
        "raster": len(encode(paper, "TM-T20II")),
        "compact": len(encode(paper, "TM-T20II", compact=True)),
    }
    print(f"576-dot ticket, {paper.image.width} x {paper.image.height} dots, {runs} runs")
    print(f"  render            {percentiles(render_times)}")
    print(f"  encode (raster)   {percentiles(encode_times)}")
    print(f"  encode (compact)  {percentiles(compact_times)}")
    print(f"  render + encode   {percentiles(totals)}")
    for mode, size in sizes.items():
        transfer = "   ".join(f"{baud} baud {size * 10 / baud:5.1f} s" for baud in BAUDS)
        print(f"  {mode:8} {size:7,} bytes   {transfer}")
    print(f"  compact saves {1 - sizes['compact'] / sizes['raster']:.0%}")


if __name__ == "__main__":
    main()
