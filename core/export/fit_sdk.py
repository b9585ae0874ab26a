"""The one module that touches Garmin's FIT SDK (``garmin-fit-sdk``), behind a version check.

Only the SDK's public ``Encoder`` and ``Profile`` are used. The SDK's encoder drops fields it
does not know by name, and sub-fields (``duration_time``, ``repeat_steps``) are such names:
values go in the main fields in their raw units (milliseconds, step indexes, counts). That
convention belongs to the profile version, so a new major version is refused loudly here
(and by tests/export/test_fit_workout.py) until it has been checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SUPPORTED_MAJOR = 21


class FitSdkMismatch(RuntimeError):
    """The installed garmin-fit-sdk is a major version these files were not checked with."""


def sdk() -> Any:
    """The garmin_fit_sdk module, after checking its major version."""
    import garmin_fit_sdk

    version = str(getattr(garmin_fit_sdk, "__version__", "0"))
    major = version.split(".", 1)[0]
    if major != str(SUPPORTED_MAJOR):
        raise FitSdkMismatch(f"garmin-fit-sdk {version} is installed; workout files are "
                             f"written for version {SUPPORTED_MAJOR}.x")
    return garmin_fit_sdk


def mesg_num(name: str) -> int:
    """The global message number of ``name`` ("FILE_ID", "WORKOUT", "WORKOUT_STEP")."""
    number: int = sdk().Profile["mesg_num"][name]
    return number


def encode(messages: Iterable[tuple[str, Mapping[str, Any]]]) -> bytes:
    """A whole FIT file (header, records, CRC) from (message name, fields) pairs; enum
    fields take their profile names ("workout", "running", "warmup")."""
    fit = sdk()
    encoder = fit.Encoder()
    for name, fields in messages:
        encoder.write_mesg({"mesg_num": mesg_num(name), **fields})
    data: bytes = bytes(encoder.close())
    return data


__all__ = ["encode", "sdk", "mesg_num", "FitSdkMismatch", "SUPPORTED_MAJOR"]
