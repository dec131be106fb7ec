"""Options shared by several commands, declared once so their names and help read the same everywhere."""

from __future__ import annotations

import math
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer._click import Context, Parameter
from typer._click.types import IntRange

from aigc_roi.model.limits import MAX_SAMPLES as MAX_SAMPLES
from aigc_roi.model.limits import MAX_SIMULATE_SAMPLES


class WholeNumber(IntRange):
    """A count (``--samples``, ``--seed``, ``--jobs``) in the file's number grammar, as ``--budget`` reads amounts
    (``1e4``, ``1万``, ``10k``, ``10_000``), refused as every option is: ``expected a whole number from 1 to
    10,000,000, found 'abc'`` rather than click's "'abc' is not a valid int range". Still an IntRange, so
    ``--help`` shows the range."""

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        if isinstance(value, int):  # a default
            return super().convert(value, param, ctx)
        # The number grammar (and its Decimal) only when a count is given: --help reads none.
        from aigc_roi.reader.numbers import ValueProblem, parse_number_text, slip_hint

        text = str(value)
        try:
            number = parse_number_text(text.strip())
        except ValueProblem:
            number = math.nan
        if not (number.is_integer() and (self.min is None or number >= self.min) and (self.max is None or number <= self.max)):
            slip = slip_hint(text)  # the hint a file gets for the same slip: '1w' is 1万
            self.fail(f"expected {self.expectation()}, found {text!r}" + (f"; {slip[1]}" if slip else ""), param, ctx)
        return int(number)

    def expectation(self) -> str:
        if self.max is None:
            return f"a whole number >= {self.min:,}"
        return f"a whole number from {self.min:,} to {self.max:,}"


class FigureFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class WorkbookFormat(StrEnum):
    """FigureFormat plus xlsx, for commands whose tables also go to a workbook (with --output)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


SetOption = Annotated[
    list[str] | None,
    typer.Option("--set", metavar="PATH=VALUE",
                 help="Override one field for a what-if, by path or by name, e.g. acquisition[0].bid=25 "
                      "or 'Douyin CPA.bid=25' (repeatable)."),
]
FormatOption = Annotated[FigureFormat, typer.Option("--format", "-f", help="Output format.")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE instead of standard output ('-' is standard output)."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", metavar="en|zh", help="Language of tables and messages: en or zh (default from LANG)."),
]
SamplesOption = Annotated[int, typer.Option("--samples", metavar="N", click_type=WholeNumber(1, MAX_SIMULATE_SAMPLES),
                                            help="Monte Carlo samples.")]
SeedOption = Annotated[int, typer.Option("--seed", metavar="SEED", click_type=WholeNumber(0),
                                         help="Random seed: the same seed gives the same numbers.")]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print no summary or note on stderr; errors and results only.")
]
BomOption = Annotated[
    bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark, so Excel on Chinese Windows reads it as UTF-8.")
]
FileArgument = Annotated[Path, typer.Argument(metavar="FILE", help="Scenario YAML file.", show_default=False)]
