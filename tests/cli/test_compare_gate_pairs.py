"""compare pairs gates that share a name by what they test, in every format alike (docs/formulas.md §13; QA: base
gates [A, A], the first renamed B in the new file, and the new file's one A was paired by name and order with the
base's first A, the renamed one: its row read base pass, new fail, a change of decision that was two gates).

The plan, by hand (tests/cli/test_gates_sharing_a_name.py's): T buys 100 users at 10 in month 1 (spend 1,000), each
buying once at 8 and gone: the test's ROAS is 800 / 1,000 = 0.8 and its CAC 1,000 / 100 = 10. So a gate of min_roas
0.5 passes, of min_roas 0.9 fails and of max_cac 5 fails; no value is drawn, so on risk each passes in every sample
(100%) or in none (0%).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from cli_runner import invoke

PLAN = """version: 1
name: {name}
horizon_months: 3
acquisition:
  - {{name: T, type: cpa, bid: 10, users: 100, months: 1-1}}
  - {{name: L, type: cpa, bid: 10, users: 100, months: 2-3}}
  - {{name: M, type: cpa, bid: 10, users: 100, months: 2-3}}
retention: {{monthly_churn: 1}}
monetization:
  purchases: [{{name: Item, price: 8, rate: 1}}]
gates:
{gates}"""
ROAS = "{name: A, after_month: 1, channels: [T], min_roas: 0.5, then: [L]}"
CAC = "{name: A, after_month: 1, channels: [T], max_cac: 5, then: [M]}"
RENAMED = ROAS.replace("name: A", "name: B")


def _files(tmp_path: Path, base: list[str], new: list[str]) -> list[str]:
    paths = []
    for name, gates in (("base", base), ("new", new)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(PLAN.format(name=name, gates="".join(f"  - {gate}\n" for gate in gates)), encoding="utf-8")
        paths.append(str(path))
    return paths


def _out(*args: str, lang: str = "en") -> str:
    result = invoke(["compare", *args, "--lang", lang], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _csv_rows(text: str, cells: int) -> dict[str, list[str]]:
    return {row[0]: row[1:1 + cells] for row in csv.reader(io.StringIO(text)) if row[0].startswith("gate:")}


def _table_rows(text: str, head: str) -> dict[str, list[str]]:
    """The gate rows of a terminal table: label (its lines joined) -> the scenarios' two cells."""
    lines = [[cell.strip() for cell in line.split("│")[1:-1]] for line in text.splitlines() if line.startswith("│")]
    rows: list[list[str]] = []
    for line in lines:
        if rows and not any(line[1:]):
            rows[-1][0] += " " + line[0]  # the label's next line
        else:
            rows.append(line)
    return {row[0][len(head):].strip(): row[1:3] for row in rows if row[0].startswith(head)}


RENAMED_ROWS = {"A (gates[0])": ("1", ""), "A (gates[1])": ("0", "0"), "B": ("", "1")}
"""Base's first A (ROAS, then L) alone: the new file's is B; the two CAC gates (then M) paired; B the new file's."""


def test_renamed_first_of_two_every_format(tmp_path: Path) -> None:
    base, new = _files(tmp_path, [ROAS, CAC], [RENAMED, CAC])
    assert _csv_rows(_out(base, new, "-f", "csv"), 2) == {f"gate:{key}": list(value) for key, value in RENAMED_ROWS.items()}
    words = {"1": "pass", "0": "fail", "": "—"}
    assert _table_rows(_out(base, new), "Gate:") == {key: [words[cell] for cell in value]
                                                     for key, value in RENAMED_ROWS.items()}
    markdown = _out(base, new, "-f", "markdown")
    for key, (first, second) in RENAMED_ROWS.items():
        assert f"| Gate: {key} | {words[first]} | {words[second]} |" in markdown
    data = json.loads(_out(base, new, "-f", "json"))
    assert data["gate_rows"] == [
        {"label": "A (gates[0])", "name": "A", "index": [0, None], "matched_by": "test", "unpaired": True},
        {"label": "A (gates[1])", "name": "A", "index": [1, 1], "matched_by": "test", "unpaired": False},
        {"label": "B", "name": "B", "index": [None, 0], "matched_by": "name", "unpaired": False}]
    # Each row's index reads the scenario's own gate: its pass as the CSV's cell.
    for row in data["gate_rows"]:
        assert [None if at is None else int(scenario["gates"][at]["passed"])
                for scenario, at in zip(data["scenarios"], row["index"], strict=True)] == [
            None if cell == "" else int(cell) for cell in RENAMED_ROWS[row["label"]]]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "A (gates[0]): no gate of that name tests the same in a scenario showing —."),
    ("zh", "A (gates[0])：显示 — 的方案中没有测试内容相同的同名闸门。")])
