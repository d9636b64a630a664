"""``aict log | personal | key | autobackup``: the access log, personal data, the data key, backups."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from aict_desktop.cli.common import add_verb, open_services, print_json, print_table
from aict_desktop.config import Settings
from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _

PASSPHRASE_ENV = "AICT_PASSPHRASE"


def register(sub) -> None:
    p = add_verb(sub, "log", _("show or export the access log (접속기록)"), cmd_log)
    p.add_argument("--json", action="store_true", help=_("print a JSON array"))
    p.add_argument("--out", metavar="FILE", help=_("export to a .csv or .xlsx file"))
    p.add_argument("--search", metavar="TEXT", default="", help=_("only entries mentioning this text"))
    p.add_argument("--limit", type=int, default=None, metavar="N", help=_("only the newest N entries"))

    p = add_verb(sub, "personal", _("show, reveal, set or clear a person's resident number and bank account"),
                 cmd_personal)
    p.add_argument("action", choices=["show", "reveal", "set", "clear"], help=_("what to do"))
    p.add_argument("person", type=int, metavar="PERSON", help=_("the person's id (see 'aict list people')"))
    p.add_argument("--rrn", action="store_true", help=_("the resident registration number (read from standard input for 'set')"))
    p.add_argument("--bank", metavar="BANK", nargs="?", const="", default=None,
                   help=_("the bank account; for 'set' give the bank's name (the account number is read from standard input)"))
    p.add_argument("--holder", metavar="NAME", default="", help=_("account holder (default: the person)"))
    p.add_argument("--reason", metavar="TEXT", default="", help=_("why the value is revealed (written to the access log)"))

    p = add_verb(sub, "key", _("the encryption key of the personal data: status, export, import, reset"), cmd_key)
    p.add_argument("action", choices=["status", "export", "import", "reset"], help=_("what to do"))
    p.add_argument("--file", metavar="FILE", help=_("key file to write (export) or read (import)"))
    p.add_argument("--yes", action="store_true", help=_("confirm 'reset': erase every encrypted value"))

    add_verb(sub, "autobackup", _("write today's automatic backup if due, and rotate old ones"), cmd_autobackup)


def passphrase_provider(new: bool) -> str | None:
    """``AICT_PASSPHRASE`` for scripts, else asked on the terminal; None when neither is possible."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(_("Passphrase for the personal data: ") if not new
                            else _("Choose a passphrase for the personal data (at least 8 characters): "))
    if new and getpass.getpass(_("The same passphrase again: ")) != first:
        raise ValidationError(_("The two passphrases differ."))
    return first


def _services(args):
    services = open_services(args)
    services.keys.set_passphrase_provider(passphrase_provider)
    return services


