"""The languages labels are shown in, and the one a locale asks for: apart from the labels themselves
(present/labels.py), which `--help` never reads and need not load (`validate` does: its summary is a label)."""

from __future__ import annotations

import os

LANGUAGES = ("en", "zh")


def default_lang() -> str:
    """``zh`` when the locale (LC_ALL, then LANG) is Chinese, else ``en``."""
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
    return "zh" if locale.lower().startswith("zh") else "en"
