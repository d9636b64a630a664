"""The working-group panel, its dialogs, the task log and the dashboard widget, offscreen with real services."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from aict_desktop.domain.enums import TaskStatus
from tests.groups_sample import build, fixed_services


@pytest.fixture
def gs(store):
    services = fixed_services(store)
    return services, build(services)


@pytest.fixture
def panel(qtbot, gs):
    from aict_desktop.ui.working_groups.group_panel import WorkingGroupPanel

    services, sample = gs
    p = WorkingGroupPanel(services)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    p.select_group(sample.g1)
    return p


def test_panel_shows_goals_plan_milestones_members_programmes_tasks(panel, gs, qtmodeltester):
    services, s = gs
    assert panel.group_combo.currentData() == s.g1
    assert [panel.group_combo.itemText(i) for i in range(panel.group_combo.count())] == [
        "서초 AI 혁신 네트워크 › AI 인재양성 분과", "서초 AI 혁신 네트워크 › AI 실증 플랫폼 분과"]
    assert "김하늘" in panel.summary_label.text() and "1/4" in panel.summary_label.text()
    assert panel.progress.value() == 53
    assert panel.goals.goals.toPlainText().startswith("주민 AI 교육 1,000명")
    assert "4분기" in panel.goals.plan.toPlainText()
    assert [m.title for m in panel.milestone_model.rows()] == ["AI 전문 자격 교육과정 설계", "주민 AI 특강 4회"]
    assert [m.name for m in panel.member_model.rows()] == ["김하늘", "이서준", "KT", "서울대학교"]
    assert [p.title for p in panel.program_model.rows()] == ["주민 대상 AI 특강 ①", "서초 AI 해커톤 2025"]
    assert panel.task_model.rowCount() == 4
    assert [r.title for r in panel.due.overdue_model.rows()] == ["교재 초안 작성"]
    assert [r.title for r in panel.due.week_model.rows()] == ["강사진 섭외"]
    for model in (panel.milestone_model, panel.member_model, panel.program_model, panel.task_log.model,
                  panel.due.overdue_model):
        qtmodeltester.check(model)


def test_goals_saved_and_a_concurrent_edit_refused(panel, gs):
    services, s = gs
    panel.goals.goals.setPlainText("주민 AI 교육 2,000명")
    assert panel.goals.save()
    assert services.bodies.get_body(s.g1).goals == "주민 AI 교육 2,000명"
    services.groups.set_goals(s.g1, plan="다른 사람이 고친 계획")  # someone else saves meanwhile
    panel.goals.goals.setPlainText("내 변경")
    assert not panel.goals.save()
    assert "다른 사용자" in panel.goals.message.text()
    assert services.bodies.get_body(s.g1).goals == "주민 AI 교육 2,000명"


def test_task_log_and_move_between_groups(panel, gs):
    services, s = gs
    row = panel.task_model.index_of_id(s.t_open)
    panel.task_table.selectRow(row)
    assert panel.task_log.task_id == s.t_open
    assert [u.change for u in panel.task_log.model.rows()][-1] == "등록"
    panel.task_log.comment.setText("1차 섭외 완료")
    assert panel.task_log.add_comment()
    assert panel.task_log.model.rows()[0].comment == "1차 섭외 완료"
    assert panel.move_task(s.g2)
    assert services.tasks.get(s.t_open).body_id == s.g2
    assert panel.task_model.index_of_id(s.t_open) == -1
    log = services.tasks.updates(s.t_open)
    assert log[0].change == "등록" and "body_id: AI 인재양성 분과 → AI 실증 플랫폼 분과" in log[-1].change
    panel.select_group(s.g2)
    panel.task_table.selectRow(panel.task_model.index_of_id(s.t_open))
    shown = panel.task_log.model.data(panel.task_log.model.index(0, 2))
    assert "분과: AI 인재양성 분과 → AI 실증 플랫폼 분과" in shown


def test_milestone_dialog_saves_and_shows_errors_in_place(qtbot, gs):
    from aict_desktop.ui.working_groups.milestone_dialog import MilestoneDialog

    services, s = gs
    dlg = MilestoneDialog(services, s.g2)
    qtbot.addWidget(dlg)
    dlg.form.fields["title"].setText("   ")
    dlg.accept()
    assert dlg.result() == 0 and dlg.form.error_text("title")
    dlg.form.fields["title"].setText("실증 공모 공고")
    dlg.form.fields["due_on"].set_value(dt.date(2025, 11, 15))
    dlg.accept()
    assert dlg.saved is not None and dlg.saved.period == "2025 4분기"
    ms = services.groups.milestones(s.g2)[0]
    edit = MilestoneDialog(services, s.g2, ms)
    qtbot.addWidget(edit)
    assert edit.form.fields["title"].text() == "실증 공모 공고"
    edit.form.fields["status"].setCurrentIndex(edit.form.fields["status"].findData(TaskStatus.DONE.value))
    edit.accept()
    assert services.groups.milestones(s.g2)[0].status is TaskStatus.DONE


def test_program_dialog(qtbot, gs):
    from aict_desktop.ui.working_groups.program_dialog import ProgramDialog

    services, s = gs
    dlg = ProgramDialog(services, s.g2)
    qtbot.addWidget(dlg)
    assert dlg.form.fields["body_id"].currentData() == s.g2
    f = dlg.form.fields
    f["kind"].setCurrentIndex(f["kind"].findData("페스타"))
    f["title"].setText("AI 페스타 2025")
    f["held_on"].set_value(dt.date(2025, 10, 11))
    f["ends_on"].set_value(dt.date(2025, 10, 10))
    dlg.accept()
    assert dlg.saved is None and "종료일" in dlg.form.error_text()
    f["ends_on"].set_value(dt.date(2025, 10, 12))
    f["participants"].setValue(3000)
    dlg.accept()
    rows = services.groups.programs(body_id=s.g2)
    assert [(r.kind, r.title, r.participants) for r in rows] == [("페스타", "AI 페스타 2025", 3000)]


def test_dashboard_widget_bars_and_overdue_by_owner(qtbot, gs):
    from aict_desktop.ui.working_groups.progress_widget import GroupProgressWidget

    services, s = gs
    w = GroupProgressWidget(services)
    qtbot.addWidget(w)
    w.reload()
    assert w.bars[s.g1].value() == 53 and w.bars[s.g2].value() == 0
    assert [w.owners.item(i).text() for i in range(w.owners.count())] == ["이서준: 1건 — 교재 초안 작성"]
    with qtbot.waitSignal(w.group_activated) as sig:
        w.group_activated.emit(s.g2)
    assert sig.args == [s.g2]


def test_report_preview_and_xlsx_from_the_panel(qtbot, panel, gs, tmp_path):
    from aict_desktop.ui.preview import PreviewDialog

    services, s = gs
    panel.report_bar.start.set_value(dt.date(2025, 7, 1))
    panel.report_bar.end.set_value(dt.date(2025, 9, 30))
    panel.report_bar.preview()
    qtbot.waitUntil(lambda: panel.report_bar.last_job.done, timeout=20000)
    dialogs = PreviewDialog.open_dialogs()
    assert dialogs and dialogs[-1].document.pageCount() >= 1
    assert "성과 점검 보고서" in dialogs[-1].windowTitle()
    for d in dialogs:
        d.close()
    out = tmp_path / "review.xlsx"
    panel.report_bar.save_xlsx(str(out))
    qtbot.waitUntil(lambda: panel.report_bar.last_job.done and out.exists(), timeout=20000)
    wb = load_workbook(io.BytesIO(out.read_bytes()))
    assert wb["요약"]["B3"].value == "2025. 7. 1.~2025. 9. 30."
