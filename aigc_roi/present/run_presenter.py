"""`run`'s result in every format, and its ``--plot``: the cumulative-cash chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aigc_roi.present import tables
from aigc_roi.present.numbers import NumberStyle
from aigc_roi.present.presenter import Presenter
from aigc_roi.present.run_data import RunReport

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from rich.console import RenderableType

    from aigc_roi.present.inputs_table import InputRow, ScenarioFacts


@dataclass(frozen=True)
class RunPresenter(Presenter[RunReport]):
    """A run report (present/run_data.py) as JSON, one CSV table (``table``), markdown, the view or the workbook.

    ``months``: the monthly table in the views, None for each view's default (shown in markdown, not in the
    terminal). ``inputs`` (the file's values, by field path) and ``facts`` are needed by the inputs table and
    the workbook only."""

    style: NumberStyle
    table: str = "months"
    months: bool | None = None
    inputs: Sequence[InputRow] = ()
    facts: ScenarioFacts | None = None

    def data(self, result: RunReport) -> dict[str, Any]:
        return result.to_json()

    def rows(self, result: RunReport) -> tables.Table:
        if self.table == "inputs":
            from aigc_roi.present.inputs_table import INPUT_COLUMNS, inputs_rows

            assert self.facts is not None, "the inputs table states the scenario's facts first"
            # CSV stays English for machines (README): a set's mark, `(--set; file: 12)`, as the `dist:` word.
            return list(INPUT_COLUMNS), inputs_rows(self.facts, self.inputs, "en")
        if self.table == "cohorts":
            return tables.cohorts_table(result)
        if self.table == "channels":
            # The organic row is named in the invocation's language.
            return tables.channels_table(result, self.style.lang)
        return tables.RUN_TABLES[self.table](result)

    def markdown(self, result: RunReport) -> str:
        return tables.run_markdown(result, self.style, self.months is not False)

    def view(self, result: RunReport) -> list[RenderableType]:
        from aigc_roi.present.run_view import run_view

        # The table view keeps the headline figures on a laptop screen: months only when asked.
        return run_view(result, self.style, self.months is True)

    def workbook(self, result: RunReport) -> bytes:
        from aigc_roi.present.workbook import workbook_bytes

        assert self.facts is not None, "the workbook states the scenario's facts"
        return workbook_bytes(result, self.facts, self.inputs, self.style.lang)

    def figure(self, result: RunReport, style: NumberStyle) -> Figure:
        from aigc_roi.present.chart import cash_figure

        return cash_figure(result, style)

    def figure_name(self, result: RunReport) -> str:
        return result.scenario
