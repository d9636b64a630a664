"""``aict notices send|setup`` (DESIGN §4) and the notice formats of ``aict export notice``.

``aict notices send --meeting ID [--smtp HOST:PORT] [--starttls|--ssl] [--user U]`` sends each
invitee's notice through the office SMTP server (the one set in 설정 or ``aict notices setup``
unless given); the password comes from the system keyring, else it is asked (or read from
standard input). Run again to retry the ones that failed: nothing is sent twice.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from aict_desktop.cli.common import add_verb, open_services
from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import N_, _

STATUS_LABELS = {"sent": N_("Sent"), "refused": N_("Refused"), "failed": N_("Not sent"), "skipped": N_("Sent before")}


def register(sub) -> None:
    p = add_verb(sub, "notices", _("send a meeting's notices by e-mail, or set the office SMTP server"), cmd_notices)
    p.add_argument("action", choices=["send", "setup"], help=_("what to do"))
    p.add_argument("--meeting", metavar="ID", help=_("the meeting id (for 'send')"))
    p.add_argument("--smtp", metavar="HOST:PORT", help=_("the SMTP server (default: the one in the settings)"))
    tls = p.add_mutually_exclusive_group()
    tls.add_argument("--starttls", action="store_true", help=_("STARTTLS after connecting (usually port 587)"))
    tls.add_argument("--ssl", action="store_true", help=_("TLS from the start (usually port 465)"))
    p.add_argument("--user", metavar="U", help=_("the SMTP user name (the password is kept in the system keyring)"))
    p.add_argument("--from", dest="sender", metavar="ADDR", help=_("the sender's e-mail address"))
    p.add_argument("--urgent-reason", metavar="TEXT",
                   help=_("for a notice later than the body's notice days: the reason for urgency (긴급 사유)"))


def _config(args, services):
    cfg = services.notices.smtp_settings()
    if args.smtp:
        cfg.host, cfg.port = services.notices.parse_server(args.smtp)
        cfg.security = "none"  # a server given here is plain unless --starttls or --ssl says otherwise
    if args.starttls:
        cfg.security = "starttls"
    elif args.ssl:
        cfg.security = "ssl"
    if args.user is not None:
        cfg.user = args.user
    if args.sender is not None:
        cfg.sender = args.sender
    return services.notices.check_smtp(cfg)


def _password(services, cfg) -> str | None:
    if not cfg.user:
        return None
    kept = services.notices.smtp_password(cfg)
    if kept is not None:
        return kept
    if sys.stdin.isatty():
        password = getpass.getpass(_("SMTP password for {user}: ").format(user=cfg.user))
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    return password


def print_without_email(services, meeting_id: int) -> None:
    people = services.notices.without_email(meeting_id)
    if people:
        print(_("No e-mail address, send a printed letter ({n}):").format(n=len(people)))
        for r in people:
            print(f"  {r.address()}")


def cmd_notices(args) -> int:
    services = open_services(args)
    try:
        cfg = _config(args, services)
        if args.action == "setup":
            if not cfg.host:
                raise ValidationError(_("Give the server with --smtp HOST:PORT."))
            services.notices.save_smtp_settings(cfg)
            if cfg.user:
                password = _password(services, cfg)
                if password and not services.notices.set_smtp_password(cfg, password):
                    print(_("There is no system keyring on this computer: the password will be asked each time."))
            print(_("SMTP server saved: {host}:{port} ({security}).").format(
                host=cfg.host, port=cfg.port, security=cfg.security))
            return 0
        meeting_id = meeting_arg(args)
        kept = services.notices.smtp_password(cfg)
        password = kept if kept is not None else _password(services, cfg)
        results = services.notices.send(meeting_id, cfg, password, urgent_reason=args.urgent_reason)
        if cfg.user and kept is None and password and any(r.status == "sent" for r in results):
            services.notices.set_smtp_password(cfg, password)  # it worked: kept for next time (keyring only)
        for r in results:
            line = f"{_(STATUS_LABELS[r.status])}\t{r.name}\t{r.email}"
            if r.reason and r.status != "skipped":
                line += f"\t{r.reason}"
            print(line)
        print_without_email(services, meeting_id)
        left = [r for r in results if r.status in ("refused", "failed")]
        if left:
            print(_("{n} not sent; run the same command again to retry them (nothing is sent twice).").format(
                n=len(left)), file=sys.stderr)
            return 1
        return 0
    finally:
        services.store.dispose()


def meeting_arg(args) -> int:
    if not args.meeting:
        raise ValidationError(_("'{kind}' needs --meeting ID.").format(kind=getattr(args, "kind", "notices")))
    if not str(args.meeting).strip().isdigit():
        raise ValidationError(_("'{value}' is not a meeting id (a number).").format(value=args.meeting))
    return int(args.meeting)


def export_eml(args) -> int:
    """``aict export notice --format eml --out DIR``: one ``.eml`` per invitee with e-mail."""
    folder = Path(args.out).expanduser()
    if not folder.is_dir():
        raise ValidationError(_("For --format eml, --out is a folder that exists ({path} is not).").format(path=folder))
    meeting_id = meeting_arg(args)
    services = open_services(args)
    try:
        paths = services.notices.write_eml(meeting_id, folder, urgent_reason=args.urgent_reason)
        for p in paths:
            print(_("Written: {path}").format(path=p))
        print_without_email(services, meeting_id)
    finally:
        services.store.dispose()
    return 0
