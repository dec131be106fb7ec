"""An export given twice to one comparison: refused, whatever the options, before it is read again.

Every row of it is a campaign-day given again: with ``--sum-duplicates`` each would be added into itself, its money
counted twice, and so would an ad-level or hourly report's parts, which are summed as a campaign-day's even without it
(duplicates.py); without it each row would be refused on its own, a hundred lines for one slip of the command line.

The same export is the same bytes: one path given twice (``report.csv ./report.csv``), a link to the file (symbolic
or hard) or a copy of it under another name (``report (1).csv``, a download saved twice): the same rows, whatever the
name. An export whose bytes differ in anything (exported again, re-saved by a spreadsheet) is read, and its rows held
to duplicates.py's rule as any two exports' are.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from aigc_roi.model.errors import ScenarioError


class GivenOnce:
    """The exports read so far, by the digest of their bytes."""

    def __init__(self) -> None:
        self.first: dict[bytes, tuple[int, Path]] = {}
        """Digest of some bytes -> the number (from 1) and path of the export that had them first."""

    def again(self, number: int, path: Path, data: bytes) -> ScenarioError | None:
        """The refusal of export ``number`` at ``path``, whose bytes are ``data``, where an earlier export had them;
        None for bytes not given before."""
        first, earlier = self.first.setdefault(hashlib.sha256(data).digest(), (number, path))
        if first == number:
            return None
        what = "file" if _same_file(earlier, path) else "bytes"
        return ScenarioError(str(path), 1, 1, "", f"expected each export once, found the same {what} as {earlier} "
                                                  f"(export {first}), whose rows would count twice")


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (the same path, a link to it), which the message then calls one file rather
    than a copy."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False  # removed since it was read: it can be told apart by its bytes alone
