"""The floor under a user's start: the least a one-page app on the same libraries can do
before its first paint. peewee and sqlite3 imported (a connection opened), the ``Qt``
namespace used, a window with a six-row sidebar and one page shaped like Today: a heading,
four stat tiles, a session card, an eight-item checklist and two buttons, in a scroll area.
No data, no rules, no icons, no style sheet, no menus. The desktop benchmark times it against
the bare window, so the start-up figure can be read against what the stack itself costs."""

import sqlite3

import peewee  # noqa: F401 - imported for its start-up cost, as the app does
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

PAGES = ("Today", "Calendar", "Profile", "Meals", "Recovery", "Progress")


def today_page() -> QWidget:
    page = QWidget()
    column = QVBoxLayout(page)
    column.addWidget(QLabel("<h2>Monday 23 November</h2>"))
    column.addWidget(QLabel("Week 2 of 12 · base building"))
    tiles = QGridLayout()
    for k, (name, value) in enumerate((("Energy", "2,050 kcal"), ("Protein", "115 g"),
                                       ("Carbohydrate", "260 g"), ("Water", "2,336 ml"))):
        tile = QFrame()
        tile.setFrameShape(QFrame.Shape.StyledPanel)
        inside = QVBoxLayout(tile)
        inside.addWidget(QLabel(name))
        inside.addWidget(QLabel(f"<b>{value}</b>"))
        tiles.addWidget(tile, 0, k)
    column.addLayout(tiles)
    card = QFrame()
    card.setFrameShape(QFrame.Shape.StyledPanel)
    inside = QVBoxLayout(card)
    inside.addWidget(QLabel("<b>Easy run</b> · 40 min"))
    inside.addWidget(QLabel("Warm-up: 5 min walk\nMain: 30 min at a conversational pace\n"
                            "Cool-down: 5 min walk and stretch"))
    buttons = QHBoxLayout()
    buttons.addWidget(QPushButton("Mark done"))
    buttons.addWidget(QPushButton("Change plan"))
    inside.addLayout(buttons)
    column.addWidget(card)
    for k in range(8):
        column.addWidget(QCheckBox(f"Recovery step {k + 1}"))
    column.setAlignment(Qt.AlignmentFlag.AlignTop)
    return page


def main() -> QMainWindow:
    sqlite3.connect(":memory:").execute("select 1").fetchall()
    app = QApplication([])
    window = QMainWindow()
    window.resize(1100, 720)
    central = QWidget()
    row = QHBoxLayout(central)
    sidebar = QListWidget()
    sidebar.addItems(PAGES)
    sidebar.setFixedWidth(180)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(today_page())
    row.addWidget(sidebar)
    row.addWidget(scroll, 1)
    window.setCentralWidget(central)
    window.show()
    app.processEvents()
    return window


if __name__ == "__main__":
    main()
