"""Options shared by several commands, declared once so their names and help read the same everywhere."""

from __future__ import annotations

import datetime
import math
import re
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click import Context, Parameter
from typer._click.types import FloatRange, IntRange, ParamType, _NumberRangeBase
from typer.models import Context as TyperContext
from typer.models import TyperPath

from aigc_roi.model.arguments import whole_number_wording
from aigc_roi.model.limits import MAX_SAMPLES as MAX_SAMPLES
from aigc_roi.model.limits import MAX_SEED as MAX_SEED
from aigc_roi.model.limits import MAX_SEED_WRITTEN, MAX_SIMULATE_SAMPLES
from aigc_roi.model.spelled_paths import folder_ending, spelled_path

if TYPE_CHECKING:
    from decimal import Decimal  # --help and every option without a number never load decimal (issue 27)

ONE_NUMBER = "this option is one number, not a range"
"""What a range typed as a number option is told: no option reads ``low..high``, so that form is never offered."""

FLOAT_DIGITS = 308
"""The largest power of ten float64 holds: a whole-number option is read exactly below it."""


class _WrittenAsInAFile(_NumberRangeBase):
    """A number option read in the file's number grammar, as ``--budget`` reads amounts (``1e4``, ``1万``, ``10k``,
    ``10_000``, ``80%``), and refused as every option is: ``expected a whole number from 1 to 10,000,000, found
    'abc'`` rather than click's "'abc' is not a valid int range", with the hint a file gets for the same slip. Still
    a click range, so ``--help`` shows the bounds."""

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        if not isinstance(value, str):  # a default
            return value
        # The number grammar (and its Decimal) only when a number is given: --help reads none.
        from aigc_roi.reader.numbers import ValueProblem, number_decimal, percent_hint, slip_hint

        try:
            exact: Decimal | None = number_decimal(value.strip())
        except ValueProblem:
            exact = None
        if exact is None or not self.accepts_exact(exact):
            slip = slip_hint(value, self.fault, no_range=ONE_NUMBER)  # '1w' is 1万; '3-6' no range, which none takes
            # A share typed as a percentage without its sign (80 for 80%), as conversion: 3 in a file.
            hint = slip[1] if slip else percent_hint(value, self.accepts) if (self.min, self.max) == (0, 1) else None
            self.fail(f"expected {self.expectation()}, found {value!r}" + (f"; {hint}" if hint else ""), param, ctx)
        return self.typed(exact)

    def fault(self, number: float, in_percent: bool) -> str | None:
        """Why ``number`` is no value of the option (the reader's rule for a file's fields), or None."""
        from aigc_roi.reader.numbers import bound_fault

        return bound_fault(number, in_percent, self.min, self.max, self.max_open, self.min_open, isinstance(self, IntRange))

    def accepts(self, number: float) -> bool:
        return math.isfinite(number) and self.fault(number, False) is None

    def accepts_exact(self, exact: Decimal) -> bool:
        """Whether the number as written is a value of the option."""
        from aigc_roi.reader.numbers import decimal_to_float

        return self.accepts(decimal_to_float(exact))

    def expectation(self) -> str:
        raise NotImplementedError

    def typed(self, exact: Decimal) -> float:
        from aigc_roi.reader.numbers import decimal_to_float

        return decimal_to_float(exact)


class WholeNumber(_WrittenAsInAFile, IntRange):
    """A count or a seed: ``--samples``, ``--seed``, ``--jobs``, ``--grid-steps``. Read exactly, as written: through a
    float, ``--seed 9007199254740993`` was 2^53."""

    def expectation(self) -> str:
        return whole_number_wording(self.min or 0, self.max)

    def accepts_exact(self, exact: Decimal) -> bool:
        # Past float64's range a number was never taken: a bound for the options with no maximum (--jobs), so an
        # exponent (1e999999999) is never written out as its digits.
        if not exact.is_finite() or exact.adjusted() > FLOAT_DIGITS:
            return False
        low, high = self.min or 0, self.max
        return low <= exact and (high is None or exact <= high) and exact == exact.to_integral_value()

    def typed(self, exact: Decimal) -> int:
        return int(exact)

    def _describe_range(self) -> str:
        # The seed's bound in --help as its refusal writes it (0<=x<=2^128 - 1), not 39 digits.
        return f"{self.min}<=x<={MAX_SEED_WRITTEN}" if self.max == MAX_SEED else super()._describe_range()


