"""The store's writes return :class:`core.changes.Change` (kept here for older imports)."""

from __future__ import annotations

from core.changes import NO_CHANGES, Adaptation, Change

__all__ = ["NO_CHANGES", "Adaptation", "Change"]