def test_the_table_says_why_a_gate_is_alone(tmp_path: Path, lang: str, sentence: str) -> None:
    base, new = _files(tmp_path, [ROAS, CAC], [RENAMED, CAC])
    flat = "".join(_out(base, new, lang=lang).split())
    assert "".join(sentence.split()) in flat
    assert sentence in _out(base, new, "-f", "markdown", lang=lang).replace("\\", "")


def test_on_risk(tmp_path: Path) -> None:
    base, new = _files(tmp_path, [ROAS, CAC], [RENAMED, CAC])
    risk = _csv_rows(_out(base, new, "--samples", "20", "-f", "csv"), 3)
    assert risk == {"gate:A (gates[0])": ["pass_probability", "1", ""], "gate:A (gates[1])": ["pass_probability", "0", "0"],
                    "gate:B": ["pass_probability", "", "1"]}
    assert [row["index"] for row in json.loads(_out(base, new, "--samples", "20", "-f", "json"))["gate_rows"]] == [
        [0, None], [1, 1], [None, 0]]


def test_reordered_pairs_each_with_its_own(tmp_path: Path) -> None:
    base, new = _files(tmp_path, [ROAS, CAC], [CAC, ROAS])
    assert _csv_rows(_out(base, new, "-f", "csv"), 2) == {
        "gate:A (gates[0] | gates[1])": ["1", "1"], "gate:A (gates[1] | gates[0])": ["0", "0"]}
    assert "not by order" not in _out(base, new)


def test_alike_tests_pair_by_threshold(tmp_path: Path) -> None:
    """Two A testing T's ROAS then L, at 0.5 (passes) and 0.9 (fails). Swapped in the new file they pair by threshold;
    with the new 0.9 made 0.7 (0.8 >= 0.7 passes) it pairs with neither, and the two rows, each of one file's
    gates[1], name their file's place."""
    strict = ROAS.replace("0.5", "0.9")
    base, new = _files(tmp_path, [ROAS, strict], [strict, ROAS])
    assert _csv_rows(_out(base, new, "-f", "csv"), 2) == {
        "gate:A (gates[0] | gates[1])": ["1", "1"], "gate:A (gates[1] | gates[0])": ["0", "0"]}
    base, new = _files(tmp_path, [ROAS, strict], [ROAS, ROAS.replace("0.5", "0.7")])
    assert _csv_rows(_out(base, new, "-f", "csv"), 2) == {
        "gate:A (gates[0])": ["1", "1"], "gate:A (gates[1] | —)": ["0", ""], "gate:A (— | gates[1])": ["", "1"]}


def test_unique_names_pair_by_name(tmp_path: Path) -> None:
    """One A in each file, the new one testing T's CAC then M: still the gate named A, one row, no note."""
    base, new = _files(tmp_path, [ROAS], [CAC])
    assert _csv_rows(_out(base, new, "-f", "csv"), 2) == {"gate:A": ["1", "0"]}
    assert json.loads(_out(base, new, "-f", "json"))["gate_rows"] == [
        {"label": "A", "name": "A", "index": [0, 0], "matched_by": "name", "unpaired": False}]
    assert "not by order" not in _out(base, new)
