"""A channel type is one class: a toy type defined here runs through every command.

``SearchChannel`` (search ads bought per click) exists only in this file. It
is registered by the ``search_type`` fixture and removed afterwards; nothing
else in the package learns of it, so a command that still tests types by
name (a KeyError, an AttributeError, an "internal error") fails here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import pytest
from cli_runner import invoke

from aigc_roi.model.channels import ChannelType, register_channel_type, unregister_channel_type
from aigc_roi.model.channels.base import Params, budget_field, declare

if TYPE_CHECKING:
    from aigc_roi.model.scenario import FloatArray, Value


@dataclass(frozen=True)
class SearchChannel(ChannelType):
    """Search ads: clicks bought at a cost per click, a share of them becoming users."""

    cpc: Value = declare("money", "Cost per click.", en="cost per click", zh="单次点击费用")
    cvr: Value = declare("rate", "New users per click.")
    budget: Value | None = budget_field()
    clicks: Value | None = declare("count", "Clicks per active month.", default=None, en="clicks per month", zh="每月点击量")

    type: ClassVar[str] = "search"
    unit_cost: ClassVar[str] = "cpc"
    volumes: ClassVar[tuple[str, ...]] = ("budget", "clicks")
    movable: ClassVar[bool] = True
    max_unit_cost_labels: ClassVar[dict[str, str]] = {"en": "Max CPC", "zh": "最高点击出价"}
    unit_cost_per_labels: ClassVar[dict[str, str]] = {"en": "per click", "zh": "每次点击"}

    def users_and_spend(self, p: Params) -> tuple[FloatArray, FloatArray]:
        cpc, cvr = p(self.cpc), p(self.cvr)
        if self.budget is not None:
            budget = p.monthly(self.budget)
            return budget / cpc * cvr, budget
        assert self.clicks is not None
        clicks = p(self.clicks)
        return clicks * cvr, clicks * cpc


SEARCH_SCENARIO = """\
name: Search ads
horizon_months: 12
acquisition:
  - {name: Baidu search, type: search, cpc: 2, cvr: 10%, budget: 10000, months: 1-3}
  - {name: Sogou search, type: search, cpc: 1.5..2.5, cvr: 5%, clicks: 4000}
retention:
  monthly_churn: 0.2
monetization:
  plans:
    - {name: Monthly, price: 30, period: month, conversion: 0.1, renewal: 0.7}
costs:
  serving_per_active_user: 0.5
