"""Options shared by several commands, declared once so their names and help read the same everywhere."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


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
                 help="Override one field for a what-if, e.g. acquisition[0].bid=25 (repeatable)."),
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
MAX_SAMPLES = 1_000_000
"""Most Monte Carlo samples a command takes: its memory is measured in benchmarks/bench_simulate.py."""
MAX_SIMULATE_SAMPLES = 10_000_000
"""Most samples ``simulate`` takes: past 2,000,000 it streams (whatif/simulate.py), 2 GiB at 120 months."""
SamplesOption = Annotated[int, typer.Option("--samples", metavar="N", min=1, max=MAX_SIMULATE_SAMPLES, help="Monte Carlo samples.")]
SeedOption = Annotated[int, typer.Option("--seed", metavar="SEED", min=0, help="Random seed: the same seed gives the same numbers.")]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print no summary or note on stderr; errors and results only.")
]
BomOption = Annotated[
    bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark, so Excel on Chinese Windows reads it as UTF-8.")
]
FileArgument = Annotated[Path, typer.Argument(metavar="FILE", help="Scenario YAML file.", show_default=False)]
