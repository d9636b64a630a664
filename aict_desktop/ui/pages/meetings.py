"""회의: 제N차 meetings per body; notice, attendance sheet, minutes and allowances to print.

회의 준비 and meeting mode (``ui/meetings``) add their buttons to ``self.extra_actions``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout

from aict_desktop.domain.enums import MeetingKind, MeetingStatus
from aict_desktop.i18n import _
from aict_desktop.ui.choices import body_items
from aict_desktop.ui.documents import DocumentActions
from aict_desktop.ui.models.meetings import MeetingTableModel
from aict_desktop.ui.pages.base import EntityPage
from aict_desktop.ui.widgets.form import enum_items, fill_combo
from aict_desktop.ui.widgets.search_box import text_matcher


class MeetingsPage(EntityPage):
    page_key = "meetings"
    column_widths = (170, 60, 50, 260, 120, 55, 150, 60)

    def title(self) -> str:
        return _("Meetings")

    def subtitle(self) -> str:
        return _("Meetings of every body, numbered 제N차; notices, attendance sheets, minutes and allowances.")

    def make_model(self):
        return MeetingTableModel(self)

    def build_filters(self, bar) -> None:
        bar.add_choice("body", _("Body"), [])
        bar.add_choice("status", _("Status"), enum_items(MeetingStatus))
        bar.add_check("upcoming", _("Upcoming only"))

    def build_form(self, form) -> None:
        form.combo("body_id", _("Body"))
        form.integer("number", _("Meeting no."), 1, 9999)
        form.enum("kind", _("Kind"), MeetingKind)
        form.date("date", _("Date"))
        form.time("start", _("Starts at"))
        form.time("end", _("Ends at"))
        form.line("place", _("Place"))
        form.line("title", _("Title"), _("(made from the body and number)"))
        form.enum("status", _("Status"), MeetingStatus)
        form.fields["body_id"].currentIndexChanged.connect(self._propose_number)

    def build_actions(self, row) -> None:
        self.documents = DocumentActions(self, self.services)
        # two rows, so that the editor does not take the list's room: the papers of the meeting, then the minutes
        self.document_actions = QHBoxLayout()
        self.minutes_actions = QHBoxLayout()
        self.doc_buttons = {}
        for key, label in (("notice", _("Notice")), ("attendance", _("Attendance sheet")),
                           ("allowances", _("Allowances")), ("minutes", _("Minutes")),
                           ("minutes_public", _("Minutes (public)"))):
            b = QPushButton(label)
            b.setToolTip(_("Preview and print"))
            b.clicked.connect(lambda _c=False, k=key: self.preview_document(k))
            self.doc_buttons[key] = b
            (self.minutes_actions if key.startswith("minutes") else self.document_actions).addWidget(b)
        self.doc_buttons["minutes_public"].setToolTip(_(
            "The version a 구청 posts: no 비공개 items or personal data; speakers as the body's rules say"))
        for fmt, label in (("docx", "DOCX"), ("hwpx", "HWPX")):  # the minutes to edit on, not only in meeting mode
            b = QPushButton(_("Minutes {format}").format(format=label), objectName=f"minutes_{fmt}")
            b.setToolTip(_("Save the minutes as a {format} file").format(format=label))
            b.clicked.connect(lambda _c=False, f=fmt: self.save_minutes(f))
            self.doc_buttons[f"minutes_{fmt}"] = b
            self.minutes_actions.addWidget(b)
        self.document_actions.addStretch(1)
        self.minutes_actions.addStretch(1)
        from aict_desktop.ui.meetings.notice_send_dialog import add_send_button

        add_send_button(self)  # 알림 보내기, beside the notice
        rows = QVBoxLayout()
        rows.addLayout(self.document_actions)
        rows.addLayout(self.minutes_actions)
        self.add_button_row(rows)
        self.annual_button = QPushButton(_("Annual report…"))  # 운영현황 보고서
        self.annual_button.setObjectName("annual_report")
        self.annual_button.setToolTip(_("The year's meetings, members and allowances of the body chosen above "
                                        "(every body when none is chosen)"))
        self.annual_button.clicked.connect(lambda _c=False: self.preview_annual_report())
        self.below_table.addWidget(self.annual_button)
        from aict_desktop.ui.meetings.page_buttons import install_meeting_buttons

        install_meeting_buttons(self, row)  # 회의 준비 · 회의 진행 (ui/meetings)

    def refresh_choices(self) -> None:
        items = body_items(self.services)
        self.filters.set_items("body", items)
        fill_combo(self.form.fields["body_id"], items)
        if self._current is None:
            self._propose_number()

    def load_rows(self):
        return self.services.meetings.list()

    def filter_rows(self, rows):
        body = self.filters.value("body")
        status = self.filters.value("status")
        upcoming = self.filters.value("upcoming")
        today = dt.date.today()
        match = text_matcher(self.filters.text())
        return [r for r in rows
                if (body is None or r.body_id == body) and (not status or r.status == status)
                and (not upcoming or (r.date >= today and r.status != MeetingStatus.CANCELLED.value))
                and (match is None or match(r.title) or match(r.place))]

    def load_record(self, row):
        return self.services.meetings.get(row.id)

    def record_values(self, m):
        return {"body_id": m.body_id, "number": m.number, "kind": m.kind.value, "date": m.starts_at.date(),
                "start": m.starts_at.time(), "end": m.ends_at.time() if m.ends_at else None,
                "place": m.place, "title": m.title, "status": m.status.value}

    def describe(self, record) -> str:
        return record.title

    def new_title(self) -> str:
        return _("New meeting")

    def defaults(self):
        body = self.filters.value("body") if hasattr(self, "filters") else None
        return {"body_id": body, "kind": MeetingKind.REGULAR.value, "date": dt.date.today() + dt.timedelta(days=14),
                "start": dt.time(14, 0), "end": dt.time(16, 0), "status": MeetingStatus.PLANNED.value}

    def _propose_number(self, *_a) -> None:
        body_id = self.form.fields["body_id"].currentData()
        if self._current is None and body_id is not None:
            self.form.fields["number"].setValue(self.services.meetings.next_number(body_id))

    def record_loaded(self, record) -> None:
        self.form.fields["body_id"].setEnabled(record is None)
        if record is None:
            self._propose_number()
        for b in self.doc_buttons.values():
            b.setEnabled(record is not None and self.documents.available("exports"))

    @staticmethod
    def _times(v) -> tuple[dt.datetime, dt.datetime | None]:
        start = dt.datetime.combine(v["date"], v["start"])
        end = dt.datetime.combine(v["date"], v["end"]) if v.get("end") else None
        return start, end

    def create(self, v):
        start, end = self._times(v)
        m = self.services.meetings.create(v["body_id"], starts_at=start, ends_at=end, kind=v["kind"],
                                          number=v["number"], title=v["title"], place=v["place"])
        if v["status"] != MeetingStatus.PLANNED.value:
            m = self.services.meetings.update(m.id, {"status": v["status"]})
        return m

    def update(self, record_id, changes, expected_version, original):
        full = {**original, **changes}
        v = {k: changes[k] for k in ("number", "kind", "place", "title", "status") if k in changes}
        if {"date", "start", "end"} & changes.keys():
            v["starts_at"], v["ends_at"] = self._times(full)
        return self.services.meetings.update(record_id, v, expected_version=expected_version)

    def delete(self, record_id):
        self.services.meetings.delete(record_id)

    def preview_document(self, key: str) -> None:
        if self._current is None:
            return
        m = self._current
        ex = self.services.exports
        makers = {
            "notice": (lambda: ex.notice_pdf(m.id), "회의 개최 알림"),
            "attendance": (lambda: ex.attendance_sheet_pdf(m.id), "참석자 명부"),
            "minutes": (lambda: ex.minutes(m.id, "pdf"), "회의록"),
            "minutes_public": (lambda: ex.minutes(m.id, "pdf", public=True), "회의록(공개용)"),
            "allowances": (lambda: ex.allowances_pdf(m.id), "참석수당 지급 명세"),
        }
        make, doc_name = makers[key]
        if key in ("notice", "attendance"):
            from aict_desktop.ui.meetings.invitations import check_invitations

            if not check_invitations(self, self.services, m.id):
                return
        if key == "notice":
            from aict_desktop.ui.notice_reason import notice_maker

            make = notice_maker(self, ex, m.id)
            if make is None:
                return
        self.documents.preview(make, f"{m.title} {doc_name}", f"{m.title} {doc_name}.pdf")

    def save_minutes(self, fmt: str, path: str | None = None) -> None:
        """회의록 as DOCX or HWPX (asked where), made in the background like the other documents."""
        if self._current is None:
            return
        m = self._current
        ex = self.services.exports
        self.documents.save_file(lambda: ex.minutes(m.id, fmt), f"{m.title} 회의록.{fmt}", path)

    def preview_annual_report(self, year: int | None = None) -> None:
        """운영현황 보고서 of a year (asked; this year by default) for the body in the filter, or all bodies."""
        if year is None:
            this_year = dt.date.today().year
            year, ok = QInputDialog.getInt(self, _("Annual report"), _("Year:"), this_year, 2000, this_year + 1)
            if not ok:
                return
        from aict_desktop.ui.meetings.annual_preview import preview_annual

        preview_annual(self, year, self.filters.value("body"))  # the PDF, with HWPX and Excel to save beside it

    def print_current(self) -> None:
        self.preview_document("notice")
