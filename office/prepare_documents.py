"""hallkit prepare requests | briefing | notice: the papers of the weeks before the
meeting. They write documents, which the core's `prepare` commands (shared/cli/prepare.py)
may not import, so office/cli.py adds them to the `prepare` group; `documents` is imported
when one runs, not at every start of `hallkit`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from shared import agenda, briefing
from shared.answer_requests import body_requests, write_requests
from shared.cli.base import Session, echo, pass_session
from shared.db import Store
from shared.i18n import tr
from shared.meetings import get_meeting, parse_date
from shared.record import chair_position
from shared.text import show_date

if TYPE_CHECKING:
    from documents.layout import Family

OUT = click.option(
    "--out",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the files (created if missing).",
)


def _day(text: str | None) -> dt.date:
    return dt.date.fromisoformat(parse_date(text)) if text else dt.date.today()


def _abbreviation(given: str, family: Family) -> str:
    from documents.run import Options

    return Options(abbreviation=given).short_name(family)


@click.command("requests")
@click.argument("meeting_id", type=int)
@OUT
@click.option("--date", "issued", default=None, help="The letters' date (default: today).")
@click.option(
    "--abbreviation",
    default="",
    help="The issuing body's short name in the letters' number (default UBND, or ĐU).",
)
@click.option("--unit", default="VP", show_default=True, help='The drafting unit: "Số: …/UBND-VP".')
@pass_session
def requests(
    session: Session,
    meeting_id: int,
    folder: Path,
    issued: str | None,
    abbreviation: str,
    unit: str,
) -> None:
    """Write one request per body (.xlsx: its opinions and an empty answer column, each
    row with a hidden id, for `prepare answers` to read back) and its cover letter
    (.docx, NĐ 30) beside it."""
    written = write_requests_and_letters(
        session.store,
        meeting_id,
        folder,
        session.settings.language,
        _day(issued),
        abbreviation,
        unit,
    )
    for request, letter in written:
        echo(str(request))
        echo(str(letter))


def write_requests_and_letters(
    store: Store,
    meeting_id: int,
    folder: Path,
    lang: str,
    day: dt.date,
    abbreviation: str = "",
    unit: str = "VP",
) -> list[tuple[Path, Path]]:
    """Each body's request (.xlsx) and its cover letter (.docx) beside it, dated `day`:
    (request, letter) paths. The command and the preparation screen both write them."""
    from documents import request_letter
    from documents.files import write_atomic
    from documents.run import family_of

    meeting = get_meeting(store, meeting_id)
    family = family_of(meeting)
    position = chair_position(store, meeting)
    letters = {r.file_name: r for r in body_requests(store, meeting_id, day)}
    written = []
    for path in write_requests(store, meeting_id, folder, lang):
        request = letters[path.name]
        letter = request_letter.docx(
            meeting,
            position,
            request.body,
            len(request.opinions),
            request.due,
            path.name,
            day,
            family,
            _abbreviation(abbreviation, family),
            unit,
        )
        written.append((path, write_atomic(path.with_suffix(".docx"), letter)))
    return written


@click.command("briefing")
@click.argument("meeting_id", type=int)
@OUT
@click.option(
    "--today", default=None, help="The day the briefing is made and counted as of (default: today)."
)
@pass_session
def briefing_(session: Session, meeting_id: int, folder: Path, today: str | None) -> None:
    """The chair's briefing (Tài liệu phục vụ hội nghị, .docx): the counts by field and by
    body and the bodies still late, then every gathered opinion by field, most urgent
    first, with its sources, history, body and prepared answer."""
    from documents import briefing as briefing_doc
    from documents.files import write_atomic
    from documents.run import family_of

    store = session.store
    found = briefing.build(store, meeting_id, _day(today))
    data = briefing_doc.docx(found, family_of(found.meeting))
    path = write_atomic(folder / f"hoi-nghi-{meeting_id}-tai-lieu-chu-toa.docx", data)
    echo(str(path))
    late = found.late_bodies
    session.say(
        "{opinions} opinions ({gathered} gathered), {missing} without an answer yet; bodies late: {late}.",
        opinions=len(found.opinions),
        gathered=found.gathered,
        missing=sum(1 for o in found.opinions if o.status != "answered"),
        late=", ".join(f"{b.name} ({b.late})" for b in late) or "-",
    )


@click.command("notice")
@click.argument("meeting_id", type=int)
@OUT
@click.option("--date", "issued", default=None, help="The notice's date (default: today).")
@click.option(
    "--opinions-by",
    default=None,
    help="Opinions are sent until this day (default: the opinions_due setting, in working "
    "days before the meeting).",
)
@click.option("--number", default="", help='The notice\'s number, "15" in Số: 15/TB-UBND.')
@click.option(
    "--abbreviation",
    default="",
    help="The issuing body's short name in the number (default UBND, or ĐU).",
)
@click.option("--unit", default="VP", show_default=True, help='"- Lưu: VT, VP." in Nơi nhận.')
@click.option(
    "--late",
    is_flag=True,
    help="Write the notice although the day it had to go out by has passed.",
)
@pass_session
def notice(
    session: Session,
    meeting_id: int,
    folder: Path,
    issued: str | None,
    opinions_by: str | None,
    number: str,
    abbreviation: str,
    unit: str,
    late: bool,
) -> None:
    """The public notice of the meeting (thông báo, one page, .docx): time, place, chair,
    content, how and until when to send opinions; it must go out at least the
    public_notice setting (7 days) before the meeting, which the command checks."""
    from documents import public_notice
    from documents.files import write_atomic
    from documents.run import family_of

    store = session.store
    meeting = get_meeting(store, meeting_id)
    family = family_of(meeting)
    day = _day(issued)
    dates = briefing.notice_dates(store, meeting, _day(opinions_by) if opinions_by else None)
    state = briefing.check_notice(dates, day, late)
    steps = [step["title"] for step in agenda.steps(store, meeting_id)]
    data = public_notice.docx(
        meeting,
        chair_position(store, meeting),
        steps,
        dates,
        day,
        number,
        family,
        _abbreviation(abbreviation, family),
        unit,
    )
    path = write_atomic(folder / f"hoi-nghi-{meeting_id}-thong-bao-to-chuc.docx", data)
    echo(str(path))
    lang = session.settings.language
    send_by = show_date(dates.send_by.isoformat())
    if state == "late":
        echo(
            tr(
                "Late: the notice had to go out by {date}; it is dated {issued}.",
                lang,
                date=send_by,
                issued=show_date(day.isoformat()),
            ),
            err=True,
        )
    elif state == "last_day":
        echo(tr("Today is the last day the notice may go out ({date}).", lang, date=send_by))
    else:
        session.say(
            "The notice must go out by {date} ({days} days before the meeting of {meeting}).",
            date=send_by,
            days=dates.rule.days,
            meeting=show_date(meeting["date"]),
        )
    session.say("Opinions are sent until {date}.", date=show_date(dates.opinions_by.isoformat()))
