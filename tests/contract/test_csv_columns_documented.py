"""Every column of every CSV a command writes is named in the docs, in backticks, by its exact name.

A finance reviewer checking each export in a spreadsheet found columns no page defined (`sensitivity`'s
`low_value` ... `high_payback_month`, `breakeven`'s `channel_gross_revenue` and `channel_contribution`, `run --table
months`' `serving_cost` and `fixed_cost`): a column added to a table and not to the docs fails here. A column named by
what the file holds (a scenario, a month's label, a channel, a driver's path or value) is no fixed name and is not
checked; every fixed one is a key, lower case with underscores."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
ACTUALS = ROOT / "examples" / "actuals"
CHAT, GATED, VIDEO = (str(SCENARIOS / name) for name in ("chat-assistant-cpa.yaml", "creators-first-gated.yaml",
                                                          "video-tool-kol-then-feed.yaml"))
CALLS = {
    **{f"run --table {table}": ["run", GATED, "--table", table] for table in
       ("figures", "channels", "months", "cohorts", "gates", "inputs")},
    "run --table fits": ["run", VIDEO, "--table", "fits"],
    "run --set": ["run", CHAT, "--set", "acquisition[0].bid=20"],
    "compare": ["compare", CHAT, VIDEO],
    "compare --samples": ["compare", CHAT, VIDEO, "--samples", "100"],
    "compare --explain": ["compare", CHAT, str(ROOT / "examples" / "stories" / "chat-assistant-cac-rising.yaml"),
                          "--explain"],
    "breakeven": ["breakeven", GATED],
    "sensitivity": ["sensitivity", CHAT],
    "sensitivity --grid": ["sensitivity", CHAT, "--grid", "acquisition[1].bid,monetization.plans[2].conversion"],
    "simulate": ["simulate", CHAT, "--samples", "100"],
    "allocate": ["allocate", VIDEO, "--budget", "30万"],
    "allocate --table curve": ["allocate", VIDEO, "--budget", "30万", "--table", "curve"],
    "actuals": ["actuals", CHAT, str(ACTUALS / "douyin-ocean-engine.csv"), str(ACTUALS / "bilibili.csv"),
                "--map", "Douyin activation CPA=dy_*", "--map", "Bilibili CPA (registered user)=bili_*"],
    "curves": ["curves", VIDEO],
    "curves --table fits": ["curves", VIDEO, "--table", "fits"],
}
KEY = re.compile(r"[a-z][a-z0-9_]*")


def _documented() -> set[str]:
    """Every text in backticks of the README and docs/, and each name of a header written in backticks as CSV
    writes it (`figure,value,note,currency`)."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    spans = [span.strip() for page in pages for span in re.findall(r"`([^`\n]+)`", page.read_text(encoding="utf-8"))]
    return set(spans) | {name for span in spans if "," in span for name in span.split(",")}


DOCUMENTED = _documented()


def _header(args: list[str], tmp_path: Path) -> list[str]:
    result = invoke([*args, "--format", "csv", "-q"])
    assert result.exit_code in (0, 1), result.stderr  # 1: a target the plan misses
    return next(csv.reader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("call", CALLS)
def test_every_fixed_column_is_named_in_the_docs(call: str, tmp_path: Path) -> None:
    columns = [column for column in _header(CALLS[call], tmp_path) if KEY.fullmatch(column)]
    assert columns, "no fixed column read: the header is not what this test expects"
    assert [column for column in columns if column not in DOCUMENTED] == []


def test_every_column_of_the_samples_file_is_named_in_the_docs(tmp_path: Path) -> None:
    samples = tmp_path / "samples.csv"
    result = invoke(["simulate", CHAT, "--samples", "100", "--samples-out", str(samples), "-q", "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    header = next(csv.reader(io.StringIO(samples.read_text(encoding="utf-8"))))
    columns = [column for column in header if KEY.fullmatch(column)]
    assert columns and [column for column in columns if column not in DOCUMENTED] == []
