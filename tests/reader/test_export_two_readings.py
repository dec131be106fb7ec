"""A CSV without a byte-order mark whose bytes are valid UTF-8 and valid GBK alike (QA: 路路通 in GBK read as UTF-8
'··ͨ', listed as unmatched, exit 0): read in the encoding under which the plan's globs match its campaigns, else
as UTF-8 with a line on stderr naming what GBK reads, never silently. A European or Vietnamese UTF-8 export (Café,
whose é is 茅 in GBK; Chiến dịch Tết) is no GBK file, and its unmatched names are not said to be (QA: 'Chiến dịch
Tết' reads as 'Chi岷縩 d峄媍h T岷縯' on stderr and in JSON)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actuals_plans import two_channel_plan
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2025, 3), 12)


def _export(tmp_path: Path, name: str, encoding: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(f"date,campaign,spend,new_users\n2025-03-05,{name},100,10\n".encode(encoding))
    return path


def test_the_bytes_are_valid_either_way() -> None:
    """The premise: 路路通 in GBK is c2 b7 c2 b7 cd a8, UTF-8 for ··ͨ; Café in UTF-8 is GBK for Caf茅."""
    assert "路路通".encode("gbk").decode("utf-8") == "··ͨ"
    assert "Café".encode().decode("gbk") == "Caf茅"


@pytest.mark.parametrize(("name", "encoding"), [("路路通", "gbk"), ("Café", "utf-8")])
def test_the_reading_whose_campaign_a_glob_matches_is_taken(tmp_path: Path, name: str, encoding: str) -> None:
    report = read_report([_export(tmp_path, name, encoding)], HORIZON, globs=("dy_*", name))
    assert [row.campaign for row in report.rows] == [name]
    assert report.sources[0].also_gbk is None


def test_matched_under_neither_it_stays_utf8_and_says_what_gbk_reads(tmp_path: Path) -> None:
    report = read_report([_export(tmp_path, "路路通", "gbk")], HORIZON, globs=("dy_*",))
    assert [row.campaign for row in report.rows] == ["··ͨ"]
    assert report.sources[0].also_gbk == ("··ͨ", "路路通")


@pytest.mark.parametrize("name", [
    "Café", "Chiến dịch Tết", "Promoção Verão", "Größe Ærø Łódź",
    # Scripts GBK reads as characters outside GB2312: Кампания is d0 9a ..., 袣 (d0 9a) being GBK's only.
    "Кампания", "Προσφορά",
])
def test_a_utf8_name_of_latin_letters_or_no_chinese_in_gbk_stays_unsaid(tmp_path: Path, name: str) -> None:
    path = _export(tmp_path, name, "utf-8")
    assert path.read_bytes().decode("gbk") != path.read_bytes().decode("utf-8")  # valid GBK, read otherwise
    report = read_report([path], HORIZON, globs=("dy_*",))
    assert ([row.campaign for row in report.rows], report.sources[0].also_gbk) == ([name], None)


def test_the_first_unmatched_name_gbk_reads_as_chinese_is_said(tmp_path: Path) -> None:
    """Café, read first, is a name as UTF-8 reads it; 路路通's GBK bytes are the one to name."""
    path = tmp_path / "export.csv"
    path.write_bytes("date,campaign,spend,new_users\n2025-03-05,Café,100,10\n".encode()
                     + "2025-03-06,路路通,100,10\n".encode("gbk"))
    report = read_report([path], HORIZON, globs=("dy_*",))
    assert ([row.campaign for row in report.rows], report.sources[0].also_gbk) == (["Café", "··ͨ"], ("··ͨ", "路路通"))


def test_a_matched_utf8_export_is_read_once(tmp_path: Path) -> None:
    path = _export(tmp_path, "dy_Café", "utf-8")
    report = read_report([path], HORIZON, globs=("dy_*",))
    assert ([row.campaign for row in report.rows], report.sources[0].also_gbk) == (["dy_Café"], None)


def test_the_reading_that_reads_is_taken(tmp_path: Path) -> None:
    """元 in GBK (d4 aa) is Ԫ in UTF-8: read so, 100元 is no amount; read as GBK every row reads, whatever matches."""
    path = tmp_path / "export.csv"
    path.write_bytes("date,campaign,spend\n2025-03-05,dy_a,100元\n2025-03-06,路路通,5元\n".encode("gbk"))
    report = read_report([path], HORIZON, globs=("dy_*",))
    assert [(row.campaign, row.spend) for row in report.rows] == [("dy_a", 100), ("路路通", 5)]
    assert report.sources[0].also_gbk is None


