"""``aict init | check | backup | restore``."""

from __future__ import annotations

import sys
from pathlib import Path

from aict_desktop.cli.common import add_verb, db_target, open_services
from aict_desktop.domain.errors import StoreError
from aict_desktop.i18n import _


def register(sub) -> None:
    add_verb(sub, "init", _("create the data file, or upgrade its schema"), cmd_init)
    add_verb(sub, "check", _("check the data file's integrity and the access log"), cmd_check)
    p = add_verb(sub, "backup", _("write a consistent copy of the data file"), cmd_backup)
    p.add_argument("--out", required=True, metavar="FILE", help=_("backup file to write"))
    p = add_verb(sub, "restore", _("replace the data file with a backup (the replaced file is kept)"), cmd_restore)
    p.add_argument("file", metavar="FILE", help=_("backup file to restore"))


def cmd_init(args) -> int:
    services = open_services(args, create=True)
    print(_("Data file ready: {name}").format(name=services.store.display_name))
    services.store.dispose()
    return 0


def cmd_check(args) -> int:
    from aict_desktop.services.data_file import damage_report, run_checks
    from aict_desktop.services.data_file import DamagedFile

    try:
        services = open_services(args)
    except DamagedFile as err:  # too damaged to open: still a report, not a traceback
        report = damage_report(err.detail)
    else:
        try:
            report = run_checks(services.store)
        finally:
            services.store.dispose()
    for note in report.notes:
        print("✔ " + note)
    for problem in report.problems:
        print("✘ " + problem)
    if report.ok:
        print(_("Check passed: no problems found."))
        return 0
    print(_("Check failed: {n} problem(s) found.").format(n=len(report.problems)), file=sys.stderr)
    return 1


def cmd_backup(args) -> int:
    from aict_desktop.services.data_file import portable
    from aict_desktop.services.data_file import backup_to

    services = open_services(args)
    try:
        if services.store.is_sqlite:
            out = backup_to(services.store, Path(args.out))
        else:  # server mode: a portable archive that 'aict restore' reads into a new database
            out = portable.dump(services.store, Path(args.out))
    finally:
        services.store.dispose()
    print(_("Backup written: {path}").format(path=out))
    return 0


def cmd_restore(args) -> int:
    from aict_desktop.services.data_file import portable
    from aict_desktop.services.data_file import restore_from
    from aict_desktop.services.data_file import is_url, refuse_if_open

    target = db_target(args)
    if not is_url(target):
        refuse_if_open(target)  # the program has it open: the same polite message a second window gets
    if portable.is_archive(Path(args.file)):  # into a new, empty server database (or a new file)
        portable.load(target, Path(args.file))
        print(_("Restored {backup} into {db}.").format(backup=args.file, db=portable.display(target)))
        return 0
    if is_url(target):
        raise StoreError(_("A server database is restored from a portable archive written by 'aict backup' in "
                           "server mode; {file} is not one.").format(file=args.file))
    kept = restore_from(Path(target), Path(args.file))
    # open once so an older backup is upgraded now (with its own safety copy)
    services = open_services(args)
    services.store.dispose()
    print(_("Restored {backup} into {db}.").format(backup=args.file, db=target))
    if kept:
        print(_("The replaced data file was kept as {path}.").format(path=kept))
    return 0
