"""`report FILE --set ...`: a what-if page says so in its provenance, its verdict and its inputs, and never passes
for the plan of the file or of its commit; the xlsx inputs sheet and compare's source say so too."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from cli_runner import invoke
from spec_example import WORKED_EXAMPLE
from test_check_zh import commit_all

SET = ["--set", "acquisition[0].bid=15", "--set", "discount_rate=0.1"]
"""The worked example's bid 20 -> 15, and a discount rate the file does not write."""


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """The worked example, committed in a repository of its own: (its path, the short hash of that commit)."""
    path = tmp_path / "plan.yaml"
    path.write_text(WORKED_EXAMPLE, encoding="utf-8")
    commit_all(tmp_path, monkeypatch)
    head = subprocess.run(["git", "-C", str(tmp_path), "rev-parse", "--short", "HEAD"], check=True, capture_output=True)
    return path, head.stdout.decode().strip()


def report(path: Path, *args: str) -> str:
    result = invoke(["report", str(path), "--samples", "200", *args])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def inputs_of(html: str) -> dict[str, str]:
    """Each input's path and its text as written."""
    return dict(re.findall(r'<tr><td class="path">([^<]+)</td><td>([^<]*)</td>', html.replace("<wbr>", "")))


def test_a_what_if_page_names_its_set_values_and_does_not_claim_the_commit(committed: tuple[Path, str]) -> None:
    path, head = committed
    html = report(path, *SET)
    meta = text_of(html.split('<p class="meta">', 1)[1].split("</p>", 1)[0])
    # The source as compare --variant's JSON states one, and the commit as the file's, not the page's plan.
    assert meta.startswith(f"File: {path} --set acquisition[0].bid=15 --set discount_rate=0.1 · ")
    assert f"Commit: {head} , the file before --set" in meta
    verdict = text_of(html.split('<section class="verdict">', 1)[1].split("</section>", 1)[0])
    # At bid 15 the ad spend is 15,000: cumulative cash -6,000, -1,500, +750, so the what-if pays back in month 3
    # where the file never does.
    assert "Pays back in month 3 and stays paid back." in verdict  # months M1, M2, ...: no label to add
    assert "What-if: the file changed by the --set values above, not the plan as written" in verdict
    written = inputs_of(html)
    assert written["acquisition[0].bid"] == "15 (--set; file: 20)"
    assert written["discount_rate"] == "0.1 (--set; not in the file)"
    assert written["acquisition[0].users"] == "1000"  # the file's own values are as written


def test_a_what_if_page_in_chinese(committed: tuple[Path, str]) -> None:
    path, head = committed
    html = report(path, *SET, "--lang", "zh")
    assert f"提交：<code>{head}</code>（--set 之前的文件）" in html
    assert "假设分析：文件经上方 --set 取值修改后的结果，并非文件所写的方案" in text_of(html)
    written = inputs_of(html)
    assert written["acquisition[0].bid"] == "15（--set；文件：20）"
    assert written["discount_rate"] == "0.1（--set；文件中没有）"


def test_a_page_without_set_says_nothing_of_it(committed: tuple[Path, str]) -> None:
    path, head = committed
    html = report(path)
    assert "--set" not in html and "What-if" not in html
    assert f"Commit: <code>{head}</code> · " in html


def test_a_set_over_a_range_shows_the_range_the_file_wrote(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(WORKED_EXAMPLE.replace("bid: 20", "bid: {low: 10, high: 40}"), encoding="utf-8")
    written = inputs_of(report(path, "--set", "acquisition[0].bid=20", "--set", "acquisition[0].users={low: 500, high: 2000}"))
    assert written["acquisition[0].bid"] == "20 (--set; file: {low: 10, high: 40})"
    assert written["acquisition[0].users"] == "{low: 500, high: 2000} (--set; file: 1000)"


def test_the_inputs_sheet_marks_what_set_wrote(example: Path, tmp_path: Path) -> None:
    book = tmp_path / "run.xlsx"
    result = invoke(["run", str(example), *SET, "--set", "name=What if", "-f", "xlsx", "-o", str(book)])
    assert result.exit_code == 0, result.stderr
    rows = {row[0]: row for row in openpyxl.load_workbook(book)["inputs"].iter_rows(min_row=2, values_only=True)}
    # The number stays a number; the text as written says where it came from.
    assert rows["acquisition[0].bid"][1] == 15 and rows["acquisition[0].bid"][5] == "15 (--set; file: 20)"
    assert rows["acquisition[0].users"][5] == "1000"
    assert rows["name"][1] == "What if" and rows["name"][5] == "What if (--set; file: Spec worked example)"


def test_compare_states_the_set_values_in_each_source(example: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(WORKED_EXAMPLE.replace("bid: 20", "bid: 25"), encoding="utf-8")
    result = invoke(["compare", str(example), str(other), "--set", "discount_rate=0.1", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    sources = [column["source"] for column in json.loads(result.stdout)["scenarios"]]
    assert sources == [f"{example} --set discount_rate=0.1", f"{other} --set discount_rate=0.1"]