def _read_secret(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().strip()


def cmd_log(args) -> int:
    from aict_desktop.services.data_file import action_label, entries
    from aict_desktop.services.data_file import export_log

    services = open_services(args)
    try:
        if args.out:
            n = export_log(services.store, Path(args.out), search=args.search)
            print(_("Exported {n} access log entries to {path}.").format(n=n, path=args.out))
            return 0
        rows = entries(services.store, search=args.search, limit=args.limit)
    finally:
        services.store.dispose()
    if args.json:
        print_json([{"id": e.id, "at": e.at, "os_user": e.os_user, "db_user": e.db_user, "program": e.program,
                     "action": e.action, "target": e.target, "subject": e.subject, "detail": e.detail,
                     "hash": e.hash} for e in rows])
        return 0
    print_table([_("Entry"), _("When"), _("OS user"), _("Action"), _("What"), _("Whose data"), _("Detail")],
                [[e.id, e.at.isoformat(sep=" ", timespec="seconds"), e.os_user, action_label(e.action), e.target,
                  e.subject, e.detail] for e in rows])
    return 0


def cmd_personal(args) -> int:
    from aict_desktop.security.keys import KeyUnavailable

    services = _services(args)
    personal = services.personal
    try:
        if args.action == "show":
            if services.keys.has_key():
                try:
                    services.keys.key()  # unlock (passphrase) so the masks can show the birth date part
                except (KeyUnavailable, ValidationError) as err:
                    print(err.message, file=sys.stderr)
            v = personal.view(args.person)
            print(_("Resident registration number: {value}").format(value=v.rrn_masked or _("(none)")))
            print(_("Bank account: {value}").format(value=v.bank_masked or _("(none)")))
            if v.problem:
                print(v.problem, file=sys.stderr)
            return 0
        if not args.rrn and args.bank is None:
            raise ValidationError(_("Say which value: --rrn or --bank."))
        if args.action == "reveal":
            if args.rrn:
                print(personal.reveal_rrn(args.person, reason=args.reason))
            if args.bank is not None:
                acct = personal.reveal_bank(args.person, reason=args.reason)
                print(f"{acct.bank} {acct.account} ({acct.holder})")
            return 0
        if args.action == "clear":
            if args.rrn:
                personal.clear_rrn(args.person)
            if args.bank is not None:
                personal.clear_bank(args.person)
            print(_("Cleared."))
            return 0
        if args.rrn and args.bank is not None:
            raise ValidationError(_("Set one value at a time: --rrn or --bank."))
        if args.rrn:
            masked = personal.set_rrn(args.person, _read_secret(_("Resident registration number: ")))
        else:
            masked = personal.set_bank(args.person, args.bank, _read_secret(_("Account number: ")), args.holder)
        print(_("Saved (encrypted): {masked}").format(masked=masked))
        return 0
    finally:
        services.store.dispose()


def cmd_key(args) -> int:
    from aict_desktop.security.keys import KeyUnavailable

    services = _services(args)
    keys = services.keys
    try:
        if args.action == "status":
            rrn, bank = services.personal.counts()
            mode = keys.mode()
            where = {"keyring": _("the system keyring"), "passphrase": _("a passphrase (asked once per session)")}
            print(_("Key kept in: {where}").format(where=where.get(mode, _("no key yet"))))
            print(_("Encrypted values: {rrn} resident registration numbers, {bank} bank accounts.").format(
                rrn=rrn, bank=bank))
            if keys.has_key():
                try:
                    keys.key()
                    print(_("The key is available on this computer."))
                except KeyUnavailable as err:
                    print(err.message)
                    return 1
            return 0
        if args.action == "export":
            if not args.file:
                raise ValidationError(_("Give the key file to write with --file."))
            out = Path(args.file).expanduser()
            text = keys.export_key()
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="ascii") as fh:
                fh.write(text + "\n")
            services.personal.record("personal.export", target=_("encryption key"), detail=str(out.name))
            print(_("Key written to {path}. Keep it somewhere safe, away from the data file.").format(path=out))
            return 0
        if args.action == "import":
            if not args.file:
                raise ValidationError(_("Give the key file to read with --file."))
            try:
                text = Path(args.file).expanduser().read_text(encoding="ascii", errors="replace")
            except OSError as exc:
                raise ValidationError(_("The file {path} cannot be read: {reason}").format(
                    path=args.file, reason=exc.strerror)) from exc
            keys.import_key(text)
            print(_("The key was installed in the system keyring."))
            return 0
        n = services.personal.reset_key(confirm=args.yes)
        print(_("The key was reset; encrypted values of {n} people were erased.").format(n=n))
        return 0
    except FileExistsError:
        raise ValidationError(_("{path} already exists; choose a new file name.").format(path=args.file)) from None
    finally:
        services.store.dispose()


def cmd_autobackup(args) -> int:
    from aict_desktop.services.data_file import auto_backup

    services = open_services(args)
    try:
        written = auto_backup(services.store, Settings.load())
    finally:
        services.store.dispose()
    if written:
        print(_("Backup written: {path}").format(path=written))
    else:
        print(_("Today's backup is up to date."))
    return 0
