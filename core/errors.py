"""Errors that carry their meaning as data: a ``code`` and the ``numbers`` (values, limits,
dates) behind it, so each face words them itself and nothing parses another layer's text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class RequestError(ValueError):
    """What was asked does not fit the saved data or the rules (the user's input: the
    command line exits 2). ``str()`` is a plain English sentence for the command line."""

    def __init__(self, code: str, numbers: Mapping[str, Any], text: str) -> None:
        super().__init__(text)
        self.code = code
        self.numbers = dict(numbers)
