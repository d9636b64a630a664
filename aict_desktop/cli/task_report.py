"""``aict export task-report --body B [--from DATE --to DATE] [--format pdf|xlsx] --out FILE``.

The 성과 점검 보고서 of a working group, or of a network and each of its 분과.
``EXPORT_KINDS["task-report"]`` in ``cli.exporting`` points here.
"""

from __future__ import annotations



def add_period_options(parser) -> None:
    from aict_desktop.i18n import _

    parser.add_argument("--from", dest="date_from", metavar="DATE",
                        help=_("start of the review period, YYYY-MM-DD (task-report)"))
    parser.add_argument("--to", dest="date_to", metavar="DATE",
                        help=_("end of the review period, YYYY-MM-DD (task-report)"))


def period(args) -> dict:
    """``start``/``end`` from ``--from``/``--to``; a wrong date is a ValidationError (exit 1)."""
    from aict_desktop.i18n import _
    from aict_desktop.services.tasks import parse_date

    return {"start": parse_date(getattr(args, "date_from", None), _("--from"), "date_from"),
            "end": parse_date(getattr(args, "date_to", None), _("--to"), "date_to")}


def render(services, body_id: int, fmt: str, *, start=None, end=None) -> bytes:
    if fmt == "xlsx":
        return services.reports.task_report_xlsx(body_id, start, end)
    return services.reports.task_report_pdf(body_id, start, end)
