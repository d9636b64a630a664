"""``aict import institutions|people FILE [--body B] [--dry-run] [--exception-reason TEXT]``."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from aict_desktop.cli.common import add_verb, open_services
from aict_desktop.i18n import _


def register(sub) -> None:
    p = add_verb(sub, "import", _("import institutions or people from .xlsx or .csv (all or nothing)"), cmd_import)
    p.add_argument("what", choices=["institutions", "people"], help=_("what the file holds"))
    p.add_argument("file", metavar="FILE", help=_(".xlsx or .csv (UTF-8 or CP949)"))
    p.add_argument("--body", metavar="B", help=_("make every row a member (institutions) or appointee (people) of this body"))
    p.add_argument("--dry-run", action="store_true", help=_("check the file and report, change nothing"))
    p.add_argument("--exception-reason", metavar="TEXT", default="",
                   help=_("people: appoint them even though one gender would exceed the body's cap "
                          "(양성평등기본법 제21조); the reason is recorded"))


def cmd_import(args) -> int:
    if args.exception_reason.strip() and not (args.what == "people" and args.body):
        print(_("--exception-reason is for 'aict import people FILE --body B'."), file=sys.stderr)
        return 2
    services = open_services(args)
    try:
        importer = services.importing
        body_id = services.bodies.find_body(args.body).id if args.body else None
        line = ProgressLine.for_stream(sys.stderr)
        try:
            result = importer.run(args.what, Path(args.file), body_id=body_id, dry_run=args.dry_run,
                                  exception_reason=args.exception_reason, progress=line)
        finally:
            if line is not None:
                line.clear()
    finally:
        services.store.dispose()
    for note in result.notes:
        print(note, file=sys.stderr if result.problems else sys.stdout)
    for warning in result.warnings:
        print(_("Note: {message}").format(message=warning), file=sys.stderr if result.problems else sys.stdout)
    if result.problems:
        for p in result.problems:
            print(p.describe(), file=sys.stderr)
        if result.more_problems:
            print(result.more_text(), file=sys.stderr)
        if result.composition_problem and not result.exception_reason:
            print(_("To appoint these people anyway, give the reason with --exception-reason TEXT; "
                    "it is recorded."), file=sys.stderr)
        print(
            _("{n} problem(s) in {file}; nothing was imported.").format(n=result.problem_count, file=args.file),
            file=sys.stderr,
        )
        return 1
    source = args.file if not result.sheet else _("{file} (sheet '{sheet}')").format(file=args.file,
                                                                                      sheet=result.sheet)
    if result.ignored_columns:
        print(_("Columns not imported (not known): {columns}").format(columns=", ".join(result.ignored_columns)))
    _print_new_institutions(result, dry_run=args.dry_run)
    if args.dry_run:
        print(_("{n} rows are ready to import (dry run: nothing was changed).").format(n=result.rows))
        if result.sheet:
            print(_("Sheet read: {sheet}").format(sheet=result.sheet))
        if result.exception_reason:
            print(_("An exception to the gender rule would be recorded: {reason}").format(
                reason=result.exception_reason))
    else:
        print(_("Imported {n} rows from {file}.").format(n=result.rows, file=source))
        if result.exception_reason:
            print(_("Recorded an exception to the gender rule (양성평등기본법 제21조): {reason}").format(
                reason=result.exception_reason))
    return 0


class ProgressLine:
    """``확인 12,000 / 130,000행`` on a terminal, rewritten in place with \\r; cleared before the report."""

    INTERVAL = 0.1  # seconds between redraws

    def __init__(self, stream):
        self.stream = stream
        self.width = 0
        self.last = (None, 0.0)

    @classmethod
    def for_stream(cls, stream) -> ProgressLine | None:
        """A progress line on ``stream`` if it is a terminal; None otherwise (a pipe or file gets nothing)."""
        try:
            return cls(stream) if stream is not None and stream.isatty() else None
        except (AttributeError, ValueError, OSError):
            return None

    def __call__(self, stage: str, done: int, total: int) -> None:
        from aict_desktop.services.import_results import stage_text

        now = time.monotonic()
        if stage == self.last[0] and now - self.last[1] < self.INTERVAL and done != total:
            return
        self.last = (stage, now)
        text = stage_text(stage, done, total)
        width = _columns(text)
        self._write("\r" + text + " " * max(0, self.width - width))
        self.width = width

    def clear(self) -> None:
        if self.width:
            self._write("\r" + " " * self.width + "\r")
            self.width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError, UnicodeEncodeError):
            pass  # a progress line is never worth an import


def _columns(text: str) -> int:
    """Terminal columns: 한글 takes two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_new_institutions(result, *, dry_run: bool) -> None:
    """The institutions the import creates, each with the existing one it may be a typo of."""
    if not result.new_institutions:
        return
    print(_("New institutions that will be created ({n}):").format(n=len(result.new_institutions)) if dry_run
          else _("New institutions created ({n}):").format(n=len(result.new_institutions)))
    for name in result.new_institutions:
        close = result.similar_institutions.get(name)
        if close:
            print("  " + _("{name} — did you mean the existing '{existing}'?").format(name=name, existing=close))
        else:
            print("  " + name)
    if result.similar_institutions and dry_run:
        print(_("If a name above is a typo, correct 소속기관 in the file to the existing name before importing."))
