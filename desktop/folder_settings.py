"""Window settings (size, place, last page, calendar view, last export folder) kept per data
folder, in ``<data folder>/settings/``: two data folders (``--data-dir``, ``RUNNER_LEGS_HOME``)
no longer share one "Runner Legs.conf", and the settings travel with the data they describe.

Every ``QSettings()`` in the app reads and writes this file: the default format becomes INI
and its user path the data folder's ``settings`` folder (Qt adds ``<organisation>/<app>.ini``).
Settings from before, in the one global place, move into the first data folder that starts
(once: the global copy is emptied, so a second folder starts fresh).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

SETTINGS_FOLDER = "settings"


def settings_dir(data_dir: Path) -> Path:
    """Where the settings of the data folder ``data_dir`` live."""
    return Path(data_dir) / SETTINGS_FOLDER


def use_folder_settings(data_dir: Path, *, migrate: bool = True) -> Path:
    """Point every default ``QSettings()`` at ``data_dir``'s own file and return its path.
    With ``migrate``, settings still in the old global place move in first (when this folder
    has none yet)."""
    folder = settings_dir(data_dir)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    settings = QSettings()
    if migrate and not settings.allKeys():
        moved = move_global_settings(settings)
        if moved:
            settings.sync()
    return Path(settings.fileName())


def move_global_settings(into: QSettings) -> int:
    """Copy the old global settings (Qt's native place for our organisation and application
    names) into ``into``, then empty them; returns how many keys moved."""
    old = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                    QCoreApplication.organizationName(), QCoreApplication.applicationName())
    if Path(old.fileName()) == Path(into.fileName()):
        return 0
    keys = old.allKeys()
    for key in keys:
        into.setValue(key, old.value(key))
    if keys:
        old.clear()
        old.sync()
    return len(keys)
