"""Exports: assemble plain data from the store and hand it to the renderers.

Each export of personal data (names on a roster, an attendance sheet, minutes,
an allowance list) is written to the access log (접속기록).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, select

from aict_desktop.domain.enums import AttendanceStatus, MinutesStatus, Role
from aict_desktop.domain.errors import NotFound, ValidationError
from aict_desktop.domain.models import (
    AgendaItem,
    Appointment,
    Attendance,
    Body,
    Decision,
    Institution,
    Meeting,
    Person,
    Task,
)
from aict_desktop.domain.rules import printed_position, role_sort_key, serves_on
from aict_desktop.i18n import _
from aict_desktop.services.lookup import require_body
from aict_desktop.store.audit import log_access

MINUTES_FORMATS = ("pdf", "docx", "hwpx")


def _role_key(appt: Appointment, name: str):
    return role_sort_key(appt.role, appt.kind, name, appt.id)


class ExportService:
    def __init__(self, store, allowances, today=dt.date.today):
        self.store = store
        self.allowances = allowances
        self._today = today

    # --- helpers ---------------------------------------------------------------

    def _log(self, action: str, target: str, detail: str = "") -> None:
        with self.store.write() as s:
            log_access(s, action, target=target, detail=detail)

    def _meeting(self, s: Session, meeting_id: int) -> Meeting:
        m = s.get(Meeting, meeting_id)
        if m is None:
            raise NotFound(_("There is no meeting {id}.").format(id=meeting_id))
        return m

    @staticmethod
    def _person(s: Session, person_id: int | None) -> tuple[Person | None, str]:
        p = s.get(Person, person_id) if person_id else None
        inst = s.get(Institution, p.institution_id) if p and p.institution_id else None
        return p, inst.name if inst else ""

    def _current(self, s: Session, body_id: int, on: dt.date) -> list[Appointment]:
        return [a for a in s.exec(select(Appointment).where(Appointment.body_id == body_id))
                if serves_on(a, on)]

    # --- roster --------------------------------------------------------------------

    def roster_data(self, body_id: int):
        from aict_desktop.documents.data import RosterData, RosterLine

        today = self._today()
        with self.store.session() as s:
            body = require_body(s, body_id)
            lines = []
            for a in self._current(s, body_id, today):
                p, inst = self._person(s, a.person_id)
                lines.append((_role_key(a, p.name), RosterLine(
                    role=a.role.value, name=p.name, institution=inst, position=printed_position(a.position_title, p.position),
                    kind=a.kind.value, term_start=a.term_start, term_end=a.term_end)))
            return RosterData(body_name=body.name, as_of=today, lines=[ln for _k, ln in sorted(lines, key=lambda t: t[0])])

    def _roster(self, body_id: int, fmt: str, render) -> bytes:
        data = self.roster_data(body_id)
        out = render(data)
        self._log("export.roster", data.body_name, fmt)
        return out

    def roster_pdf(self, body_id: int) -> bytes:
        from aict_desktop.documents import roster

        return self._roster(body_id, "pdf", roster.render_pdf)

    def roster_xlsx(self, body_id: int) -> bytes:
        from aict_desktop.documents import roster

        return self._roster(body_id, "xlsx", roster.render_xlsx)

    def roster_csv(self, body_id: int) -> bytes:
        from aict_desktop.documents import roster

        return self._roster(body_id, "csv", roster.render_csv)

    # --- meeting documents ------------------------------------------------------------

    def notice_data(self, meeting_id: int):
        from aict_desktop.documents.data import AgendaLine, NoticeData

        with self.store.session() as s:
            m = self._meeting(s, meeting_id)
            body = s.get(Body, m.body_id)
            items = s.exec(select(AgendaItem).where(AgendaItem.meeting_id == m.id).order_by(AgendaItem.position))
            return NoticeData(
                body_name=body.name, title=m.title, starts_at=m.starts_at, ends_at=m.ends_at, place=m.place,
                agenda=[AgendaLine(kind=i.kind.value, title=i.title, presenter=i.presenter) for i in items],
                contact=m.contact or body.contact, issuer=body.name, issued_on=self._today(), note=m.note,
            )

    def notice_pdf(self, meeting_id: int) -> bytes:
        from aict_desktop.documents import notice

        data = self.notice_data(meeting_id)
        return notice.render_pdf(data)

    def _members(self, s: Session, m: Meeting) -> list[tuple[Attendance, Appointment | None, Person | None, str]]:
        rows = []
        for att in s.exec(select(Attendance).where(Attendance.meeting_id == m.id, Attendance.is_member)):
            appt = s.get(Appointment, att.appointment_id) if att.appointment_id else None
            p, inst = self._person(s, att.person_id)
            rows.append((att, appt, p, inst))
        return sorted(rows, key=lambda r: _role_key(r[1], r[2].name if r[2] else r[0].name))

    def attendance_sheet_data(self, meeting_id: int):
        from aict_desktop.documents.data import AttendanceSheetData, SheetLine

        with self.store.session() as s:
            m = self._meeting(s, meeting_id)
            lines = [
                SheetLine(institution=inst, position=(appt.position_title if appt and appt.position_title
                                                      else (p.position if p else "")),
                          name=p.name if p else att.name, role=appt.role.value if appt else "")
                for att, appt, p, inst in self._members(s, m)
            ]
            blank = max(5, 12 - len(lines))
            return AttendanceSheetData(title=m.title, starts_at=m.starts_at, place=m.place, lines=lines, blank_rows=blank)

    def attendance_sheet_pdf(self, meeting_id: int) -> bytes:
        from aict_desktop.documents import attendance_sheet

        data = self.attendance_sheet_data(meeting_id)
        out = attendance_sheet.render_pdf(data)
        self._log("export.attendance_sheet", data.title, "pdf")
        return out

    def minutes_data(self, meeting_id: int):
        from aict_desktop.documents.data import ActionData, DecisionData, MinutesData, MinutesItem
        from aict_desktop.services.action_items import owner_name

        with self.store.session() as s:
            m = self._meeting(s, meeting_id)
            present, absent = [], []
            tags = {AttendanceStatus.ONLINE: "온라인", AttendanceStatus.WRITTEN: "서면", AttendanceStatus.PROXY: "대리출석"}
            for att, appt, p, inst in self._members(s, m):
                name = p.name if p else att.name
                label = f"{name}({inst})" if inst else name
                if att.status is AttendanceStatus.PRESENT:
                    present.append(label)
                elif att.status in tags:
                    extra = f", {att.proxy_name}" if att.status is AttendanceStatus.PROXY and att.proxy_name else ""
                    present.append(f"{label}[{tags[att.status]}{extra}]")
                else:
                    absent.append(label)
            observers = [f"{a.name}({a.affiliation})" if a.affiliation else a.name
                         for a in s.exec(select(Attendance).where(Attendance.meeting_id == m.id, ~Attendance.is_member))]
            observers += [t.strip() for t in m.observers.replace("\n", ",").split(",") if t.strip()]
            actions: dict[int | None, list[ActionData]] = {}  # 후속 조치 by agenda item
            for t in s.exec(select(Task).where(Task.origin_meeting_id == m.id).order_by(Task.id)):
                actions.setdefault(t.origin_agenda_item_id, []).append(
                    ActionData(title=t.title, owner=owner_name(s, t), due_on=t.due_on))
            items = []
            for it in s.exec(select(AgendaItem).where(AgendaItem.meeting_id == m.id).order_by(AgendaItem.position)):
                d = s.exec(select(Decision).where(Decision.agenda_item_id == it.id)).first()
                dec = DecisionData(result=d.result.value, yes=d.yes, no=d.no, abstain=d.abstain, text=d.text,
                                   chair_vote=d.chair_vote) if d else None
                items.append(MinutesItem(number=len(items) + 1, kind=it.kind.value, title=it.title,
                                         presenter=it.presenter, notes=it.notes, decision=dec,
                                         actions=actions.pop(it.id, [])))
            signers = []
            for role in (Role.CHAIR, Role.SECRETARY):
                held = [a for a in self._current(s, m.body_id, m.starts_at.date()) if a.role is role]
                signers.append((role.value, s.get(Person, held[0].person_id).name if held else ""))
            return MinutesData(
                title=m.title, starts_at=m.starts_at, ends_at=m.closed_at or m.ends_at, place=m.place,
                present=present, absent=absent, observers=observers, items=items,
                actions=[a for rest in actions.values() for a in rest], summary=m.minutes_summary,
                draft=m.minutes_status is not MinutesStatus.CONFIRMED, confirmed_by=m.minutes_confirmed_by,
                confirmed_at=m.minutes_confirmed_at, signers=signers,
            )

    def minutes(self, meeting_id: int, fmt: str = "pdf") -> bytes:
        fmt = (fmt or "pdf").lower()
        if fmt not in MINUTES_FORMATS:
            raise ValidationError(_("Minutes can be saved as pdf, docx or hwpx, not '{fmt}'.").format(fmt=fmt))
        data = self.minutes_data(meeting_id)
        if fmt == "pdf":
            from aict_desktop.documents.minutes import render_pdf as render
        elif fmt == "docx":
            from aict_desktop.documents.minutes_docx import render_docx as render
        else:
            from aict_desktop.documents.minutes_hwpx import render_hwpx as render
        out = render(data)
        self._log("export.minutes", data.title, fmt)
        return out

    # --- allowances ----------------------------------------------------------------------

    def allowances_pdf(self, meeting_id: int) -> bytes:
        from aict_desktop.documents import allowances

        data = self.allowances.sheet(meeting_id)
        out = allowances.render_pdf(data)
        self._log("export.allowances", data.title, "pdf")
        return out

    def allowances_xlsx(self, meeting_id: int) -> bytes:
        from aict_desktop.documents import allowances

        data = self.allowances.sheet(meeting_id)
        out = allowances.render_xlsx(data)
        self._log("export.allowances", data.title, "xlsx")
        return out
