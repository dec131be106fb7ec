"""Machine formats: JSON, CSV and markdown text, and xlsx workbooks.

JSON, CSV and xlsx carry full float64 precision; undefined figures are JSON
null and empty CSV/xlsx cells. Markdown is for people (pull-request
comments): 2 decimals with thousands separators and an em dash for none.
pandas is imported only for xlsx.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aigc_roi.model.figures import FIGURE_NAMES, MONTH_COLUMNS
from aigc_roi.present.fit_data import fits_markdown, fits_table
from aigc_roi.present.numbers import NONE

Table = tuple[list[str], list[list[Any]]]
"""(header, rows) of one exported table."""


def to_json(data: Any) -> str:
    # allow_nan=False: a NaN or inf reaching output is a bug, never a number to print.
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def to_csv(table: Table) -> str:
    header, rows = table
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    return buffer.getvalue()


def _markdown_cell(cell: Any) -> str:
    if cell is None:
        return NONE
    if isinstance(cell, float):
        return f"{cell:,.2f}"
    return str(cell).replace("|", "\\|")


def to_markdown(table: Table, title: str = "") -> str:
    header, rows = table
    lines = [f"### {title}", ""] if title else []
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    lines += ["| " + " | ".join(_markdown_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def figures_table(report: dict[str, Any]) -> Table:
    return ["figure", "value"], [[name, report["figures"][name]] for name in FIGURE_NAMES]


def channels_table(report: dict[str, Any]) -> Table:
    header = ["name", "type", "spend", "users", "cac", "roas", "roi"]
    return header, [[channel[key] for key in header] for channel in report["channels"]]


def months_table(report: dict[str, Any]) -> Table:
    header = ["month", "label", *MONTH_COLUMNS]
    return header, [[month[key] for key in header] for month in report["months"]]


def run_fits_table(report: dict[str, Any]) -> Table:
    return fits_table(report["fits"])


RUN_TABLES = {"figures": figures_table, "channels": channels_table, "months": months_table, "fits": run_fits_table}


def run_markdown(report: dict[str, Any], lang: str = "en") -> str:
    parts = [f"## {report['scenario']} ({report['currency']})\n"]
    # Fits get their own layout: parameters, a warning when poor, observed beside fitted.
    parts += [to_markdown(build(report), title) for title, build in RUN_TABLES.items() if title != "fits"]
    if report["fits"]:
        parts.append(fits_markdown(report["fits"], lang))
    return "\n".join(parts)


def write_xlsx(path: Path, sheets: Sequence[tuple[str, Table]]) -> None:
    """Every table as a sheet of a new workbook at ``path``."""
    import pandas as pd  # lazy: pandas costs ~0.3 s to import and only xlsx needs it

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, (header, rows) in sheets:
            pd.DataFrame(rows, columns=header).to_excel(writer, sheet_name=name[:31], index=False)