class Number(_WrittenAsInAFile, FloatRange):
    """Any other number: ``--target-roas``, ``--min-payback-probability``, ``--step``; ``expected`` says its bounds
    in words (``a share in [0, 1]``)."""

    def __init__(self, expected: str, min: float | None = None, max: float | None = None,
                 min_open: bool = False, max_open: bool = False) -> None:
        super().__init__(min, max, min_open, max_open)
        self.expected = expected

    def expectation(self) -> str:
        return self.expected


class Day(ParamType):
    """A calendar day written YYYY-MM-DD: ``actuals --from``/``--through``."""

    name = "date"

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        if not isinstance(value, str):  # a default
            return value
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
        self.fail(f"expected a date YYYY-MM-DD, found {value!r}", param, ctx)


class FileToWrite(TyperPath):
    """The type of every option that names a file to write (``--output``, ``--plot``, ``--samples-out``,
    ``--reforecast``, init's FILE): a folder's name (``newdir/``, which Typer's Path would make a file ``newdir``)
    refused as the command line is read, before any work. The writer (cli/files.py) checks the rest."""

    # TyperPath's own narrowing of the context, which mypy holds against click's ParamType.
    def convert(self, value: Any, param: Parameter | None, ctx: TyperContext | None) -> Any:  # type: ignore[override]
        ending = folder_ending(value) if isinstance(value, str) else None
        if ending is not None:
            self.fail(f"expected a file name, found {value!r} (ending in {ending}, it names a folder)", param, ctx)
        return super().convert(value, param, ctx)


class FileToRead(TyperPath):
    """The type of every argument or option that names a file or folder to read (FILE, ``check``'s FILE...,
    actuals' PLAN and EXPORT..., ``report --base``): the name kept as typed (model/spelled_paths.py), so that a file
    named with a folder's ending (``plan.yaml/``) cannot be read, as the system says ("Not a directory"), where Typer's
    Path would read ``plan.yaml``, and every message names the file or folder as the user wrote it."""

    # TyperPath's own narrowing of the context, which mypy holds against click's ParamType.
    def convert(self, value: Any, param: Parameter | None, ctx: TyperContext | None) -> Any:  # type: ignore[override]
        read = super().convert(value, param, ctx)
        return spelled_path(read) if isinstance(read, str) else read


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
    typer.Option("--output", "-o", metavar="FILE", click_type=FileToWrite(),
                 help="Write to FILE instead of standard output ('-' is standard output); "
                 "without --format, a FILE ending in one of {suffixes} is written in that format."),
]
"""Where a command with ``--format`` writes: the file's extension settles the format (cli/output.py). ``{suffixes}``
is filled as the help is shown with the extensions of the command's own formats (cli/output.py ``name_suffixes``),
from the choices its refusal of another extension reads, so the help cannot offer one the command refuses."""
DocumentOutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", click_type=FileToWrite(),
                 help="Write to FILE instead of standard output ('-' is standard output)."),
]
"""Where a command of one format (``schema``'s JSON, ``report``'s HTML) writes."""
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", metavar="en|zh", help="Language of tables and messages: en or zh (default from LANG)."),
]
SamplesOption = Annotated[int, typer.Option("--samples", metavar="N", click_type=WholeNumber(1, MAX_SIMULATE_SAMPLES),
                                            help="Monte Carlo samples.")]
SeedOption = Annotated[int, typer.Option("--seed", metavar="SEED", click_type=WholeNumber(0, MAX_SEED),
                                         help="Random seed: the same seed gives the same numbers.")]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print no summary or note on stderr; errors and results only.")
]
FilesJobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", metavar="N", click_type=WholeNumber(1),
    help="Worker processes over many files, at most one per core (default: one per core; 1 runs all in this "
         "process). The results never change.")]
"""`validate`'s and `check`'s pool (ci/parallel.py): used from ``POOL_FROM`` files."""
BomOption = Annotated[
    bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark, so Excel on Chinese Windows reads it as UTF-8.")
]
FileArgument = Annotated[Path, typer.Argument(metavar="FILE", click_type=FileToRead(), help="Scenario YAML file.",
                                              show_default=False)]
