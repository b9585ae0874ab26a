"""Each data folder keeps its own window settings; settings from the old global file move
into the first folder that starts, once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from desktop.folder_settings import settings_dir, use_folder_settings
from desktop.main_window import PAGE_KEY, MainWindow


def _global(private_settings: Path) -> QSettings:
    """The old shared file (Qt's native place), here inside the test's settings folder."""
    from PySide6.QtCore import QCoreApplication

    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                     QCoreApplication.organizationName(), QCoreApplication.applicationName())


def test_two_data_folders_remember_their_own_page(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    path = use_folder_settings(first)
    assert path.is_relative_to(settings_dir(first))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_page("meals")
    window.close()

    use_folder_settings(second)
    other = MainWindow(ctx)
    qtbot.addWidget(other)
    assert other.current_page_name() == "today"  # a fresh folder: the first page
    other.show_page("progress")
    other.close()

    use_folder_settings(first)
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.current_page_name() == "meals"
    assert QSettings().value(PAGE_KEY) == "meals"
    assert path.is_file() and "meals" in path.read_text(encoding="utf-8")


def test_old_global_settings_move_into_the_first_folder_once(tmp_path: Path,
                                                             private_settings: Path) -> None:
    old = _global(private_settings)
    old.setValue(PAGE_KEY, "recovery")
    old.setValue("files/last_dir", str(tmp_path))
    old.sync()
    assert Path(old.fileName()).is_relative_to(private_settings)

    use_folder_settings(tmp_path / "first")
    assert QSettings().value(PAGE_KEY) == "recovery"
    assert QSettings().value("files/last_dir") == str(tmp_path)
    assert _global(private_settings).allKeys() == []

    use_folder_settings(tmp_path / "second")  # nothing left to move: a fresh start
    assert QSettings().value(PAGE_KEY) is None


def test_a_folder_with_settings_of_its_own_keeps_them(tmp_path: Path,
                                                      private_settings: Path) -> None:
    use_folder_settings(tmp_path / "mine")
    QSettings().setValue(PAGE_KEY, "calendar")
    old = _global(private_settings)
    old.setValue(PAGE_KEY, "recovery")
    old.sync()
    use_folder_settings(tmp_path / "mine")
    assert QSettings().value(PAGE_KEY) == "calendar"
    assert _global(private_settings).value(PAGE_KEY) == "recovery"


def test_a_smoke_run_does_not_take_the_global_settings(tmp_path: Path,
                                                       private_settings: Path) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.app import APPLICATION, ORGANIZATION, run

    QCoreApplication.setOrganizationName(ORGANIZATION)  # the names the app sets
    QCoreApplication.setApplicationName(APPLICATION)
    old = _global(private_settings)
    old.setValue(PAGE_KEY, "recovery")
    old.sync()
    assert run([], smoke=True, data_dir=str(tmp_path / "smoke")) == 0
    assert _global(private_settings).value(PAGE_KEY) == "recovery"
