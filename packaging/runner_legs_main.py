"""The bundle's start script: the same ``main`` the ``runner-legs`` command runs."""

from __future__ import annotations

import sys

from desktop.launch import main

if __name__ == "__main__":
    sys.exit(main())
