"""The presenter interface: a typed result in, each format's text, rows or bytes out (as pip-audit's formatters).

A command's presenter knows how its result reads in every format the command
offers; it never prints and never chooses where output goes. The CLI's one
dispatch (``cli/output.py`` ``deliver``) calls the method of the ``--format``
asked for and sends what it returns to stdout or ``--output``. Settings that
are not the result (the number style, which CSV table, a title) are the
presenter's own, given when it is made.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from aigc_roi.present.tables import Table, to_csv, to_json, to_markdown

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from rich.console import RenderableType

    from aigc_roi.present.numbers import NumberStyle

R = TypeVar("R")


class Presenter(ABC, Generic[R]):
    """One result type's formats. ``data``, ``rows`` and ``view`` are every presenter's; ``markdown`` defaults
    to the styled rows under the title; ``workbook`` and ``figure`` only where the command offers xlsx or
    ``--plot``."""

    @abstractmethod
    def data(self, result: R) -> Any:
        """The result as plain data, JSON's shape: full float64, None where a figure is none."""
        raise NotImplementedError

    @abstractmethod
    def rows(self, result: R) -> Table:
        """The raw rows CSV writes: numbers unrounded, keys rather than labels."""
        raise NotImplementedError

    @abstractmethod
    def view(self, result: R) -> Sequence[RenderableType]:
        """What the terminal shows, as Rich renderables (the CLI sizes them to the terminal or the page)."""
        raise NotImplementedError

    def styled_rows(self, result: R) -> Table:
        """The rows as people read them (labels, rounded, an em dash for none): markdown's table."""
        raise NotImplementedError

    title: str = ""
    """The heading of the markdown table."""

    def markdown(self, result: R) -> str:
        return to_markdown(self.styled_rows(result), self.title)

    def workbook(self, result: R) -> bytes:
        """The xlsx workbook (openpyxl imported by the presenter itself, only for this format)."""
        raise NotImplementedError

    def figure(self, result: R, style: NumberStyle) -> Figure:
        """The ``--plot`` chart in ``style`` (English when no CJK font is installed: the CLI decides)."""
        raise NotImplementedError

    def figure_name(self, result: R) -> str:
        """The scenario's name the chart shows: with CJK in it, a chart needs a CJK font in any language."""
        raise NotImplementedError

    def json(self, result: R) -> str:
        return to_json(self.data(result))

    def csv(self, result: R) -> str:
        return to_csv(self.rows(result))