"""


@pytest.fixture
def search_type() -> Iterator[type[ChannelType]]:
    register_channel_type(SearchChannel)
    yield SearchChannel
    unregister_channel_type("search")


@pytest.fixture
def search_file(tmp_path: Path, search_type: type[ChannelType]) -> Path:
    path = tmp_path / "search.yaml"
    path.write_text(SEARCH_SCENARIO, encoding="utf-8")
    return path


def run_cli(*args: str | Path) -> tuple[int, str, str]:
    result = invoke([str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


def test_run_buys_users_and_spends_by_the_types_own_formula(search_file: Path) -> None:
    code, out, err = run_cli("run", search_file, "--format", "json")
    assert (code, err) == (0, "")
    baidu, sogou = json.loads(out)["channels"]
    # Budget form: 10,000 / cpc 2 = 5,000 clicks x 10% = 500 users a month, in months 1-3.
    assert (baidu["type"], baidu["users"], baidu["spend"]) == ("search", pytest.approx(1_500), pytest.approx(30_000))
    # Volume form: 4,000 clicks x 5% = 200 users a month; 4,000 x cpc 2 (the median of 1.5..2.5
    # is sqrt(1.5 x 2.5) = 1.936...) a month, every month of 12.
    assert sogou["users"] == pytest.approx(2_400)
    assert sogou["spend"] == pytest.approx(12 * 4_000 * (1.5 * 2.5) ** 0.5)
    assert sogou["cac"] == pytest.approx(4_000 * (1.5 * 2.5) ** 0.5 / 200)


def test_the_channel_table_names_the_types_maximum_unit_cost(search_file: Path) -> None:
    code, out, _ = run_cli("run", search_file)
    assert code == 0 and "Max CPC" in out
    code, out, _ = run_cli("run", search_file, "--lang", "zh")
    assert code == 0 and "最高点击出价" in out


def test_validate_and_check_accept_it(search_file: Path) -> None:
    assert run_cli("validate", search_file)[0] == 0
    assert run_cli("check", search_file)[0] == 0


def test_compare_with_a_variant_of_its_own_unit_cost(search_file: Path) -> None:
    code, out, err = run_cli("compare", search_file, "--variant", "cheaper: acquisition[0].cpc=1", "--format", "json")
    assert (code, err) == (0, "")
    assert "cheaper" in out


def test_breakeven_moves_its_unit_cost_and_volume_with_its_labels(search_file: Path) -> None:
    code, out, err = run_cli("breakeven", search_file, "--format", "json")
    assert (code, err) == (0, "")
    paths = [driver["path"] for driver in json.loads(out)["drivers"]]
    assert paths[:4] == ["acquisition[0].cpc", "acquisition[0].budget", "acquisition[1].cpc", "acquisition[1].clicks"]
    code, out, _ = run_cli("breakeven", search_file)
    assert code == 0 and "Baidu search cost per click" in out and "Sogou search clicks per month" in out
    code, out, _ = run_cli("breakeven", search_file, "--lang", "zh")
    assert code == 0 and "单次点击费用" in out


def test_sensitivity_simulate_and_curves(search_file: Path) -> None:
    code, out, err = run_cli("sensitivity", search_file, "--format", "json")
    assert (code, err) == (0, "")
    assert "acquisition[1].clicks" in out
    assert run_cli("sensitivity", search_file, "--grid", "acquisition[0].cpc,monetization.plans[0].price")[0] == 0
    code, out, _ = run_cli("sensitivity", search_file, "--lang", "zh")
    assert code == 0 and "每月点击量" in out
    code, out, err = run_cli("simulate", search_file, "--samples", "200", "--format", "json")
    assert (code, err) == (0, "")
    assert run_cli("simulate", search_file, "--samples", "200")[0] == 0
    assert run_cli("curves", search_file)[0] == 0


def test_allocate_moves_its_budget(search_file: Path) -> None:
    code, out, err = run_cli("allocate", search_file, "--budget", "20000", "--format", "json")
    assert (code, err) == (0, "")
    channels = json.loads(out)["channels"]
    assert [(channel["type"], channel["status"]) for channel in channels] == [("search", "movable"), ("search", "movable")]
    # The clicks form counts at its spend: 4,000 clicks x the median cpc a month.
    assert channels[1]["current"]["budget"] == pytest.approx(4_000 * (1.5 * 2.5) ** 0.5)
    assert run_cli("allocate", search_file, "--budget", "20000", "--lang", "zh")[0] == 0


def test_its_either_or_rule_is_a_located_error(tmp_path: Path, search_type: type[ChannelType]) -> None:
    path = tmp_path / "neither.yaml"
    path.write_text(SEARCH_SCENARIO.replace(", budget: 10000", ""), encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 2
    assert f"{path}:4:5: acquisition[0]: missing 'budget' or 'clicks': one of them says how much is bought each month" in out + err
    assert run_cli("run", path)[0] == 2


def test_the_schema_describes_it_from_the_class(search_type: type[ChannelType]) -> None:
    code, out, _ = run_cli("schema")
    assert code == 0
    schema = json.loads(out)
    search = schema["$defs"]["channel_search"]
    assert search["required"] == ["name", "type", "cpc", "cvr"]
    assert search["oneOf"] == [{"required": ["budget"]}, {"required": ["clicks"]}]
    assert search["properties"]["cvr"]["anyOf"][0] == {"type": "number", "minimum": 0.0, "maximum": 1.0}


def test_without_its_class_the_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "search.yaml"
    path.write_text(SEARCH_SCENARIO, encoding="utf-8")
    code, out, err = run_cli("validate", path)
    assert code == 2
    assert f"{path}:4:32: acquisition[0].type: expected one of cpa, cpm, kol, flat, found 'search'" in out + err


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "acquisition[0]: missing 'budget' or 'users': one of them says how much is bought each month"),
    ("zh", "acquisition[0]: 缺少 'budget' 或 'users'：需用其一说明每月购买多少"),
])
def test_a_cpa_channel_without_budget_or_users_is_a_located_validate_error(tmp_path: Path, lang: str, message: str) -> None:
    path = tmp_path / "cpa.yaml"
    path.write_text("name: No volume\nretention: {monthly_churn: 0.2}\nacquisition:\n  - {name: Bilibili, type: cpa, bid: 30}\n",
                    encoding="utf-8")
    code, out, err = run_cli("validate", path, "--lang", lang)
    assert code == 2
    assert f"{path}:4:5: {message}" in out + err


def test_a_type_that_leaves_a_field_undeclared_is_refused_when_registered() -> None:
    @dataclass(frozen=True)
    class Undeclared(ChannelType):
        cpc: float = 1.0

        type: ClassVar[str] = "undeclared"
        unit_cost: ClassVar[str] = "cpc"
        volumes: ClassVar[tuple[str, ...]] = ("cpc",)
        movable: ClassVar[bool] = False
        max_unit_cost_labels: ClassVar[dict[str, str]] = {"en": "Max CPC"}
        unit_cost_per_labels: ClassVar[dict[str, str]] = {"en": "per click"}

    with pytest.raises(TypeError, match=r"declare\(\) the fields cpc"):
        register_channel_type(Undeclared)
    assert run_cli("schema")[1].count("channel_undeclared") == 0


def test_actuals_compares_it_and_its_reforecast_is_refused_with_a_reason(tmp_path: Path, search_type: type[ChannelType]) -> None:
    plan = tmp_path / "search.yaml"
    plan.write_text(SEARCH_SCENARIO.replace("name: Search ads\n", "name: Search ads\nstart: 2025-03\n")
                    .replace("months: 1-3}", "months: 1-3, match: [baidu_*]}"), encoding="utf-8")
    export = tmp_path / "export.csv"
    # Every day of March (a whole plan month, which a re-forecast rewrites): 100 spent and 4 users a day.
    export.write_text("date,campaign,spend,impressions,clicks,new_users,revenue\n"
                      + "".join(f"2025-03-{day:02d},baidu_a,100,,,4,0\n" for day in range(1, 32)), encoding="utf-8")
    code, out, err = run_cli("actuals", plan, export, "--samples", "100", "--format", "json")
    assert code == 0, err
    (baidu,) = [channel for channel in json.loads(out)["channels"] if channel["name"] == "Baidu search"]
    assert baidu["months"][0]["actual"]["spend"] == pytest.approx(3_100)
    # The re-forecast has no rule for writing a search channel's fields: said so (exit 2), never an internal error.
    code, out, err = run_cli("actuals", plan, export, "--samples", "100", "--reforecast", tmp_path / "re.yaml")
    assert code == 2 and out == ""
    assert err == "aigc-roi: Baidu search: a re-forecast cannot rewrite a channel of type search\n"
    assert not (tmp_path / "re.yaml").exists()
