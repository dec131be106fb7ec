"""Where an option that writes a file may write: every such option refuses the same names the same way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_runner import invoke
from typer.testing import _NamedTextIOWrapper

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = "name: Out\nhorizon_months: 2\nretention: {monthly_churn: 0.5}\n"
EXPORTS = [str(ROOT / "examples" / "actuals" / name) for name in ("douyin-ocean-engine.csv", "bilibili.csv")]
ACTUALS = ["actuals", str(ROOT / "aigc_roi" / "templates" / "chat-assistant-cpa.yaml"), *EXPORTS,
           "--map", "Douyin activation CPA=dy_*", "--map", "Bilibili CPA (registered user)=bili_*"]

WRITERS = [
    (["run", "{s}", "-f", "csv"], "-o"), (["run", "{s}", "-f", "xlsx"], "-o"), (["run", "{s}"], "--plot"),
    (["breakeven", "{s}"], "-o"), (["sensitivity", "{s}"], "-o"), (["curves", "{s}"], "-o"),
    (["compare", "{s}", "{s}"], "-o"), (["simulate", "{s}", "--samples", "20"], "-o"),
    (["simulate", "{s}", "--samples", "20"], "--plot"), (["simulate", "{s}", "--samples", "20"], "--samples-out"),
    (["allocate", "{s}", "-b", "1000"], "-o"), (["allocate", "{s}", "-b", "1000"], "--plot"),
    ([*ACTUALS], "-o"), ([*ACTUALS], "--reforecast"), (["report", "{s}", "--samples", "20"], "-o"), (["schema"], "-o"),
    (["init"], ""),
]
"""Every option that writes a file, with a command line it runs in ("" for init's FILE argument)."""


def _args(command: list[str], scenario: Path, option: str, value: str) -> list[str]:
    return [*(word.format(s=scenario) for word in command), *([option] if option else []), value]


WRITER_IDS = [f"{command[0]} {option or 'FILE'}" for command, option in WRITERS]


@pytest.mark.parametrize(("command", "option"), WRITERS, ids=WRITER_IDS)
@pytest.mark.parametrize("name", ["newdir/", "newdir/.", "existing/", "existing/.."])
def test_a_name_of_a_folder_is_refused_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        command: list[str], option: str, name: str) -> None:
    # pathlib drops a trailing slash: 'newdir/' was written as a regular file named newdir.
    monkeypatch.chdir(tmp_path)
    scenario = tmp_path / "s.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    (tmp_path / "existing").mkdir()
    before = sorted(path.name for path in tmp_path.iterdir())
    ending = "/" if name.endswith("/") else name.rpartition("/")[2]
    for lang, said in (("en", f"expected a file name, found '{name}' (ending in {ending}, it names a folder)"),
                       ("zh", f"应为文件名，实际为 '{name}'（以 {ending} 结尾，指的是文件夹）")):
        result = invoke([*_args(command, scenario, option, name), "--lang", lang])
        assert result.exit_code == 2, result.stderr
        assert result.stderr.count("\n") == 1 and said in result.stderr, result.stderr
        assert result.stdout == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == before


@pytest.mark.parametrize(("command", "option"), WRITERS, ids=WRITER_IDS)
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_device_or_fifo_is_refused_with_standard_output_offered_only_where_taken(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], option: str, kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    scenario = tmp_path / "s.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    suffix = {"--plot": ".png", "--samples-out": ".csv", "--reforecast": ".yaml"}.get(option, ".txt")
    target = tmp_path / f"out{suffix}"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(os.devnull)
    takes_dash = option not in ("--plot", "--samples-out")
    hint = "; name a file, or - for standard output" if takes_dash else "; name a file"
    zh_hint = "；请给出文件名，或用 - 表示标准输出" if takes_dash else "；请给出文件名"
    for lang, said in (("en", f"aigc-roi: {target.name}: not a regular file (a device, FIFO or socket){hint}\n"),
                       ("zh", f"aigc-roi: {target.name}: 不是普通文件（设备、FIFO 或套接字）{zh_hint}\n")):
        result = invoke([*_args(command, scenario, option, target.name), "--lang", lang])
        assert result.exit_code == 2, result.stderr
        assert result.stderr.endswith(said) and result.stderr.count(said) == 1, result.stderr


@pytest.mark.parametrize("command", [["run", "{s}"], ["compare", "{s}", "{s}"], ACTUALS], ids=["run", "compare", "actuals"])
def test_a_workbook_is_not_written_to_a_terminal_but_to_a_pipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               command: list[str]) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    args = [*(word.format(s=scenario) for word in command), "-f", "xlsx", "-o", "-"]
    piped = invoke(args)
    assert piped.exit_code == 0, piped.stderr
    assert piped.stdout_bytes.startswith(b"PK\x03\x04")  # a zip: the workbook, for the program reading the pipe
    monkeypatch.setattr(_NamedTextIOWrapper, "isatty", lambda stream: stream.name == "<stdout>")
    for lang, said in (("en", "aigc-roi: --format xlsx is binary; write it to a file with -o FILE.xlsx or pipe it\n"),
                       ("zh", "aigc-roi: --format xlsx 是二进制格式；请用 -o FILE.xlsx 写入文件，或用管道交给其他程序\n")):
        result = invoke([*args, "--lang", lang])
        assert result.exit_code == 2
        assert result.stderr == said and result.stdout_bytes == b""


@pytest.mark.parametrize(("command", "option"), WRITERS, ids=WRITER_IDS)
@pytest.mark.parametrize("name", ["plans.png", "plans.csv", "plans.yaml", "plans.gif"])
def test_a_folder_named_with_an_extension_is_called_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             command: list[str], option: str, name: str) -> None:
    """The folder is the real problem, whatever its name's extension says: `-o plans.png` was refused as a format
    run does not write, `--plot plans.gif` and `--samples-out plans.png` as a wrong extension."""
    monkeypatch.chdir(tmp_path)
    scenario = tmp_path / "s.yaml"
    scenario.write_text(SCENARIO, encoding="utf-8")
    (tmp_path / name).mkdir()
    if not option:
        said = {"en": f"{name}: is a folder; give a file name such as {Path(name, 'scenario.yaml')}\n"}
    else:
        said = {"en": f"{name}: is a folder; expected a file name\n", "zh": f"{name}: 这是文件夹；应为文件名\n"}
    for lang, line in said.items():
        result = invoke([*_args(command, scenario, option, name), "--lang", lang])
        assert result.exit_code == 2, result.stderr
        assert result.stderr.endswith(line) and result.stderr.count(line) == 1, result.stderr
