"""The working-group (분과) panel: goals, plan, milestones, members, programmes, tasks and their log."""
