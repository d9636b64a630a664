"""회의 table."""

from __future__ import annotations

from aict_desktop.domain.enums import MeetingKind, MeetingStatus, MinutesStatus
from aict_desktop.i18n import N_, _
from aict_desktop.ui.screen_text import date_weekday
from aict_desktop.ui.models.base import MUTED, Column, RowTableModel, enum_label


class MeetingTableModel(RowTableModel):
    COL_BODY, COL_NUMBER, COL_KIND, COL_TITLE, COL_DATE, COL_TIME, COL_PLACE, COL_STATUS, COL_MINUTES = range(9)
    COLUMNS = (
        Column(N_("Body"), lambda r: r.body),
        Column(N_("No."), lambda r: r.number, align_right=True, text=lambda r: _("No. {n}").format(n=r.number)),
        Column(N_("Kind"), lambda r: enum_label(MeetingKind, r.kind)),
        Column(N_("Title"), lambda r: r.title),
        Column(N_("Date"), lambda r: r.date, text=lambda r: date_weekday(r.date)),
        Column(N_("Time"), lambda r: r.time),
        Column(N_("Place"), lambda r: r.place),
        Column(N_("Status"), lambda r: enum_label(MeetingStatus, r.status)),
        Column(N_("Minutes"), lambda r: enum_label(MinutesStatus, r.minutes_status)),
    )

    def colour(self, row):
        return MUTED if row.status == MeetingStatus.CANCELLED.value else None
