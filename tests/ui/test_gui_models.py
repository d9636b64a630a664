"""``qtmodeltester`` on every table model, filled from the demo data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from aict_desktop.ui.models.appointments import AppointmentTableModel
from aict_desktop.ui.models.base import RowRole, SortRole
from aict_desktop.ui.models.bodies import BodyTableModel
from aict_desktop.ui.models.certificates import CertificateTableModel
from aict_desktop.ui.models.import_rows import ImportRowsModel
from aict_desktop.ui.models.institutions import InstitutionTableModel
from aict_desktop.ui.models.meetings import MeetingTableModel
from aict_desktop.ui.models.people import PersonTableModel
from aict_desktop.ui.models.tasks import TaskTableModel


def _certificates(s):
    body = next(b for b in s.bodies.list_bodies() if s.certificates.pending(b.id))
    s.certificates.issue(body.id)
    return s.certificates.list()


MODELS = {
    "bodies": (BodyTableModel, lambda s: s.bodies.list_bodies()),
    "institutions": (InstitutionTableModel, lambda s: s.roster.list_institutions()),
    "people": (PersonTableModel, lambda s: s.roster.list_people()),
    "appointments": (AppointmentTableModel, lambda s: s.appointments.list()),
    "meetings": (MeetingTableModel, lambda s: s.meetings.list()),
    "tasks": (TaskTableModel, lambda s: s.tasks.list()),
    "certificates": (CertificateTableModel, _certificates),
}


@pytest.mark.parametrize("name", list(MODELS))
def test_every_model_passes_the_model_tester(qtmodeltester, demo_services, name):
    cls, load = MODELS[name]
    rows = load(demo_services)
    assert rows
    model = cls()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter(lambda r: False)
    assert model.rowCount() == 0
    model.set_filter(None)
    assert model.rowCount() == len(rows)
    qtmodeltester.check(model, force_py=True)


def test_import_rows_model_passes_the_model_tester(qtmodeltester, services, tmp_path):
    from aict_desktop.services.importing import ImportService

    f = tmp_path / "inst.csv"
    f.write_text("기관명,구분\n서초대학교,대학\n<나쁜>기관,없는분야\n", encoding="utf-8")
    pv = ImportService(services).preview("institutions", f)
    model = ImportRowsModel()
    model.set_preview(pv.headers, pv.rows)
    assert model.columnCount() == len(pv.headers) + 2
    qtmodeltester.check(model, force_py=True)


def test_row_role_and_sort_role(demo_services):
    model = AppointmentTableModel()
    rows = demo_services.appointments.list()
    model.set_rows(rows)
    idx = model.index(0, AppointmentTableModel.COL_END)
    assert model.data(idx, RowRole) is rows[0]
    model.sort(AppointmentTableModel.COL_END, Qt.SortOrder.AscendingOrder)
    ends = [model.data(model.index(i, AppointmentTableModel.COL_END), SortRole) for i in range(model.rowCount())]
    assert ends == sorted(ends)


def test_dates_show_in_the_official_korean_style(demo_services):
    model = AppointmentTableModel()
    rows = demo_services.appointments.list()
    model.set_rows(rows)
    text = model.data(model.index(0, AppointmentTableModel.COL_START))
    d = rows[0].term_start
    assert text == f"{d.year}. {d.month}. {d.day}."
