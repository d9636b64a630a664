"""``aict import institutions|people FILE [--body B] [--dry-run]``."""

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


def cmd_import(args) -> int:
    from aict_desktop.services.importing import ImportService

    services = open_services(args)
    try:
        importer = ImportService(services)
        body_id = services.bodies.find_body(args.body).id if args.body else None
        result = importer.run(args.what, Path(args.file), body_id=body_id, dry_run=args.dry_run)
    finally:
        services.store.dispose()
    if result.problems:
        for p in result.problems:
            print(p.describe(), file=sys.stderr)
        print(
            _("{n} problem(s) in {file}; nothing was imported.").format(n=len(result.problems), file=args.file),
            file=sys.stderr,
        )
        return 1
    if result.ignored_columns:
        print(_("Columns not imported (not known): {columns}").format(columns=", ".join(result.ignored_columns)))
    if args.dry_run:
        print(_("{n} rows are ready to import (dry run: nothing was changed).").format(n=result.rows))
    else:
        print(_("Imported {n} rows from {file}.").format(n=result.rows, file=args.file))
    return 0
