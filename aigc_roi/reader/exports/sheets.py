"""Which sheets of a workbook export are read.

A hidden sheet is never read: a console's workbook shows its report, and a sheet hidden by hand is most often a
stale copy kept out of sight (旧数据), whose rows read beside the visible ones would count its spend again. Of the
visible sheets, every one whose header a shape recognises is read, each as its own source (``book.xlsx[账户A]``,
``book.xlsx[账户B]``: one report downloaded for two accounts), but only where their headers are the same as written:
sheets of other columns may be one report at two levels (by campaign, by ad), whose rows together would count the
same spend twice, so such a workbook is refused at each sheet that differs from the first, with how to choose (hide
the sheets not to read). A visible sheet read or not and a hidden one are both said in the summary
(``ReportSource.skipped_sheets``): none is passed over silently. Where no visible sheet is recognised, a hidden one
that is refuses the workbook (unhide it); else the first visible sheet with a row of two or more filled cells is
read, its header refused as unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from aigc_roi.model.actuals import SkippedSheet
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.model.names import listed

Scan = Callable[[int], "tuple[int, bool] | None"]
"""A sheet's number -> the index of its header row and whether a shape recognises it; None for no row of two or more
filled cells."""


@dataclass(frozen=True)
class Chosen:
    read: list[tuple[int, int]]
    """(sheet number, header row's index) of each sheet read, in the workbook's order."""
    skipped: tuple[SkippedSheet, ...]


def chosen_sheets(file: str, sheets: Sequence[tuple[str, bool]], scan: Scan) -> Chosen:
    """The sheets of the workbook ``file`` to read, of ``sheets`` (title, hidden); ScenarioInvalid where none can be."""
    visible = [number for number, (_, hidden) in enumerate(sheets) if not hidden]
    found = {number: scan(number) for number in visible}
    read = [(number, at[0]) for number, at in found.items() if at is not None and at[1]]
    if not read:
        hidden = [title for number, (title, hidden) in enumerate(sheets) if hidden and (at := scan(number)) and at[1]]
        if hidden:
            raise _refused(file, f"expected a report table on a visible sheet, found one only on hidden sheets "
                                 f"({listed(hidden)}); unhide the sheet to read: hidden sheets are not read")
        read = [(number, at[0]) for number, at in found.items() if at is not None][:1]
        if not read:
            raise _refused(file, "expected a report with a header row, found no row of two or more filled cells "
                                 f"(sheets: {listed(title for title, _ in sheets)})")
    numbers = {number for number, _ in read}
    return Chosen(read, tuple(SkippedSheet(file, title, hidden) for number, (title, hidden) in enumerate(sheets)
                              if number not in numbers))


def same_columns(headers: Sequence[tuple[str, int, str, list[str]]]) -> None:
    """ScenarioInvalid at each sheet read whose columns are not the first's; ``headers``: (location, header line,
    title, header) of each sheet read."""
    _, _, first_title, first = headers[0]
    columns = _columns(first)
    errors = []
    for place, line, _, header in headers[1:]:
        other = _columns(header)
        if other == columns:
            continue
        index = next(index for index in range(max(len(columns), len(other)))
                     if _at(columns, index) != _at(other, index))
        mine, theirs = _at(other, index), _at(columns, index)
        found = (f"column {index + 1} {mine!r}" if mine else f"no header in column {index + 1}") + \
            (f", where {first_title!r} has {theirs!r}" if theirs else f", where {first_title!r} has none")
        errors.append(ScenarioError(
            place, line, index + 1, mine or "header",
            f"expected the columns of sheet {first_title!r} (sheets are read together only where their columns are "
            f"the same), found {found}; hide the sheets not to read, or save each report as its own file"))
    if errors:
        raise ScenarioInvalid(errors)


def _columns(header: list[str]) -> list[str]:
    """A header's columns as written, its empty cells at the end left out."""
    texts = [text.strip() for text in header]
    while texts and not texts[-1]:
        texts.pop()
    return texts


def _at(columns: list[str], index: int) -> str:
    return columns[index] if index < len(columns) else ""


def _refused(file: str, message: str) -> ScenarioInvalid:
    return ScenarioInvalid([ScenarioError(file, 1, 1, "", message)])
