"""원천징수 구분 in the person editor, this year's 참석수당 budget under the body rules, and the
운영현황 보고서 from the 회의 page: driven by clicks and keys on the real widgets."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt

from aict_desktop.domain.rules import TaxKind
from aict_desktop.i18n import _
from aict_desktop.ui.preview import PreviewDialog
from tests.ui.user import answer_next_input


def pick_combo(qtbot, combo, data) -> None:
    """Choose an item with the keyboard: Home, then Down until it is the current one."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _step in range(combo.count()):
        if combo.currentData() == data:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == data


def type_number(qtbot, spin, text: str) -> None:
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(8, spin.height() // 2))
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)


# --- 원천징수 구분 --------------------------------------------------------------------------


def test_tax_treatment_is_loaded_and_saved_with_the_person(main_window, demo_services, qtbot):
    page = main_window.show_page("people").people
    combo = page.form.fields["tax_kind"]
    assert [combo.itemData(i) for i in range(combo.count())] == [k.value for k in TaxKind]
    page.table.selectRow(0)
    person_id = page._current.id
    assert combo.currentData() == TaxKind.OTHER_INCOME.value  # the default

    pick_combo(qtbot, combo, TaxKind.BUSINESS_INCOME.value)
    qtbot.keyClicks(page.form.fields["position"], " 2")  # another field in the same save
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    saved = demo_services.roster.get_person(person_id)
    assert saved.tax_kind == TaxKind.BUSINESS_INCOME and saved.position.endswith(" 2")
    assert page.form.message.isVisible() and not page.form.error_text("tax_kind")

    page.table.clearSelection()
    page.table.selectRow(1)
    page.select_id(person_id)  # loaded again from the data file
    assert combo.currentData() == TaxKind.BUSINESS_INCOME.value
    pick_combo(qtbot, combo, TaxKind.OFFICIAL.value)  # only the tax kind changes
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert demo_services.roster.get_person(person_id).tax_kind == TaxKind.OFFICIAL
    qtbot.keyClicks(page.form.fields["department"], " B")  # the version moved on: no conflict
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert demo_services.roster.get_person(person_id).department.endswith(" B")


def test_new_person_gets_the_chosen_tax_treatment(main_window, demo_services, qtbot):
    page = main_window.show_page("people").people
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    combo = page.form.fields["tax_kind"]
    assert combo.currentData() == TaxKind.OTHER_INCOME.value
    page.form.fields["name"].insert("김세무")  # Hangul as an input method commits it
    pick_combo(qtbot, combo, TaxKind.TAX_FREE.value)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page._current is not None and page._current.name == "김세무"
    assert demo_services.roster.get_person(page._current.id).tax_kind == TaxKind.TAX_FREE


def test_a_refused_tax_treatment_is_shown_in_the_editor(main_window, demo_services, qtbot):
    gone = demo_services.roster.create_person(name="박삭제")
    page = main_window.show_page("people").people
    page.refresh()
    assert page.select_id(gone.id)
    demo_services.roster.delete_person(gone.id)  # someone else deletes them meanwhile
    pick_combo(qtbot, page.form.fields["tax_kind"], TaxKind.UNPAID.value)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.form.message.isVisible() and page.form.error_text() == _("The person no longer exists.")


# --- 참석수당 예산 ---------------------------------------------------------------------------


def test_budget_spin_box_loads_saves_and_clears(qtbot, demo_services):
    from aict_desktop.ui.pages.settings_rules import BUDGET_SOURCE, RulesPanel

    body_id = demo_services.bodies.list_bodies()[0].id
    year = dt.date.today().year
    panel = RulesPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert "allowance_budget" not in panel.fields  # not a rule: never handed to save_rules
    assert panel.budget_spin.toolTip() == BUDGET_SOURCE == panel.budget_label.toolTip()
    assert BUDGET_SOURCE == "행정기관위원회법 제12조 (예산의 범위에서 지급)"
    demo_services.allowances.set_budget(body_id, year, None)
    panel.load_budget(demo_services, body_id)
    assert str(year) in panel.budget_label.text()
    assert panel.budget_value() is None and panel.budget_spin.text() == _("Not set")
    assert not panel.budget_changed()

    type_number(qtbot, panel.budget_spin, "12000000")
    assert panel.budget_value() == 12_000_000 and panel.budget_changed()
    assert panel.save_budget()
    assert demo_services.allowances.budget(body_id, year) == 12_000_000
    assert not panel.budget_changed()

    panel.load_budget(demo_services, body_id)  # shown again from the data file
    assert panel.budget_value() == 12_000_000 and "12,000,000" in panel.budget_spin.text()
    qtbot.mouseClick(panel.budget_spin, Qt.MouseButton.LeftButton, pos=QPoint(8, panel.budget_spin.height() // 2))
    qtbot.keyClick(panel.budget_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(panel.budget_spin, "-1")  # the lowest value reads "Not set"
    assert panel.budget_value() is None
    assert panel.save_budget()
    assert demo_services.allowances.budget(body_id, year) is None


def test_budget_refusal_is_shown_under_the_spin_box(qtbot, demo_services):
    from aict_desktop.ui.pages.settings_rules import RulesPanel

    body = demo_services.bodies.create_body(name="임시 위원회")
    panel = RulesPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.load_budget(demo_services, body.id)
    demo_services.bodies.delete_body(body.id)
    type_number(qtbot, panel.budget_spin, "500000")
    assert not panel.save_budget()
    assert panel.budget_error.isVisible() and panel.budget_error.text() == _("The body no longer exists.")
    panel.load_budget(demo_services, None)  # another body chosen: the message goes
    assert not panel.budget_error.isVisible() and not panel.budget_spin.isEnabled()


# --- 운영현황 보고서 ---------------------------------------------------------------------------


def test_annual_report_button_previews_the_chosen_body(main_window, demo_services, qtbot, tmp_path):
    page = main_window.show_page("meetings")
    body = demo_services.bodies.list_bodies()[0]
    pick_combo(qtbot, page.filters.combos["body"], body.id)
    for dlg in PreviewDialog.open_dialogs():
        dlg.close()

    answer_next_input(None)  # Esc: nothing made
    qtbot.mouseClick(page.annual_button, Qt.MouseButton.LeftButton)
    assert not PreviewDialog.open_dialogs()

    year = dt.date.today().year
    answer_next_input(str(year), replace=True)
    qtbot.mouseClick(page.annual_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.documents.last_job is not None and page.documents.last_job.done, timeout=30_000)
    dialogs = PreviewDialog.open_dialogs()
    assert dialogs and dialogs[-1].filename == f"{year}년 운영현황 보고서.pdf"
    saved = dialogs[-1].save_pdf(str(tmp_path / "운영현황.pdf"))
    text = "".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "운영현황" in text and body.name in text
    expected = PdfReader(io.BytesIO(demo_services.annual.export(year, body.id, "pdf"))).pages
    assert len(PdfReader(saved).pages) == len(expected)  # the chosen body's report, not every body's
    dialogs[-1].close()
