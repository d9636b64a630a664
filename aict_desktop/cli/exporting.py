"""``aict export roster|notice|attendance-sheet|minutes|allowances|task-report|annual-report`` (DESIGN §4).

``EXPORT_KINDS`` maps each kind to what it needs (a body, a meeting or a year), the
formats it writes and how to render it; another kind is one more entry.
``allowances`` takes ``--meeting ID`` (the 지급 조서, pdf or xlsx) or ``--year Y``
(the year's payments and tax per person and body, xlsx). ReportLab is imported
only when a document is rendered.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aict_desktop.cli.certificates import check_out_path, issue_date, write_out
from aict_desktop.cli import task_report
from aict_desktop.cli.common import add_verb, open_services
from aict_desktop.config import Settings
from aict_desktop.domain.errors import ValidationError
from aict_desktop.i18n import _


@dataclass(frozen=True)
class ExportKind:
    target: str  # "body" (--body B), "meeting" (--meeting ID) or "year" (--year Y [--body B])
    formats: tuple[str, ...]  # the first is the default
    render: Callable  # (services, target_id, fmt) -> bytes; for "year" target_id is (year, body_id or None)
    period: bool = False  # also takes --from/--to (start=, end=), as task-report does
    urgent: bool = False  # takes --urgent-reason (a notice later than the body's notice days)
    names: bool = False  # takes --prepared-by / --checked-by (the 작성/확인 line)
    by_year: Callable | None = None  # with --year Y instead of the target: (services, (year, body_id), fmt)
    year_formats: tuple[str, ...] = ()


def _roster(sv, body_id: int, fmt: str) -> bytes:
    return {"pdf": sv.exports.roster_pdf, "xlsx": sv.exports.roster_xlsx, "csv": sv.exports.roster_csv}[fmt](body_id)


def _allowances(sv, meeting_id: int, fmt: str, prepared_by: str = "", checked_by: str = "") -> bytes:
    return sv.allowances.export(meeting_id, fmt, prepared_by=prepared_by, checked_by=checked_by)


def _allowances_year(sv, target: tuple, fmt: str) -> bytes:
    year, body_id = target
    return sv.allowances.year_xlsx(year, body_id)


def _annual_report(sv, target: tuple, fmt: str) -> bytes:
    year, body_id = target
    return sv.annual.export(year, body_id, fmt)


NOTICE_FORMATS = ("pdf", "docx", "hwpx", "eml", "sms", "sms-long")  # eml: --out is a folder; sms: 성명,휴대전화,문구


def _notice(sv, mid: int, fmt: str, urgent_reason=None, per_recipient: bool = False, issued_on=None) -> bytes:
    if fmt in ("sms", "sms-long"):
        return sv.notices.sms_csv(mid, urgent_reason=urgent_reason, long=fmt == "sms-long")
    if per_recipient:
        return sv.notices.per_recipient(mid, fmt, urgent_reason=urgent_reason, issued_on=issued_on)
    return sv.exports.notice(mid, fmt, urgent_reason=urgent_reason, issued_on=issued_on)


def _minutes(sv, mid: int, fmt: str, public: bool = False) -> bytes:
    return sv.exports.minutes(mid, fmt, public=public)  # --public: the version a 구청 posts


EXPORT_KINDS: dict[str, ExportKind] = {
    "roster": ExportKind("body", ("pdf", "xlsx", "csv"), _roster),
    "notice": ExportKind("meeting", NOTICE_FORMATS, _notice, urgent=True),
    "attendance-sheet": ExportKind("meeting", ("pdf",), lambda sv, mid, fmt: sv.exports.attendance_sheet_pdf(mid)),
    "minutes": ExportKind("meeting", ("pdf", "docx", "hwpx"), _minutes),
    "allowances": ExportKind("meeting", ("pdf", "xlsx"), _allowances, names=True, by_year=_allowances_year,
                             year_formats=("xlsx",)),
    "task-report": ExportKind("body", ("pdf", "xlsx"), task_report.render, period=True),
    "annual-report": ExportKind("year", ("pdf", "xlsx", "hwpx"), _annual_report),
}


def register(sub) -> None:
    p = add_verb(sub, "export", _("write a roster, notice, attendance sheet, minutes or allowance list"), cmd_export)
    p.add_argument("kind", choices=list(EXPORT_KINDS), help=_("what to write"))
    p.add_argument("--body", metavar="B", help=_("the body (id or exact name), for a roster"))
    p.add_argument("--meeting", metavar="ID", help=_("the meeting id, for meeting documents"))
    p.add_argument("--year", metavar="Y", help=_("the year, for an annual report or the year's allowances"))
    p.add_argument("--format", metavar="FMT", help=_("pdf (default), xlsx, csv, docx or hwpx, as the kind allows"))
    task_report.add_period_options(p)
    p.add_argument("--urgent-reason", metavar="TEXT",
                   help=_("for a notice later than the body's notice days: the reason for urgency (긴급 사유)"))
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help=_("for a printed notice (pdf, docx, hwpx): the date it goes out (default: today)"))
    p.add_argument("--per-recipient", action="store_true",
                   help=_("for a notice: one page per invitee, addressed to each (성명 위원님, 소속)"))
    p.add_argument("--public", action="store_true",
                   help=_("for minutes: the public version (no 비공개 items or personal data; speakers as the body sets)"))
    p.add_argument("--prepared-by", metavar="NAME",
                   help=_("for an allowance statement: who prepared it (default: the user name in the settings)"))
    p.add_argument("--checked-by", metavar="NAME", help=_("for an allowance statement: who checked it"))
    p.add_argument("--out", required=True, metavar="FILE", help=_("file to write (a folder for a notice as eml)"))


def _year(args) -> int:
    text = str(args.year or "").strip()
    if not text:
        raise ValidationError(_("'{kind}' needs --year Y.").format(kind=args.kind))
    if not text.isdigit() or not 1900 <= int(text) <= 2999:
        raise ValidationError(_("'{value}' is not a year (e.g. 2025).").format(value=args.year))
    return int(text)


def cmd_export(args) -> int:
    kind = EXPORT_KINDS[args.kind]
    by_year = kind.by_year is not None and args.year is not None
    if by_year:
        if args.meeting:
            raise ValidationError(_("'{kind}' takes --meeting ID or --year Y, not both.").format(kind=args.kind))
        kind = ExportKind("year", kind.year_formats, kind.by_year)
    elif args.year is not None and kind.target != "year":
        raise ValidationError(_("'{kind}' does not take --year.").format(kind=args.kind))
    fmt = (args.format or kind.formats[0]).lower().lstrip(".")
    if fmt not in kind.formats:
        raise ValidationError(_("'{kind}' can be written as {formats}, not '{fmt}'.").format(
            kind=args.kind, formats=", ".join(kind.formats), fmt=fmt))
    if args.kind == "notice" and fmt == "eml":
        from aict_desktop.cli.notices_cmd import export_eml

        return export_eml(args)  # one .eml per invitee into the folder --out
    if args.per_recipient and args.kind != "notice":
        raise ValidationError(_("Only a notice takes --per-recipient."))
    if getattr(args, "public", False) and args.kind != "minutes":
        raise ValidationError(_("Only minutes take --public."))
    suffix = Path(args.out).suffix.lower().lstrip(".")
    if args.kind == "notice" and fmt in ("pdf", "docx", "hwpx") and suffix in ("pdf", "docx", "hwpx") and suffix != fmt:
        raise ValidationError(_("--out ends in .{suffix} but --format is {fmt}; give a .{fmt} file.").format(
            suffix=suffix, fmt=fmt))
    if args.date is not None and args.kind != "notice":
        raise ValidationError(_("Only a notice takes --date."))
    issued_on = issue_date(args.date)
    out = check_out_path(args.out)
    services = open_services(args)
    try:
        if kind.target == "year":
            year = _year(args)
            target = (year, services.bodies.find_body(args.body).id if args.body else None)
        elif kind.target == "body":
            if not args.body:
                raise ValidationError(_("'{kind}' needs --body B.").format(kind=args.kind))
            target = services.bodies.find_body(args.body).id
        else:
            if not args.meeting:
                raise ValidationError(_("'{kind}' needs --meeting ID.").format(kind=args.kind))
            if not str(args.meeting).strip().isdigit():
                raise ValidationError(_("'{value}' is not a meeting id (a number).").format(value=args.meeting))
            target = int(args.meeting)
        extra = task_report.period(args) if kind.period else {}
        if kind.urgent:
            extra["urgent_reason"] = args.urgent_reason
        if args.kind == "notice":
            extra["per_recipient"] = args.per_recipient
            if fmt in ("pdf", "docx", "hwpx"):
                extra["issued_on"] = issued_on
                warning = services.exports.notice_after_meeting(target, issued_on)
                if warning:
                    print(_("Warning: {message}").format(message=warning), _("If it went out earlier, give that day "
                          "with --date YYYY-MM-DD."), file=sys.stderr)
        if args.kind == "minutes" and args.public:
            extra["public"] = True
        if kind.names:
            extra["prepared_by"] = args.prepared_by if args.prepared_by is not None else Settings.load().user_name
            extra["checked_by"] = args.checked_by or ""
        if args.kind in ("notice", "attendance-sheet"):
            _warn_invitations(services, target)
        data = kind.render(services, target, fmt, **extra)
    finally:
        services.store.dispose()
    write_out(out, data)
    print(_("Written: {path}").format(path=out))
    return 0


def _warn_invitations(services, meeting_id: int) -> None:
    """A meeting not yet held whose invitation list differs from the current members: said on stderr."""
    gaps = services.meetings.invitation_gaps(meeting_id)
    if gaps.not_invited:
        print(_("Warning: current members not invited: {names}").format(names=", ".join(gaps.not_invited)),
              file=sys.stderr)
    if gaps.not_serving:
        print(_("Warning: invited but no longer serving: {names}").format(names=", ".join(gaps.not_serving)),
              file=sys.stderr)