def test_a_utf8_reading_with_a_problem_stands_where_gbk_reads_fewer_columns(tmp_path: Path) -> None:
    """小时 in UTF-8 is 灏忔椂 in GBK, no column: read so, the row's wrong hour went unseen."""
    path = tmp_path / "export.csv"
    path.write_bytes("date,campaign,小时,spend\n2025-03-01,dy_a,2025-04-15 13:00:00,10\n".encode())
    with pytest.raises(ScenarioInvalid) as raised:
        read_report([path], HORIZON, globs=("dy_*",))
    assert [str(error) for error in raised.value.errors] == [
        f"{path}:2:3: 小时: expected an hour of the row's date 2025-03-01, found '2025-04-15 13:00:00'"]


def test_the_command_says_nothing_of_gbk_for_a_vietnamese_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plan.yaml").write_text(two_channel_plan("Two readings"), encoding="utf-8")
    _export(tmp_path, "Chiến dịch Tết", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "export.csv", "-f", "json"])
    assert result.exit_code == 0 and "GBK" not in result.stderr and json.loads(result.stdout)["warnings"] == []


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "export.csv: read as UTF-8, but also valid GBK, where unmatched campaign '··ͨ' reads as '路路通'; if that "
           "is its name, save the file as UTF-8"),
    ("zh", "export.csv: 按 UTF-8 读取，但它也是有效的 GBK，按 GBK 读，未匹配的广告计划 '··ͨ' 为 '路路通'；若那才是它的名称，"
           "请把文件另存为 UTF-8"),
])
def test_the_command_says_so_on_one_line_of_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str,
                                                   line: str) -> None:
    (tmp_path / "plan.yaml").write_text(two_channel_plan("Two readings"), encoding="utf-8")
    _export(tmp_path, "路路通", "gbk")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "export.csv", "--lang", lang])
    assert result.exit_code == 0 and line in result.stderr.splitlines()
    mapped = invoke(["actuals", "plan.yaml", "export.csv", "--map", "Tencent CPA=路路通", "--lang", lang])
    assert mapped.exit_code == 0 and "GBK" not in mapped.stderr and "路路通" not in mapped.stderr


def test_each_campaign_is_matched_once_not_on_every_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A year of daily rows repeats each campaign hundreds of times: its globs are tried on it once per reading."""
    from aigc_roi.reader.exports import two_readings

    tried: list[str] = []
    real = two_readings.fnmatchcase
    monkeypatch.setattr(two_readings, "fnmatchcase", lambda text, glob: tried.append(text) or real(text, glob))
    two_readings._named.cache_clear()
    days = [f"2025-03-{day:02d}" for day in range(1, 31)]
    rows = "".join(f"{day},{name},100,10\n" for day in days for name in ("路路通", "dy_b"))
    path = tmp_path / "export.csv"
    path.write_bytes(("date,campaign,spend,new_users\n" + rows).encode("gbk"))
    report = read_report([path], HORIZON, globs=("dy_*", "路路通"))
    assert {row.campaign for row in report.rows} == {"路路通", "dy_b"}
    # Two campaigns, each read two ways (UTF-8 first, then GBK), against at most two globs: 8 tries, not 240.
    assert len(tried) <= 8


def test_an_ascii_export_is_never_matched_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aigc_roi.reader.exports import two_readings

    monkeypatch.setattr(two_readings, "fnmatchcase", lambda *_: pytest.fail("an ASCII file reads one way: nothing to weigh"))
    report = read_report([_export(tmp_path, "zz_unplanned", "ascii")], HORIZON, globs=("dy_*",))
    assert [row.campaign for row in report.rows] == ["zz_unplanned"]


def test_json_says_what_gbk_reads_in_its_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The line on stderr, which -q drops, was nowhere in JSON: a reader of it saw '··ͨ' unmatched and no cause."""
    (tmp_path / "plan.yaml").write_text(two_channel_plan("Two readings"), encoding="utf-8")
    _export(tmp_path, "路路通", "gbk")
    monkeypatch.chdir(tmp_path)
    result = invoke(["actuals", "plan.yaml", "export.csv", "-f", "json", "-q", "--lang", "zh"])
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)["warnings"] == [
        {"code": "also_gbk", "file": "export.csv", "campaign": "··ͨ", "gbk": "路路通",
         "message": "export.csv: read as UTF-8, but also valid GBK, where unmatched campaign '··ͨ' reads as '路路通'; "
                    "if that is its name, save the file as UTF-8"}]
    mapped = invoke(["actuals", "plan.yaml", "export.csv", "--map", "Tencent CPA=路路通", "-f", "json"])
    assert json.loads(mapped.stdout)["warnings"] == []
