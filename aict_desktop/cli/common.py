"""What every ``aict`` verb shares: --db, --lang, opening the store, output."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import enum
import io
import json
import os
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from aict_desktop.config import Settings
from aict_desktop.i18n import _, fmt_date

if TYPE_CHECKING:
    from aict_desktop.services.container import Services


def ensure_utf8_output() -> None:
    """Hangul on any console (Windows' cp949 console included)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and (stream.encoding or "").lower() not in ("utf-8", "utf8"):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (AttributeError, ValueError):
                pass


def add_global_options(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--db`` and ``--lang`` before or after the verb."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db", metavar="PATH", default=default,
        help=_("data file or database URL (default: $AICT_DB, else the program's data file)"),
    )
    parser.add_argument("--lang", choices=("ko", "en"), default=default, help=_("message language"))


def add_verb(sub, name: str, help_text: str, handler) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help_text, description=help_text)
    add_global_options(p)
    p.set_defaults(handler=handler)
    return p


def db_target(args) -> str:
    explicit = getattr(args, "db", None) or os.environ.get("AICT_DB")
    if explicit:
        return explicit
    settings = Settings.load()
    if settings.problem:  # the data file named in it is unknown: say so rather than quietly use the default
        print(settings.problem, file=sys.stderr)
    return settings.database_target()


def open_services(args, *, create: bool = False) -> Services:
    # the data layer (SQLAlchemy, SQLModel: most of a second) loads when a verb opens the store,
    # so `aict --help`, `--version` and a mistyped command answer at once
    from aict_desktop.services.container import Services
    from aict_desktop.store import open_store

    target = db_target(args)
    if "://" not in target:
        from aict_desktop.store.location import location_warning

        warning = location_warning(Path(target).expanduser())
        if warning:
            print(warning, file=sys.stderr)
    return Services(open_store(target, create=create))


def jsonable(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value):
        return {k: jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def print_json(rows) -> None:
    print(json.dumps(jsonable(list(rows)), ensure_ascii=False, indent=2))


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return fmt_date(value)
    if isinstance(value, bool):
        return "○" if value else ""
    return str(value)


def print_table(headers: list[str], rows: list[list]) -> None:
    """Aligned columns, Hangul counted as double width."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(values):
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for r in cells:
        print(line(r))
    print(_("({n} rows)").format(n=len(rows)))
