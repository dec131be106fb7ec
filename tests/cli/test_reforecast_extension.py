"""`actuals --reforecast OUT.csv` wrote the re-forecast's YAML into OUT.csv with nothing said, and as much into .json,
.xlsx, .md or .html: a file no spreadsheet, parser or browser reads. An extension naming a format the project writes
other than YAML is refused before anything is read or written, as `schema -o x.csv` is; .yaml, .yml, another
extension or none is written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cli_runner import invoke

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = [str(ROOT / "examples/actuals/douyin-ocean-engine.csv"), str(ROOT / "examples/actuals/bilibili.csv"),
           "--map", "Douyin activation CPA=dy_*", "--map", "Bilibili CPA (registered user)=bili_*", "--samples", "100"]
ACTUALS = ["actuals", str(ROOT / "scenarios/chat-assistant-cpa.yaml"), *EXPORTS]


@pytest.mark.parametrize(("name", "named"), [
    ("OUT.csv", "csv"), ("OUT.CSV", "csv"), ("OUT.json", "json"), ("OUT.Json", "json"), ("OUT.xlsx", "xlsx"),
    ("OUT.md", "markdown"), ("OUT.markdown", "markdown"), ("OUT.html", "html"), ("OUT.HTM", "html"),
    ("OUT.png", "png"), ("OUT.svg", "svg"), ("OUT.parquet", "parquet"),
])
def test_an_extension_of_another_format_is_refused(name: str, named: str, tmp_path: Path) -> None:
    out = tmp_path / name
    suffix = out.suffix.lower()  # said as read: a name's case does not change its format
    comparison = tmp_path / "comparison.json"
    for lang, said in (("en", f"aigc-roi: {out}: actuals --reforecast does not write {named}, the format of the extension {suffix}; "
                              "its formats: yaml"),
                       ("zh", f"aigc-roi: {out}: actuals --reforecast 不能写出扩展名 {suffix} 对应的格式 {named}；它的格式：yaml")):
        result = invoke([*ACTUALS, "--reforecast", str(out), "-o", str(comparison), "--lang", lang])
        assert result.exit_code == 2
        assert result.stdout == "" and result.stderr == said + "\n"
    assert list(tmp_path.iterdir()) == []


def test_the_refusal_comes_before_any_work(tmp_path: Path) -> None:
    """Before the plan is read: a missing plan is not what the user hears of first, nor an existing file replaced."""
    out = tmp_path / "plan.csv"
    out.write_text("theirs", encoding="utf-8")
    result = invoke(["actuals", str(tmp_path / "missing.yaml"), *EXPORTS, "--reforecast", str(out), "--force"])
    assert result.exit_code == 2
    assert result.stderr == (f"aigc-roi: {out}: actuals --reforecast does not write csv, the format of the extension .csv; "
                             "its formats: yaml\n")
    assert out.read_text(encoding="utf-8") == "theirs"


@pytest.mark.parametrize("name", ["plan-may.yaml", "plan-may.YML", "plan-may.txt", "plan-may"])
def test_yaml_another_extension_or_none_is_written(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    result = invoke([*ACTUALS, "--reforecast", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert plan["name"] and plan["acquisition"]


@pytest.mark.parametrize("name", ["OUT.csv ", "OUT.csv.", "OUT.csv. .", "OUT.ｃｓｖ", "OUT.ＣＳＶ"])
def test_an_extension_written_as_windows_or_an_input_method_spoils_it_is_read_as_it_reads(name: str, tmp_path: Path) -> None:
    """Windows drops the spaces and dots that end a name (OUT.csv. is OUT.csv there) and full-width letters come from a
    Chinese input method: the extension is the one a reader sees, so the refusal holds for these too."""
    out = tmp_path / name
    result = invoke([*ACTUALS, "--reforecast", str(out), "-o", str(tmp_path / "comparison.json"), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == (f"aigc-roi: {out}: actuals --reforecast does not write csv, the format of the extension .csv; "
                             "its formats: yaml\n")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_named_with_an_extension_is_called_a_folder(tmp_path: Path) -> None:
    """The folder is the real problem: its name's extension is not."""
    folder = tmp_path / "plans.csv"
    folder.mkdir()
    result = invoke(["init", str(folder), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr == f"aigc-roi: {folder}: is a folder; give a file name such as {folder / 'scenario.yaml'}\n"
