"""The floor under ``runner-legs --smoke``: the least a six-page app on the same libraries
can do. peewee and sqlite3 imported, a sidebar, six pages each with a heading and a 7-row
table, two of them with a QtCharts line chart; every page shown and painted once, then quit.
No data, no rules, no icons. The desktop benchmark times it against the bare window, so the
smoke figure can be read against what the stack itself costs."""

import peewee  # noqa: F401 - imported for its start-up cost, as the app does
from PySide6.QtCharts import QChart, QChartView, QLineSeries
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

PAGES = ("Today", "Calendar", "Profile", "Meals", "Recovery", "Progress")
CHARTS = ("Recovery", "Progress")


def page(name: str) -> QWidget:
    widget = QWidget()
    column = QVBoxLayout(widget)
    column.addWidget(QLabel(f"<h2>{name}</h2>"))
    model = QStandardItemModel(7, 5, widget)
    for row in range(7):
        for col in range(5):
            model.setItem(row, col, QStandardItem(f"{row}:{col}"))
    table = QTableView()
    table.setModel(model)
    column.addWidget(table)
    if name in CHARTS:
        chart = QChart()
        series = QLineSeries()
        for week in range(12):
            series.append(week, week * week)
        chart.addSeries(series)
        chart.createDefaultAxes()
        column.addWidget(QChartView(chart))
    return widget


def main() -> None:
    app = QApplication([])
    window = QMainWindow()
    window.resize(1100, 720)
    sidebar, stack = QListWidget(), QStackedWidget()
    split = QSplitter()
    split.addWidget(sidebar)
    split.addWidget(stack)
    window.setCentralWidget(split)
    window.show()
    app.processEvents()
    for name in PAGES:
        sidebar.addItem(name)
        shown = page(name)
        stack.addWidget(shown)
        stack.setCurrentWidget(shown)
        app.processEvents()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main()
