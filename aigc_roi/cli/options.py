"""Options shared by several commands, declared once so their names and help read the same everywhere."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from aigc_roi.model.limits import MAX_SAMPLES as MAX_SAMPLES
from aigc_roi.model.limits import MAX_SIMULATE_SAMPLES


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
SamplesOption = Annotated[int, typer.Option("--samples", metavar="N", min=1, max=MAX_SIMULATE_SAMPLES, help="Monte Carlo samples.")]
SeedOption = Annotated[int, typer.Option("--seed", metavar="SEED", min=0, help="Random seed: the same seed gives the same numbers.")]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print no summary or note on stderr; errors and results only.")
]
BomOption = Annotated[
    bool, typer.Option("--bom", help="Start CSV with a UTF-8 byte-order mark, so Excel on Chinese Windows reads it as UTF-8.")
]
FileArgument = Annotated[Path, typer.Argument(metavar="FILE", help="Scenario YAML file.", show_default=False)]
