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
    for warning in result.warnings:
        print(_("Note: {message}").format(message=warning), file=sys.stderr if result.problems else sys.stdout)
    if result.problems:
        for p in result.problems:
            print(p.describe(), file=sys.stderr)
        if result.composition_problem and not result.exception_reason:
            print(_("To appoint these people anyway, give the reason with --exception-reason TEXT; "
                    "it is recorded."), file=sys.stderr)
        print(
            _("{n} problem(s) in {file}; nothing was imported.").format(n=len(result.problems), file=args.file),
            file=sys.stderr,
        )
        return 1
    if result.ignored_columns:
        print(_("Columns not imported (not known): {columns}").format(columns=", ".join(result.ignored_columns)))
    if args.dry_run:
        print(_("{n} rows are ready to import (dry run: nothing was changed).").format(n=result.rows))
        if result.exception_reason:
            print(_("An exception to the gender rule would be recorded: {reason}").format(
                reason=result.exception_reason))
    else:
        print(_("Imported {n} rows from {file}.").format(n=result.rows, file=args.file))
        if result.exception_reason:
            print(_("Recorded an exception to the gender rule (양성평등기본법 제21조): {reason}").format(
                reason=result.exception_reason))
    return 0
