"""Optional libraries (pyproject extras): present only when installed with ``aigc-roi[xlsx,plot]``.

The base install is what a pre-commit hook needs (`validate`, `check`);
openpyxl and matplotlib come with the extras and are imported only by the
option that uses them. A missing one is a usage problem: one line naming
the extra to install, exit 2.
"""

from __future__ import annotations

import importlib

from aigc_roi.cli.streams import fail_with

XLSX = ("openpyxl", "xlsx")
PLOT = ("matplotlib", "plot")


def require(extra: tuple[str, str], feature: str, lang: str) -> None:
    """Exit 2 with an install hint unless the extra's library imports."""
    module, name = extra
    try:
        importlib.import_module(module)
    except ImportError:
        fail_with("missing_extra", lang, feature=feature, module=module, extra=name)
