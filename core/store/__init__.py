"""Saved data: profile, plan, check-ins and outcomes in SQLite (peewee), with migrations,
automatic backups, JSON backup/restore and damage detection. ``Repository`` is the only way
in or out, and speaks core dataclasses."""

from __future__ import annotations

from core.checkin import InvalidValue
from core.store.autobackup import automatic_backups, readable_backups
from core.store.backup import BackupData, BadBackup, load_backup
from core.store.change import Change
from core.store.repository import NoOutcome, Repository, open_repository
from core.store.restore import read_sqlite_backup, replace_saved_data, restore_automatic_backup
from core.store.safety import (
    DamagedDatabase,
    DataUnavailable,
    InvalidRequest,
    MigrationFailed,
    NewerDatabase,
    StoredDataError,
    StoreError,
)

__all__ = [
    "BackupData", "BadBackup", "Change", "DamagedDatabase", "DataUnavailable",
    "InvalidRequest", "InvalidValue", "MigrationFailed", "NewerDatabase", "NoOutcome",
    "Repository", "StoreError", "StoredDataError", "automatic_backups", "load_backup",
    "open_repository", "read_sqlite_backup", "readable_backups", "replace_saved_data",
    "restore_automatic_backup",
]
