"""``aict list bodies|institutions|people|appointments|meetings|tasks|certificates [--body B] [--json]``,
``aict list attendance --meeting ID [--json]`` and ``aict list allowances --meeting ID [--json]``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aict_desktop.cli.common import add_verb, open_services, print_json, print_table
from aict_desktop.i18n import N_, _

if TYPE_CHECKING:
    from aict_desktop.services.container import Services

# what each listing shows in the table view: (json field, column header)
_COLUMNS = {
    "bodies": [("id", "ID"), ("name", N_("Body name")), ("kind", N_("Kind")), ("parent", N_("Parent")),
               ("issuer", N_("Appointing authority"))],
    "institutions": [("id", "ID"), ("name", N_("Institution name")), ("sector", N_("Sector"))],
    "people": [("id", "ID"), ("name", N_("Name")), ("institution", N_("Institution")), ("position", N_("Position"))],
    "appointments": [
        ("id", "ID"), ("person", N_("Name")), ("institution", N_("Institution")), ("body", N_("Body")), ("role", N_("Role")),
        ("kind", N_("Kind")), ("term_start", N_("Term start")), ("term_end", N_("Term end")), ("status", N_("Status")),
    ],
    "meetings": [("id", "ID"), ("body", N_("Body")), ("number", N_("No.")), ("title", N_("Title")), ("date", N_("Date")),
                 ("status", N_("Status"))],
    "tasks": [
        ("id", "ID"), ("title", N_("Title")), ("body", N_("Body")), ("owner", N_("Owner")), ("due", N_("Due")),
        ("status", N_("Status")), ("progress", N_("Progress")),
    ],
    "certificates": [
        ("serial", N_("Serial")), ("person", N_("Name")), ("body", N_("Body")), ("role", N_("Role")),
        ("issued_on", N_("Issued on")), ("status", N_("Status")),
    ],
    "attendance": [
        ("id", "ID"), ("person", N_("Name")), ("role", N_("Role")), ("status", N_("Attendance")),
        ("counts_for_quorum", N_("Counts for quorum")), ("counts_for_vote", N_("Counts for vote")),
        ("paid", N_("Paid")),
    ],
    "allowances": [
        ("id", "ID"), ("person", N_("Name")), ("status", N_("Attendance")), ("amount", N_("Amount")),
        ("taxable_income", N_("Taxable income")), ("income_tax", N_("Income tax")), ("local_tax", N_("Local tax")),
        ("net", N_("Net")), ("tax_kind", N_("Tax kind")),
    ],
}
_BY_MEETING = ("attendance", "allowances")


def register(sub) -> None:
    p = add_verb(sub, "list", _("list records"), cmd_list)
    p.add_argument("what", choices=list(_COLUMNS), help=_("what to list"))
    p.add_argument("--body", metavar="B", help=_("only records of this body (id or exact name)"))
    p.add_argument("--meeting", type=int, metavar="ID",
                   help=_("the meeting (for 'list attendance' and 'list allowances')"))
    p.add_argument("--json", action="store_true", help=_("print a JSON array"))
    p.set_defaults(list_parser=p)


def attendance(services: Services, meeting_id: int) -> list[dict]:
    """One object per attendee: who, and what their attendance counts for under the body's rules."""
    return [{"id": r.id, "person": r.name, "role": r.role, "status": r.status,
             "counts_for_quorum": r.counts_for_quorum, "counts_for_vote": r.counts_for_vote, "paid": r.paid}
            for r in services.meetings.attendance_rows(meeting_id)]


def allowances(services: Services, meeting_id: int) -> list[dict]:
    """One object per line of a held meeting's payment list: amount, tax withheld and net (won)."""
    return [{"id": ln.attendance_id, "person": ln.name, "status": ln.attendance, "amount": ln.amount,
             "taxable_income": ln.taxable_income, "income_tax": ln.income_tax, "local_tax": ln.local_tax,
             "net": ln.net, "tax_kind": ln.tax_kind}
            for ln in services.allowances.payments(meeting_id)]


def fetch(services: Services, what: str, body_id: int | None):
    if what == "bodies":
        rows = services.bodies.list_bodies()
        if body_id is not None:
            rows = [r for r in rows if r.id == body_id or r.parent_id == body_id]
        return rows
    if what == "institutions":
        return services.roster.list_institutions(body_id=body_id)
    if what == "people":
        return services.roster.list_people(body_id=body_id)
    if what == "appointments":
        return services.appointments.list(body_id=body_id)
    if what == "meetings":
        return services.meetings.list(body_id=body_id)
    if what == "tasks":
        return services.tasks.list(body_id=body_id, include_subgroups=True)
    if what == "certificates":
        return services.certificates.list(body_id=body_id)
    raise ValueError(what)


def cmd_list(args) -> int:
    if (args.what in _BY_MEETING) != (args.meeting is not None):
        args.list_parser.error(_("--meeting ID goes with 'list attendance' and 'list allowances' (and only with them)."))
    services = open_services(args)
    try:
        body_id = services.bodies.find_body(args.body).id if args.body else None
        if args.what in _BY_MEETING:
            rows = (attendance if args.what == "attendance" else allowances)(services, args.meeting)
        else:
            rows = fetch(services, args.what, body_id)
        if args.what == "people" and args.json:  # names with e-mails and mobiles leave the program
            from aict_desktop.services.data_file import log_access

            with services.store.write() as s:
                log_access(s, "export.people", target="aict list people --json",
                           subject=args.body or "", detail=f"{len(rows)} rows")
    finally:
        services.store.dispose()
    if args.json:
        print_json(rows)
        return 0
    columns = _COLUMNS[args.what]
    cell = dict.get if args.what in _BY_MEETING else getattr
    print_table([_(h) for _k, h in columns], [[cell(r, k, None) for k, _h in columns] for r in rows])
    return 0
