"""The reportlab internals the PDFs rely on are still there, and borrowing reportlab's
ToUnicode builder for our documents never leaks into anyone else's."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.export import rl_internals
from core.export.fridge_pdf import fridge_pdf_bytes
from core.planner import build_plan
from core.profile import demo_profile


def test_the_installed_reportlab_has_every_internal_we_use() -> None:
    rl_internals.check_version()  # fails loudly, naming what moved, after an upgrade


def test_an_unchecked_major_version_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import reportlab

    monkeypatch.setattr(reportlab, "Version", "9.0.0")
    with pytest.raises(rl_internals.ReportlabChanged, match="not a version"):
        rl_internals.check_version()


def test_the_to_unicode_builder_is_ours_only_while_our_pdf_is_written(tmp_path: Path) -> None:
    from datetime import date

    from reportlab.pdfbase import ttfonts

    own = ttfonts.makeToUnicodeCMap
    profile = demo_profile()
    plan = build_plan(profile, date(2026, 11, 23), 4)
    data = fridge_pdf_bytes(profile, plan.weeks[0])
    assert data.startswith(b"%PDF") and ttfonts.makeToUnicodeCMap is own
