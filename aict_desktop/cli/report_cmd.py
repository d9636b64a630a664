"""``aict report composition|attendance --body B [--year Y] [--json]``.

composition: a body's 위촉직/당연직 members and 성별 (양성평등기본법 제21조);
attendance: each member's 출석률 in a year and whether it is under the body's
threshold (해촉 검토, default 50 %).
"""

from __future__ import annotations

import json

from aict_desktop.cli.common import add_verb, jsonable, open_services, print_table
from aict_desktop.i18n import _


def register(sub) -> None:
    p = add_verb(sub, "report", _("report on a body (composition: appointed and ex officio members by gender)"),
                 cmd_report)
    p.add_argument("what", choices=["composition", "attendance"], help=_("what to report"))
    p.add_argument("--body", required=True, metavar="B", help=_("the body (id or exact name)"))
    p.add_argument("--year", type=int, metavar="Y", help=_("the year (attendance; default: this year)"))
    p.add_argument("--json", action="store_true", help=_("print a JSON object"))


def cmd_report(args) -> int:
    if args.what == "attendance":
        return _attendance(args)
    from aict_desktop.domain.rules import Gender, rules_of

    services = open_services(args)
    try:
        body = services.bodies.find_body(args.body)
        report = services.composition.report(body.id)
        cap = rules_of(body).gender_cap_percent
    finally:
        services.store.dispose()
    if args.json:
        print(json.dumps(jsonable(report), ensure_ascii=False, indent=2))
        return 0
    comp = report.composition()
    print(report.body)
    print(comp.describe())
    print()
    print_table([_("Gender"), _("Appointed members"), _("Share")],
                [[g.value, comp.by_gender.get(g.value, 0), f"{comp.share(g):.0f}%"] for g in Gender])
    state = _("met") if report.gender_cap_ok else _("NOT met")
    print(_("One gender at most {cap}% of the appointed members (양성평등기본법 제21조): {state}").format(
        cap=cap, state=state))
    if report.exceptions:
        print()
        print(_("Recorded exceptions"))
        print_table([_("Recorded at"), _("Name"), _("Reason"), _("Composition then"), _("By")],
                    [[e.at.strftime("%Y-%m-%d %H:%M"), e.person or "", e.reason, e.counts, e.by]
                     for e in report.exceptions])
    return 0


def _attendance(args) -> int:
    import datetime as dt

    year = args.year or dt.date.today().year
    services = open_services(args)
    try:
        body = services.bodies.find_body(args.body)
        rates = services.meetings.attendance_rates(body.id, year)
    finally:
        services.store.dispose()
    if args.json:
        print(json.dumps(jsonable(rates), ensure_ascii=False, indent=2))
        return 0
    print(_("{body}: attendance in {year}").format(body=body.name, year=year))
    print_table([_("Name"), _("Invited"), _("Attended"), _("Attendance rate"), _("For review")],
                [[r.person, r.invited, r.attended, "" if r.rate is None else f"{r.rate:.0f}%",
                  _("review for dismissal") if r.review else ""] for r in rates])
    return 0
