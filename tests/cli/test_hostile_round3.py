"""Issue 26: inputs within the limits that crashed, and files that were silently misread."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import numpy as np
import pytest
from cli_runner import invoke

from aigc_roi.whatif.simulate import net_cash_histogram

BASE = "name: H\nhorizon_months: 12\nretention: {monthly_churn: 0.5}\n"


def _write(folder: Path, text: str, name: str = "s.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- crashes -------------------------------------------------------------------------------


def test_a_constant_net_cash_far_above_2e14_gets_a_histogram() -> None:
    # Every sample at -1.2e16 (12 months of a 1e15 fixed cost): numpy's own v ± 0.5 range cannot be cut in 20 bins.
    counts, edges = net_cash_histogram(np.full(100, -1.2e16), 20)
    assert counts.sum() == 100
    assert len(edges) == 21 and np.all(np.diff(edges) > 0)
    assert edges[0] <= -1.2e16 <= edges[-1]
    # Spread data keeps numpy's bins exactly.
    spread = np.array([0.0, 1.0, 2.0, 3.0])
    assert np.array_equal(net_cash_histogram(spread, 3)[1], np.histogram(spread, 3)[1])


@pytest.mark.parametrize("command", [["simulate", "--samples", "200"], ["check"], ["compare", "{file}", "--samples", "200"]])
def test_simulating_a_constant_net_cash_of_1e15_a_month_does_not_crash(tmp_path: Path, command: list[str]) -> None:
    path = _write(tmp_path, BASE + "costs: {fixed: [{name: F, monthly: 1e15}]}\ntargets: {min_payback_probability: 0.5}\n")
    result = invoke([command[0], str(path), *(part.format(file=path) for part in command[1:])])
    assert result.exit_code in (0, 1), result.stderr
    assert "internal error" not in result.stderr


def test_a_5000_digit_month_span_is_a_located_error(tmp_path: Path) -> None:
    nines = "9" * 5000
    path = _write(tmp_path, BASE + f'acquisition: [{{name: A, type: cpa, bid: 10, users: 100, months: "1-{nines}"}}]\n')
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:4:" in result.stdout and "acquisition[0].months: expected a span 'a-b' with 1 <= a <= b <= 12" in result.stdout
    ok = _write(tmp_path, BASE + "acquisition: [{name: A, type: cpa, bid: 10, users: 100}]\n", "ok.yaml")
    result = invoke(["run", str(ok), "--set", f"acquisition[0].months=1-{nines}"])
    assert result.exit_code == 2 and "expected a span 'a-b'" in result.stderr


def test_leading_zeros_in_a_month_span_still_read_as_months(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + 'acquisition: [{name: A, type: cpa, bid: 10, users: 100, months: "0002-003"}]\n')
    result = invoke(["run", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    # 100 users a month in months 2 and 3 only: 200 bought.
    assert json.loads(result.stdout)["channels"][0]["users"] == pytest.approx(200)


@pytest.mark.parametrize("command", [["validate"], ["check"]])
def test_a_name_over_255_bytes_is_a_located_error_not_a_crash(tmp_path: Path, command: list[str]) -> None:
    long_name = str(tmp_path / ("a" * 300 + ".yaml"))
    result = invoke([*command, long_name])
    assert result.exit_code == 2
    assert f"{long_name}:1:1: cannot read file: File name too long" in result.stdout + result.stderr


def test_a_path_over_4096_characters_is_a_located_error(tmp_path: Path) -> None:
    deep = "/".join(["b" * 200] * 25) + ".yaml"
    result = invoke(["validate", deep])
    assert result.exit_code == 2
    assert "cannot read file:" in result.stdout


def test_init_with_a_name_over_255_bytes_cannot_write(tmp_path: Path) -> None:
    target = tmp_path / ("a" * 300 + ".yaml")
    result = invoke(["init", str(target)])
    assert result.exit_code == 2
    assert f"{target}: cannot write: File name too long" in result.stderr


@pytest.mark.parametrize(("budget", "expected"), [
    ("1e308", "aigc-roi: --budget: expected a number no larger than 1,000,000,000,000,000 (1e15), found '1e308'"),
    ("1e30", "aigc-roi: --budget: expected a number no larger than 1,000,000,000,000,000 (1e15), found '1e30'"),
    ("5e-324", "aigc-roi: --budget: expected a positive amount of at least 1e-09, found '5e-324'"),
])
def test_allocate_amounts_obey_the_files_number_limits(tmp_path: Path, budget: str, expected: str) -> None:
    path = _write(tmp_path, BASE + "acquisition: [{name: A, type: cpa, bid: 10, budget: 1000}]\n")
    result = invoke(["allocate", str(path), "--budget", budget])
    assert result.exit_code == 2
    assert result.stderr.strip() == expected


@pytest.mark.parametrize("columns", ["9" * 5000, "٣", "0", "-5"])
def test_an_absurd_columns_falls_back_to_the_page_width(tmp_path: Path, columns: str) -> None:
    path = _write(tmp_path, BASE)
    result = invoke(["run", str(path)], env={"COLUMNS": columns, "LINES": columns})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 160


# --- silently misread -------------------------------------------------------------------


def test_the_same_retention_day_twice_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "name: D\nhorizon_months: 12\nretention: {days: {1: 45%, 01: 10%, 30: 12%}}\n")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == f"{path}:3:28: retention.days[1]: duplicate day 1: '01' and '1' (line 3) name the same day\n"
    assert "重复的天数 1" in invoke(["validate", "--lang", "zh", str(path)]).stdout


def test_the_same_conversion_age_twice_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "acquisition: [{name: A, type: flat, users: 1000, cost: 0}]\n"
                  "monetization: {plans: [{name: P, price: 10, period: month, conversion: {0: 30%, 00: 10%}}]}\n")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert "monetization.plans[0].conversion[0]: duplicate age 0: '00' and '0' (line 5) name the same month" in result.stdout


def test_retention_days_that_rise_overall_are_an_error(tmp_path: Path) -> None:
    # ln 0.01 = -4.6052 at ln 1 = 0, ln 1 = 0 at ln 365 = 5.8999: slope 4.6052 / 5.8999 = +0.7806, so b = -0.7806.
    path = _write(tmp_path, "name: D\nhorizon_months: 12\nretention: {days: {1: 1%, 365: 100%}}\n")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == (f"{path}:3:19: retention.days: expected shares that fall with the day overall "
                             "(retention cannot rise with age), found a fitted power law that rises (b = -0.7806)\n")


def test_a_bump_between_two_days_is_still_accepted(tmp_path: Path) -> None:
    # D14 above D7 is analytics noise; the fitted power law still falls (b > 0), so users do not climb back.
    path = _write(tmp_path, "name: D\nhorizon_months: 12\nretention: {days: {1: 45%, 7: 22%, 14: 23%, 30: 12%}}\n")
    assert invoke(["validate", str(path)]).exit_code == 0


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, hidden = tmp_path / "ok", tmp_path / "private"
    good.mkdir()
    hidden.mkdir()
    _write(good, BASE)
    _write(hidden, "name: [broken\n")
    real_scandir = os.scandir

    def refusing(path: object = ".") -> object:
        # What os.walk meets for a mode-000 folder when not root (root reads every folder).
        if Path(os.fsdecode(path)) == hidden:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refusing)
    result = invoke(["validate", str(tmp_path)])
    assert result.exit_code == 2
    # Only os.walk is refused here, so the loader opens it, and finds a folder.
    assert f"{hidden}:1:1: is a folder, not a scenario file" in result.stdout
    assert "1 file, 0 invalid, 0 errors, 1 unreadable folder" in result.stderr


# --- unlocated or misleading errors -------------------------------------------------------


def test_a_line_separator_in_a_comment_neither_ends_it_nor_shifts_line_numbers(tmp_path: Path) -> None:
    # YAML 1.1 reads NEL, LS and PS as line breaks; an editor shows one line: "horizon_months: 5" is comment.
    path = _write(tmp_path, 'name: "N\x85a"  # note\u2028 horizon_months: 5\nhorizon_months: 12\n'
                            "retention: {monthly_churn: 0.5}\nbogus: 1\n")
    result = invoke(["validate", str(path)])
    assert result.stdout.startswith(f"{path}:4:1: bogus: unknown key 'bogus'")
    assert result.stdout.count("\n") == 1


def test_a_line_separator_inside_a_name_is_kept(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + 'acquisition: [{name: "A\u2028B", type: cpa, bid: 10, users: 100}]\n')
    result = invoke(["run", str(path), "--format", "json"])
    assert json.loads(result.stdout)["channels"][0]["name"] == "A\u2028B"


@pytest.mark.parametrize("written", ["1e309", "-1e309", "9" * 5000, ".inf"])
def test_a_number_beyond_float64_is_refused_by_the_size_limit(tmp_path: Path, written: str) -> None:
    path = _write(tmp_path, BASE + f"acquisition: [{{name: A, type: flat, cost: 0, users: {written}}}]\n")
    result = invoke(["validate", str(path)])
    assert "acquisition[0].users: expected a number no larger than 1,000,000,000,000,000 (1e15), found" in result.stdout


def test_a_share_just_above_1_gets_no_percent_hint(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "acquisition: [{name: A, type: flat, cost: 0, users: 10}]\n"
                  "monetization: {plans: [{name: P, price: 10, period: month, conversion: 1.0000000001}]}\n")
    result = invoke(["validate", str(path)])
    assert result.stdout.endswith("conversion: expected a number from 0 to 1, found 1.0000000001\n")


def test_a_socket_is_not_a_regular_file(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.yaml"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    try:
        result = invoke(["validate", str(path)])
    finally:
        listener.close()
    assert result.stdout == f"{path}:1:1: cannot read file: not a regular file\n"


def test_an_unreadable_file_reaches_the_loader_not_clicks_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path, BASE)
    real_access = os.access
    # What os.access says of a mode-000 file when not root; root may read it, so the run goes on.
    monkeypatch.setattr(os, "access", lambda target, mode, **kw: False if Path(target) == path else real_access(target, mode, **kw))
    result = invoke(["run", str(path), "--format", "json"])
    assert "is not readable" not in result.stderr
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(("key", "shown"), [("horizon_\u200bmonths", "horizon_\\u200bmonths"),
                                            ("\u0430cquisition", "\\u0430cquisition"), ("名称", "名称")])
def test_invisible_and_look_alike_characters_of_a_key_are_written_out(tmp_path: Path, key: str, shown: str) -> None:
    path = _write(tmp_path, BASE + f"{key}: 1\n")
    result = invoke(["validate", str(path)])
    assert f"{path}:4:1: {shown}: unknown key '{shown}'" in result.stdout


def test_set_into_a_missing_list_says_which_list(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE)
    result = invoke(["run", str(path), "--set", "monetization.plans[0].price=5"])
    assert result.stderr == ("--set monetization.plans[0].price=5:1:1: monetization.plans[0].price: "
                             "no list 'plans' here to hold item [0]; add it to the file first\n")


def test_set_by_a_name_two_channels_share_is_ambiguous(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "acquisition: [{name: A, type: cpa, bid: 10, users: 100}, "
                                   "{name: A, type: cpa, bid: 20, users: 100}]\n")
    result = invoke(["run", str(path), "--set", "acquisition[A].bid=1"])
    assert result.exit_code == 2
    assert result.stderr.endswith("acquisition[A].bid: 'A' names 2 items: write the one meant, "
                                  "acquisition[0].bid or acquisition[1].bid\n")


@pytest.mark.parametrize("index", ["00", "0" * 41])
def test_an_index_with_leading_zeros_is_refused(tmp_path: Path, index: str) -> None:
    path = _write(tmp_path, BASE + "acquisition: [{name: A, type: cpa, bid: 10, users: 100}]\n")
    result = invoke(["run", str(path), "--set", f"acquisition[{index}].bid=1"])
    assert result.exit_code == 2
    assert f"expected an item index without leading zeros, found {index}" in result.stderr


@pytest.mark.parametrize("args", [["run", "{file}", "-o", ""], ["run", ""], ["validate", "{file}", ""]])
def test_an_empty_file_name_is_refused_as_empty_not_as_the_current_folder(tmp_path: Path, args: list[str]) -> None:
    path = _write(tmp_path, BASE)
    result = invoke([part.format(file=path) for part in args])
    assert result.exit_code == 2
    assert "expected a file name, found ''" in result.stderr


# --- small --------------------------------------------------------------------------------------


def test_digits_are_ascii_or_full_width_as_the_schema_says(tmp_path: Path) -> None:
    arabic = _write(tmp_path, "name: D\nhorizon_months: ١٢\nretention: {monthly_churn: 0.5}\n", "arabic.yaml")
    assert "horizon_months: expected a whole number from 1 to 120, found '١٢'" in invoke(["validate", str(arabic)]).stdout
    for start in ("２０２５-０１", "202５-01"):
        path = _write(tmp_path, BASE + f"start: {start}\n")
        result = invoke(["run", str(path), "--format", "json"])
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["months"][0]["label"] == "2025-01"


def test_the_horizon_ends_by_9999_12(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "start: 9999-12\n")
    assert invoke(["validate", str(path)]).stdout == (
        f"{path}:4:8: start: expected a month from 1900-01 to 9999-01 (all 12 months by 9999-12), found 9999-12\n")
    last_fit = _write(tmp_path, BASE + "start: 9999-01\n", "fit.yaml")
    result = invoke(["run", str(last_fit), "--format", "json"])
    assert json.loads(result.stdout)["months"][-1]["label"] == "9999-12"


def test_a_variant_label_with_an_unbalanced_bracket(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "acquisition: [{name: A, type: cpa, bid: 10, users: 100}]\n")
    result = invoke(["compare", str(path), "--variant", "cheap[: acquisition[0].bid=5", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert [column["name"] for column in json.loads(result.stdout)["scenarios"]] == ["H", "cheap["]


def test_allocate_refusals_are_translated(tmp_path: Path) -> None:
    path = _write(tmp_path, BASE + "acquisition: [{name: A, type: cpa, bid: 10, budget: 100}]\n")
    result = invoke(["allocate", str(path), "--budget", "1", "--min", "A=2", "--lang", "zh"])
    assert result.exit_code == 2
    assert result.stderr == "aigc-roi: 下限合计 2，超过预算 1\n"


def test_no_glyph_warnings_follow_the_missing_font_note(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from aigc_roi.present.chart import cjk_font

    if cjk_font() is not None:
        pytest.skip("a CJK font is installed: nothing is missing")
    path = _write(tmp_path, "name: 视频工具\nhorizon_months: 12\nretention: {monthly_churn: 0.5}\n")
    with warnings.catch_warnings(record=True) as caught:  # pytest would otherwise keep them from stderr
        warnings.simplefilter("always")
        result = invoke(["run", str(path), "--plot", str(tmp_path / "c.png")])
    assert result.exit_code == 0
    assert [str(warning.message) for warning in caught if "Glyph" in str(warning.message)] == []
    assert result.stderr.count("\n") == 1  # the one note


# --- check --base with an invalid base --------------------------------------------------------

PAYING = BASE + ("acquisition: [{name: A, type: cpa, bid: 10, users: 100}]\n"
                 "monetization: {plans: [{name: P, price: 50, period: month, conversion: 30%}]}\n"
                 "targets: {max_payback_months: 6}\n")


@pytest.fixture
def invalid_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose committed scenarios/w.yaml has an unknown key, fixed in the work tree."""
    import subprocess

    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "test@example.com" if key.endswith("EMAIL") else "Test")
    (tmp_path / "scenarios").mkdir()
    _write(tmp_path / "scenarios", PAYING + "bogus: 1\n", "w.yaml")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "base"]):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)
    _write(tmp_path / "scenarios", PAYING, "w.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_an_invalid_base_shows_its_errors_and_no_change(invalid_base: Path, fmt: str) -> None:
    result = invoke(["check", "scenarios", "--base", "HEAD", "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert "scenarios/w.yaml at HEAD, line 7, column 1: bogus: unknown key 'bogus'" in result.stdout
    # The base has no figures: there is no "better: never -> 1" to report for a payback month.
    assert "never" not in result.stdout


def test_a_long_name_is_cut_in_chart_titles(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from aigc_roi.present.chart import TITLE_NAME_CHARS, title_name

    assert title_name("a" * 500) == "a" * (TITLE_NAME_CHARS - 1) + "…"
    assert title_name("Short \x1b[2J") == "Short \\x1b[2J"
    path = _write(tmp_path, BASE.replace("name: H", "name: " + "N" * 100_000))
    chart = tmp_path / "c.svg"
    result = invoke(["run", str(path), "--format", "json", "--plot", str(chart)])
    assert result.exit_code == 0, result.stderr
    # The image's title keeps the name to TITLE_NAME_CHARS; the drawn one is cut shorter, to the figure's width.
    assert f"<title>{'N' * (TITLE_NAME_CHARS - 1)}…</title>" in chart.read_text(encoding="utf-8")
    assert "N" * TITLE_NAME_CHARS not in chart.read_text(encoding="utf-8")
