"""``aict certificates issue|preview|reprint|void`` (DESIGN §4).

ReportLab is imported only by the verbs that print, inside the services.
``issue`` and ``reprint`` write the PDF to a temporary file beside ``--out``
and fsync it inside the writing transaction; the register is committed only
then, and the file renamed over ``--out`` after: a full disk records nothing
and leaves no partial file.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from aict_desktop.cli.common import add_global_options, open_services
from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _


def check_out_path(path: str) -> Path:
    """Refuse an --out that cannot be written, before anything is recorded."""
    out = Path(path).expanduser()
    if out.is_dir():
        raise ValidationError(_("{path} is a folder; give a file name.").format(path=out))
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(_("The folder {folder} does not exist; nothing was recorded.").format(folder=folder))
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise ValidationError(_("{path} cannot be written (no permission); nothing was recorded.").format(path=out))
    return out


def write_out(out: Path, data: bytes) -> None:
    try:
        out.write_bytes(data)
    except OSError as exc:
        raise ValidationError(_("{path} cannot be written: {reason}").format(path=out, reason=exc.strerror)) from None


class StagedFile:
    """A file written whole beside its target (``.FILE.pdf.part``), fsynced, then renamed over it.

    ``write`` raises ValidationError (nothing was recorded) on any OSError and removes the part;
    ``commit`` renames it; ``discard`` removes it. Used as a context manager, a part that was
    not committed is removed on the way out.
    """

    def __init__(self, out: Path):
        self.out = out
        self.part = out.with_name(f".{out.name}.part")

    def write(self, data: bytes) -> None:
        try:
            with open(self.part, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:
            self.discard()
            raise ValidationError(_("{path} cannot be written: {reason}; nothing was recorded.").format(
                path=self.out, reason=exc.strerror or exc)) from None

    def commit(self) -> None:
        try:
            os.replace(self.part, self.out)
        except OSError as exc:
            raise ValidationError(_("The certificates were recorded, but {path} could not be put in place ({reason}); "
                                    "print them again with 'aict certificates reprint'.").format(
                path=self.out, reason=exc.strerror or exc)) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.part.unlink()

    def __enter__(self) -> "StagedFile":
        return self

    def __exit__(self, *exc) -> None:
        self.discard()


def issue_date(text: str | None):
    """``--date YYYY-MM-DD`` (None: today); a wrong date is bad input (exit 1, nothing recorded)."""
    import datetime as dt

    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(_("--date: '{value}' is not a date (write it as 2026-03-02).").format(value=text),
                              field="date") from None


def _warn(lines) -> None:
    for line in lines:
        print(_("Warning: {message}").format(message=line), file=sys.stderr)


def register(sub) -> None:
    p = sub.add_parser("certificates", help=_("issue, reprint or void appointment certificates (위촉장)"),
                       description=_("issue, reprint or void appointment certificates (위촉장)"))
    add_global_options(p)
    verbs = p.add_subparsers(dest="cert_verb", metavar=_("ACTION"))
    verbs.required = True

    q = verbs.add_parser("issue", help=_("assign serials, print and record certificates"))
    add_global_options(q)
    q.add_argument("--body", required=True, metavar="B", help=_("the body (id or exact name)"))
    q.add_argument("--appointment", type=int, action="append", metavar="ID",
                   help=_("only this appointment (repeatable; an ex officio member gets one only this way); "
                          "default: every current appointed member without a certificate"))
    q.add_argument("--date", metavar="YYYY-MM-DD", help=_("the issue date printed and kept in the register (default: today)"))
    q.add_argument("--out", required=True, metavar="FILE.pdf", help=_("PDF file to write"))
    q.set_defaults(handler=cmd_issue)

    q = verbs.add_parser("preview", help=_("write the certificates marked as a preview, without serials; nothing is recorded"))
    add_global_options(q)
    q.add_argument("--body", required=True, metavar="B", help=_("the body (id or exact name)"))
    q.add_argument("--appointment", type=int, action="append", metavar="ID",
                   help=_("only this appointment (repeatable); default: those a batch would issue to"))
    q.add_argument("--date", metavar="YYYY-MM-DD", help=_("the issue date to show (default: today)"))
    q.add_argument("--out", required=True, metavar="FILE.pdf", help=_("PDF file to write"))
    q.set_defaults(handler=cmd_preview)

    q = verbs.add_parser("reprint", help=_("print a certificate again with the same serial (recorded as a reissue)"))
    add_global_options(q)
    q.add_argument("serial", metavar="SERIAL", help=_("e.g. 제2025-001호 or 2025-001"))
    q.add_argument("--body", metavar="B", help=_("the body, when two bodies use the same serial"))
    q.add_argument("--out", required=True, metavar="FILE.pdf", help=_("PDF file to write"))
    q.set_defaults(handler=cmd_reprint)

    q = verbs.add_parser("void", help=_("void a certificate (its serial is never reused)"))
    add_global_options(q)
    q.add_argument("serial", metavar="SERIAL", help=_("e.g. 제2025-001호 or 2025-001"))
    q.add_argument("--reason", required=True, metavar="TEXT", help=_("why it is voided"))
    q.add_argument("--body", metavar="B", help=_("the body, when two bodies use the same serial"))
    q.set_defaults(handler=cmd_void)


def cmd_issue(args) -> int:
    on = issue_date(args.date)
    out = check_out_path(args.out)
    services = open_services(args)
    with StagedFile(out) as staged:
        try:
            body = services.bodies.find_body(args.body)
            result = services.certificates.issue(body.id, args.appointment, on=on, deliver=staged.write)
        finally:
            services.store.dispose()
        staged.commit()
    _warn(result.warnings)
    serials = [c.serial for c in result.certificates]
    print(_("Issued {n} certificate(s) of {body}: {first}~{last} → {path}").format(
        n=len(serials), body=body.name, first=serials[0], last=serials[-1], path=out))
    return 0


def cmd_preview(args) -> int:
    on = issue_date(args.date)
    out = check_out_path(args.out)
    services = open_services(args)
    try:
        body = services.bodies.find_body(args.body)
        pdf = services.certificates.preview(body.id, args.appointment, on=on)
        notice = services.certificates.seal_notice(body.id)
    finally:
        services.store.dispose()
    with StagedFile(out) as staged:
        staged.write(pdf)
        staged.commit()
    _warn([notice] if notice else [])
    print(_("Preview of the certificates of {body} (not issued, nothing recorded) → {path}").format(
        body=body.name, path=out))
    return 0


def cmd_reprint(args) -> int:
    out = check_out_path(args.out)
    services = open_services(args)
    with StagedFile(out) as staged:
        try:
            body_id = services.bodies.find_body(args.body).id if args.body else None
            services.certificates.reprint(args.serial, body_id, deliver=staged.write)
        finally:
            services.store.dispose()
        staged.commit()
    print(_("Reprinted certificate {serial} → {path}").format(serial=args.serial, path=out))
    return 0


def cmd_void(args) -> int:
    services = open_services(args)
    try:
        body_id = services.bodies.find_body(args.body).id if args.body else None
        services.certificates.void(args.serial, args.reason, body_id)
    finally:
        services.store.dispose()
    print(_("Certificate {serial} is void; its number will not be used again.").format(serial=args.serial))
    return 0
