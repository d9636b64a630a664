"""``aict import institutions|people FILE [--body B] [--dry-run] [--exception-reason TEXT]``."""

from __future__ import annotations

import sys
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
        result = importer.run(args.what, Path(args.file), body_id=body_id, dry_run=args.dry_run,
                              exception_reason=args.exception_reason)
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
