"""A number written with commas inside ``{ }`` (``{budget: 1,000,000}``): YAML splits it at each comma, into
``budget: 1`` and keys ``000`` (a duplicate key beside); a list's items are read as written. Only the first comma was told, and
of the half YAML read: ``write 1_000``, a budget 1000 times too small, plus a duplicate key. Now the pieces are read
back into the one value written (reader/comma_split.py) and told once, at the value, the whole number to write."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.load import load_text

CHANNEL = "  - {name: C, type: cpa, bid: 20, budget: "
PLAN = "name: H\nhorizon_months: 12\nacquisition:\n" + CHANNEL.replace("{", "{{") + "{budget}}}\nretention: {{monthly_churn: 0.5}}\n"
SPLIT = "YAML split {written} at its comma, which separates the items of a flow {container}; "
STARTER = Path(__file__).resolve().parents[2] / "scenarios" / "chat-assistant-cpa.yaml"


def only_error(text: str) -> tuple[int, int, str, str]:
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    (error,) = raised.value.errors
    return error.line, error.column, error.path, error.message


@pytest.mark.parametrize(("lang", "told"), [
    ("en", "acquisition[0].budget: expected a number >= 0, found '1,000,000'; YAML split 1,000,000 at its comma, which "
           "separates the items of a flow mapping; no thousands commas: write 1_000_000"),
    ("zh", "acquisition[0].budget: 应为 ≥ 0 的数字，实际为 '1,000,000'；YAML 在 1,000,000 的逗号处把它拆开了：流式映射（{ }）"
           "中逗号分隔各项；不要用千位逗号：请写 1_000_000"),
])
def test_the_testers_file_is_told_the_whole_number_once(tmp_path: Path, lang: str, told: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(PLAN.format(budget="1,000,000"), encoding="utf-8")
    result = invoke(["--lang", lang, "validate", str(path)])
    column = len(CHANNEL) + 2  # the first comma, after the "1" that starts the value
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [f"{path}:4:{column}: {told}"]
    assert ("1 file, 1 invalid, 1 error" if lang == "en" else "1 个文件，1 个无效，1 个错误") in result.stderr


@pytest.mark.parametrize(("written", "hint"), [
    ("1,234,567", "no thousands commas: write 1_234_567"),
    ("1,000,000,000", "no thousands commas: write 1_000_000_000"),
    ("1,234,567.89", "no thousands commas: write 1_234_567.89"),
    ("-1,000,000", "no thousands commas: write -1_000_000"),
    ("¥1,000,000", "write 1_000_000 without '¥': amounts are in the scenario's currency"),
    ("1,000万", "no thousands commas: write 1_000万"),
])
def test_every_form_of_a_split_number_is_one_error_at_its_value(written: str, hint: str) -> None:
    line, column, path, message = only_error(PLAN.format(budget=written))
    assert (line, path) == (4, "acquisition[0].budget")
    assert len(CHANNEL) < column <= len(CHANNEL) + len(written)
    assert message.endswith(SPLIT.format(written=written, container="mapping") + hint)
    assert "write 1_000\n" not in message + "\n" and "duplicate" not in message


def test_a_month_of_a_schedule_in_a_flow_mapping() -> None:
    text = PLAN.format(budget="{by_month: {1: 1,000,000, 2: 5}}")
    line, _, path, message = only_error(text)
    assert (line, path) == (4, "acquisition[0].budget.by_month.1")
    assert message.endswith(SPLIT.format(written="1,000,000", container="mapping")
                            + "no thousands commas: write 1_000_000")


def test_a_retention_point_with_a_decimal_comma_stays_a_key() -> None:
    # ``{1: 0,30}``: 30 is two digits, no thousands group, so no value is joined (a key of 30 with nothing, as before
    # 3b32b3f0); the age 30 past the horizon is told at it.
    text = STARTER.read_text(encoding="utf-8").replace("points: {1: 0.30,", "points: {1: 0,30,")
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    assert raised.value.errors[0].path == "retention.points[30]"


def test_a_flow_list_is_read_as_written() -> None:
    # A list's commas are its items' (tests/reader/test_flow_lists_as_written.py): [0,5, 0,7] is 0, 5, 0, 7, and 5
    # and 7 are refused as rates, at their own indexes.
    text = STARTER.read_text(encoding="utf-8").replace("renewal: [0.65, 0.75, 0.8]", "renewal: [0,5, 0,7]", 1)
    with pytest.raises(ScenarioInvalid) as raised:
        load_text(text, "s.yaml")
    assert [error.path for error in raised.value.errors] == ["monetization.plans[0].renewal[1]",
                                                             "monetization.plans[0].renewal[3]"]


def test_a_list_written_without_spaces_is_still_its_items() -> None:
    text = STARTER.read_text(encoding="utf-8")
    squeezed = load_text(text.replace("[0.65, 0.75, 0.8]", "[0.65,0.75,0.8]"), "s.yaml").scenario
    assert squeezed.monetization.plans[0].renewal == (0.65, 0.75, 0.8)


def test_a_key_with_a_value_after_a_comma_is_its_own() -> None:
    # ``{1: 10,2: 20}``: the 2 has a value, so it is a key, not the digits of 10,2.
    text = PLAN.format(budget="{by_month: {1: 10,2: 20}}")
    budget = load_text(text, "s.yaml").scenario.acquisition[0].budget
    assert budget.points == ((1, 10.0), (2, 20.0))
