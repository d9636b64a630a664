"""Domain errors: each carries a message already translated for the user."""

from __future__ import annotations


class DomainError(Exception):
    """Bad input or a broken rule. ``str(err)`` is the user's message."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    pass


class ValidationError(DomainError):
    pass


class ConflictError(DomainError):
    """Someone else saved the record first (optimistic locking)."""

    def __init__(self, message: str, *, changes: dict | None = None):
        super().__init__(message)
        self.changes = changes or {}


class StoreError(DomainError):
    """The data file cannot be used (not a database, locked, foreign, too new)."""
