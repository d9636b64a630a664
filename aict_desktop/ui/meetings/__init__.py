"""Meetings: the preparation dialog and the meeting mode window."""
