"""Settings: built-in defaults, then hallkit.toml, then the environment and the command line.

Loaded once by the CLI and passed down; nothing reads the config from anywhere else.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from shared.deadlines import DEFAULT_RULES, Rule
from shared.i18n import DEFAULT_LANGUAGE, UserError, check_language
from shared.scanner import parse_scanner

CONFIG_NAME = "hallkit.toml"
DB_ENV = "HALLKIT_DB"
STATION_ENV = "HALLKIT_STATION"
_KEYS = {
    "database",
    "language",
    "station",
    "printer",
    "public_url",
    "deadlines",
    "kiosk_pin",
    "retention_months",
    "serve_sessions",
    "typing",
    "scanner",
    "web",
}


@dataclass(frozen=True)
class WebLimits:
    """`hallkit web` under a hostile internet: what one server lets anyone hold."""

    # Open connections in all (also kept under the open-file limit) and per client address
    # (an IPv6 /64 is one client); past either, the oldest connection that never sent a
    # whole request is dropped, or the newcomer gets a 503.
    connections: int = 900
    connections_per_client: int = 64
    # Hall display event streams in all and per client address.
    streams: int = 100
    streams_per_client: int = 4
    # Seconds a connection may take to send a request's headers (or a form), and may
    # stay idle between requests.
    request_seconds: int = 10
    # /ket-qua shows a village beside an opinion only when at least this many people of
    # that village spoke at the meeting.
    village_min_speakers: int = 3


WEB_LIMITS_MOST = {
    "connections": 100_000,
    "connections_per_client": 10_000,
    "streams": 10_000,
    "streams_per_client": 1_000,
    "request_seconds": 600,
    "village_min_speakers": 1_000,
}
TYPING_MODES = ("telex", "vni", "off")
# A Vietnamese station types Vietnamese with no input method; an English one types as is.
DEFAULT_TYPING = {"vi": "telex", "en": "off"}


@dataclass(frozen=True)
class Settings:
    db_path: Path = Path("hallkit.db")
    language: str = DEFAULT_LANGUAGE
    station: str = "station-1"
    printer: str = "preview:preview"
    public_url: str = ""
    kiosk_pin: str = "0000"
    retention_months: int = 24
    serve_sessions: int = 4
    web: WebLimits = field(default_factory=WebLimits)
    deadlines: Mapping[str, Rule] = field(default_factory=lambda: dict(DEFAULT_RULES))
    config_path: Path | None = None
    typing: str = ""  # "telex", "vni" or "off"; unset: Telex in Vietnamese, off in English
    scanner: str = ""  # "serial:DEVICE?baud=N" for a 2D scanner in serial mode (ID cards)

    @property
    def typing_mode(self) -> str:
        """How the stations' text fields compose Vietnamese (shared.telex)."""
        return self.typing or DEFAULT_TYPING.get(self.language, "off")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise UserError("No config file at {path}.", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UserError(
            "The config file {path} is not valid TOML: {reason}", path=str(path), reason=str(error)
        ) from None


def _deadlines(raw: Any) -> dict[str, Rule]:
    rules = dict(DEFAULT_RULES)
    if not isinstance(raw, dict):
        raise UserError("Invalid value for the setting {key}.", key="deadlines")
    for name, text in raw.items():
        if name not in DEFAULT_RULES:
            raise UserError("Unknown setting in the config: {key}.", key=f"deadlines.{name}")
        rules[name] = Rule.parse(str(text), DEFAULT_RULES[name].source)
    return rules


def load(
    config: Path | None = None,
    db: Path | None = None,
    language: str | None = None,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults, then the config file (given, or hallkit.toml in `cwd`), then
    `HALLKIT_DB`, then the explicit `db` and `language` arguments."""
    env = os.environ if env is None else env
    cwd = cwd or Path.cwd()
    settings = Settings(db_path=cwd / "hallkit.db")
    path = config or (cwd / CONFIG_NAME)
    if config is not None or path.exists():
        settings = _apply_file(settings, path)
    if env.get(DB_ENV):
        settings = replace(settings, db_path=Path(env[DB_ENV]))
    if env.get(STATION_ENV):
        settings = replace(settings, station=env[STATION_ENV])
    if db is not None:
        settings = replace(settings, db_path=db)
    if language is not None:
        settings = replace(settings, language=check_language(language))
    return settings


MAX_SERVE_SESSIONS = 64


def _whole(raw: Mapping[str, Any], key: str, default: int, most: int, label: str = "") -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= most:
        raise UserError("Invalid value for the setting {key}.", key=label or key)
    return value


def _web_limits(raw: Any) -> WebLimits:
    if not isinstance(raw, dict):
        raise UserError("Invalid value for the setting {key}.", key="web")
    for name in raw:
        if name not in WEB_LIMITS_MOST:
            raise UserError("Unknown setting in the config: {key}.", key=f"web.{name}")
    defaults = WebLimits()
    return WebLimits(
        **{
            name: _whole(raw, name, getattr(defaults, name), most, label=f"web.{name}")
            for name, most in WEB_LIMITS_MOST.items()
        }
    )


def _apply_file(settings: Settings, path: Path) -> Settings:
    raw = _read_toml(path)
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise UserError("Unknown setting in the config: {key}.", key=unknown[0])
    for key in (
        "database",
        "language",
        "station",
        "printer",
        "public_url",
        "kiosk_pin",
        "typing",
        "scanner",
    ):
        if key in raw and not isinstance(raw[key], str):
            raise UserError("Invalid value for the setting {key}.", key=key)
    if raw.get("typing", "telex") not in TYPING_MODES:
        raise UserError("Invalid value for the setting {key}.", key="typing")
    parse_scanner(raw.get("scanner", ""))  # refused now, not when the kiosk starts
    months = _whole(raw, "retention_months", settings.retention_months, 600)
    sessions = _whole(raw, "serve_sessions", settings.serve_sessions, MAX_SERVE_SESSIONS)
    base = path.parent
    database = Path(raw.get("database", "hallkit.db"))  # beside the config file by default
    return replace(
        settings,
        db_path=database if database.is_absolute() else base / database,
        language=check_language(raw.get("language", settings.language)),
        station=raw.get("station", settings.station),
        printer=raw.get("printer", settings.printer),
        public_url=raw.get("public_url", settings.public_url),
        kiosk_pin=raw.get("kiosk_pin", settings.kiosk_pin),
        retention_months=months,
        serve_sessions=sessions,
        web=_web_limits(raw.get("web", {})),
        deadlines=_deadlines(raw.get("deadlines", {})),
        config_path=path,
        typing=raw.get("typing", settings.typing),
        scanner=raw.get("scanner", settings.scanner),
    )


SAMPLE = """\
# hallkit settings. Relative paths are relative to this file.
database = "hallkit.db"
# Interface language: "vi" or "en".
language = "vi"
# Vietnamese typing with no input method in the stations' text fields: "telex", "vni" or
# "off" (an input method such as Unikey does it). Unset: Telex in Vietnamese, off in English.
# typing = "telex"
# A 2D scanner in serial mode reads citizens' ID cards at the kiosk (name and village only):
# scanner = "serial:/dev/ttyACM0?baud=9600"   (Windows: "serial:COM3?baud=9600")
# The name this machine records in the event log and on registrations.
station = "station-1"
# Printer: preview:DIR, usb:VID:PID, tcp:HOST[:PORT], serial:DEVICE?baud=N, file:PATH, cups:QUEUE
printer = "preview:preview"
# If set, ticket QR codes carry a link to the item's status page.
public_url = ""
# The PIN of the kiosk's operator key (Ctrl+O): exit or switch meeting. Change it.
kiosk_pin = "0000"
# How long personal data is kept after a citizen's items are closed, in months.
retention_months = 24
# hallkit serve: browser sessions one station serves at once (each runs its own app
# process, ~35 MB); the next browser gets a "full" page until one closes.
serve_sessions = 4

[web]
# hallkit web: open connections in all and per client address, hall display streams in
# all and per address, seconds a client may take to send a request or stay idle, and how
# many speakers of a village it takes before /ket-qua names that village.
connections = 900
connections_per_client = 64
streams = 100
streams_per_client = 4
request_seconds = 10
village_min_speakers = 3

[deadlines]
# "N calendar" or "N working" days from the meeting's date.
pending_answer = "30 calendar"
citizen_notice = "10 working"
conclusion_notice = "7 working"
results_published = "10 calendar"
public_notice = "7 calendar"
# Before the meeting: the bodies' prepared answers are due so many days before it.
answers_due = "5 working"
# Citizens send their opinions until so many days before it (the public notice says so).
opinions_due = "3 working"
"""
