"""Suite-wide settings. On CI (``CI`` set) hypothesis draws the same examples every run, so a
red build always means a change broke something; locally it keeps exploring new ones."""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
