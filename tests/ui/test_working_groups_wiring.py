"""The 분과 panel reached from the main window, the 과제 page and the dashboard, on the demo data."""

from __future__ import annotations


def test_demo_network_groups_visible_with_goals_plans_and_tasks(main_window, demo_services):
    from aict_desktop.ui.working_groups.group_panel import WorkingGroupPanel

    panel = main_window.show_page("groups")
    assert isinstance(panel, WorkingGroupPanel)
    names = [panel.group_combo.itemText(i) for i in range(panel.group_combo.count())]
    assert sum("분과" in n for n in names) == 4 and all(n.startswith("서초 AI 혁신 네트워크 ›") for n in names)
    for i in range(4):  # every 분과 of the demo has goals, a plan, milestones and tasks
        panel.group_combo.setCurrentIndex(i)
        assert panel.goals.goals.toPlainText().strip() and panel.goals.plan.toPlainText().strip()
        assert panel.milestone_model.rowCount() > 0 and panel.task_model.rowCount() > 0
        assert panel.summary_label.text().startswith(panel.body.name)


def test_tasks_page_opens_the_group_of_the_selected_task(main_window, demo_services):
    tasks = main_window.show_page("tasks")
    row = next(i for i, r in enumerate(tasks.model.rows()) if r.body and "분과" in r.body)
    tasks.table.selectRow(row)
    body_id = tasks.model.row(row).body_id
    tasks.group_button.click()
    panel = main_window.current_page()
    assert panel is main_window.pages["groups"] and panel.body.id == body_id


def test_dashboard_shows_group_progress_and_links_to_the_group(main_window, demo_services):
    dash = main_window.show_page("dashboard")
    groups = demo_services.groups.summaries()
    assert set(dash.groups_widget.bars) == {g.id for g in groups}
    assert all(dash.groups_widget.bars[g.id].value() == g.progress for g in groups)
    target = groups[0].id
    dash.groups_widget.group_activated.emit(target)
    assert main_window.current_page().body.id == target
