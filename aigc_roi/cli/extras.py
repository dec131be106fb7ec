"""Optional libraries (pyproject extras): present only when installed with ``aigc-roi[xlsx,plot]``.

The base install is what a pre-commit hook needs (`validate`, `check`);
openpyxl and matplotlib come with the extras and are imported only by the
option that uses them. A missing one is a usage problem: one line naming
the extra to install, exit 2.
"""

from __future__ import annotations

import importlib
import logging
import os

from aigc_roi.cli.streams import fail_with

XLSX = ("openpyxl", "xlsx")
PLOT = ("matplotlib", "plot")

FOLDER_NOTICES = ("mkdir -p failed for path ", "%s is not a writable directory", "Matplotlib created a temporary cache directory ")
"""How Matplotlib's warnings begin (its logger's templates) when it cannot write its config and cache folder (a
read-only HOME, HOME=/proc): it then uses a temporary folder it removes at exit, and the chart is the same."""


def require(extra: tuple[str, str], feature: str, lang: str) -> None:
    """Exit 2 with an install hint unless the extra's library imports."""
    module, name = extra
    if extra == PLOT and not os.environ.get("MPLCONFIGDIR"):
        # Its advice is for its own users: a --plot user did not choose its folder, and -q must leave stderr
        # quiet. A folder the user set (MPLCONFIGDIR) is theirs to fix, and any other warning is still shown.
        logging.getLogger("matplotlib").addFilter(_not_a_folder_notice)
    try:
        importlib.import_module(module)
    except ImportError:
        fail_with("missing_extra", lang, feature=feature, module=module, extra=name)


def _not_a_folder_notice(record: logging.LogRecord) -> bool:
    return not (isinstance(record.msg, str) and record.msg.startswith(FOLDER_NOTICES))
