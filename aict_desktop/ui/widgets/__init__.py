"""Reusable widgets: form panel, filter bar, search box, Korean date edit."""
