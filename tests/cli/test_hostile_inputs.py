"""Issue 14: hostile and unusual input never crashes, hangs, injects or is silently misread.

Each finding of the issue has a regression test reproducing it through the
CLI; where it is a class of input, a hypothesis property covers the class.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import stat
import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest
from cli_runner import invoke
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from aigc_roi.model.scenario import Z90
from aigc_roi.present.text import FORMULA_STARTS, markdown_cell, spreadsheet_text, visible
from aigc_roi.reader.numbers import SUFFIX_EXPONENTS, ValueProblem, parse_number_text

MINIMAL = "name: Hostile\nhorizon_months: 6\nretention: {monthly_churn: 0.3}\n"
FLAT = MINIMAL + "acquisition:\n  - {name: Posters, type: flat, cost: 1000, users: 100}\n"
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
QUICK = settings(deadline=None)


def write(folder: Path, text: str, name: str = "s.yaml") -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


SUMMARY = re.compile(r"^\d+ files?, ")


def one_error(result: object, start: str) -> str:
    """The single error line of an exit-2 result, which must start with ``start``: on stderr, or on
    stdout for validate and check, whose findings are results (their summary stays on stderr)."""
    output: str = result.stdout + result.stderr  # type: ignore[attr-defined]
    assert result.exit_code == 2, output  # type: ignore[attr-defined]
    lines = [line for line in output.splitlines() if not SUMMARY.match(line)]
    assert len(lines) == 1 and lines[0].startswith(start), output
    assert "internal error" not in output
    return lines[0]


# --- numbers: exact decimal text, an exponent followed by a suffix ------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("0.00001%", 1e-7), ("2e-6万", 0.02), ("1.5e-3k", 1.5), ("2.5E+2%", 2.5), ("3e2亿", 3e10), ("1e1m", 1e7),
])
def test_an_exponent_followed_by_a_suffix_is_read_exactly(text: str, value: float) -> None:
    assert parse_number_text(text) == value


@given(st.integers(0, 10**15), st.integers(0, 8), st.integers(-30, 30), st.sampled_from(["", *SUFFIX_EXPONENTS]))
def test_number_text_is_the_float_nearest_its_decimal_value(digits: int, decimals: int, exponent: int, suffix: str) -> None:
    # Fraction -> float rounds correctly: an oracle that never goes through a float's repr.
    mantissa = str(digits).rjust(decimals + 1, "0")
    text = f"{mantissa[:len(mantissa) - decimals]}.{mantissa[len(mantissa) - decimals:]}e{exponent}{suffix}"
    exact = Fraction(digits, 10**decimals) * Fraction(10) ** (exponent + SUFFIX_EXPONENTS.get(suffix, 0))
    assert parse_number_text(text) == float(exact)


def test_a_number_too_small_for_a_float_is_refused_not_read_as_zero() -> None:
    assert parse_number_text("1e-400") != 0
    with pytest.raises(ValueProblem, match="finite"):
        parse_number_text("1e400k")


@pytest.mark.parametrize("value", ['"1e16k"', '"1e-12%"'])
def test_out_of_range_suffixed_numbers_get_the_usual_located_message(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, MINIMAL + f"organic_users: {value}\n")
    one_error(invoke(["validate", str(path), "--format", "text"]), f"{path}:4:16: organic_users: expected ")


def test_one_bad_file_never_stops_validate_reporting_the_others(tmp_path: Path) -> None:
    first = write(tmp_path, MINIMAL + 'organic_users: "1e16k"\n', "a.yaml")
    second = write(tmp_path, MINIMAL + "organic_users: -1\n", "b.yaml")
    good = write(tmp_path, MINIMAL + 'organic_users: "2e-6万"\n', "c.yaml")
    result = invoke(["validate", str(first), str(second), str(good)])
    assert result.exit_code == 2
    assert f"{first}:4:16: organic_users: expected a number no larger than" in result.stdout
    assert f"{second}:4:16: organic_users: expected a number >= 0, found -1" in result.stdout
    assert str(good) not in result.stdout


def test_suffixed_exponents_in_set_and_step(tmp_path: Path) -> None:
    path = write(tmp_path, FLAT)
    result = invoke(["run", str(path), "--set", "organic_users=2e-6万", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    # 0.02 organic users a month on top of 100 paid ones for 6 months.
    assert '"new_users": 600.12' in result.stdout
    result = invoke(["sensitivity", str(path), "--step", "1e1%"])
    assert result.exit_code == 0 and "±10%" in result.stdout
    one_error(invoke(["sensitivity", str(path), "--step", "1e16k"]), "aigc-roi: --step: expected a step in (0, 1]")


# --- YAML 1.1 numbers in other bases ------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 10**6))
def test_leading_zero_octal_hex_and_binary_integers_are_refused_with_a_hint(tmp_path_factory: pytest.TempPathFactory,
                                                                            number: int) -> None:
    folder = tmp_path_factory.mktemp("bases")
    for written, hint in ((f"0{number}", f"write {number} without it"), (f"-0{number}", f"write -{number} without it"),
                          (hex(number), "write the number in decimal"), (bin(number), "write the number in decimal")):
        path = write(folder, MINIMAL + f"organic_users: {written}\n")
        line = one_error(invoke(["run", str(path)]), f"{path}:4:16: organic_users: expected a number")
        assert line.endswith(f"({hint})") or hint in line, line


def test_base_60_gets_a_hint_and_a_quoted_leading_zero_is_decimal_text(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "organic_users: 1:30\n")
    assert "base-60" in one_error(invoke(["run", str(path)]), f"{path}:4:16: organic_users:")
    path = write(tmp_path, MINIMAL + 'organic_users: "0100"\n')
    result = invoke(["run", str(path), "--format", "json"])
    assert result.exit_code == 0 and '"new_users": 600.0' in result.stdout


# --- retention ages written twice ---------------------------------------------------------------


@PROPERTY
@given(st.integers(1, 6), st.integers(1, 3))
def test_the_same_age_written_twice_is_one_located_error_for_check_and_run(tmp_path: Path, age: int, zeros: int) -> None:
    padded = "0" * zeros + str(age)
    path = write(tmp_path, f"name: Ages\nhorizon_months: 6\nretention:\n  points: {{{age}: 0.3, {padded}: 0.3}}\n")
    lines = {command: one_error(invoke([command, str(path), "--format", "json"] if command == "run" else [command, str(path)]),
                                f"{path}:4:") for command in ("run", "check")}
    assert lines["run"] == lines["check"]
    # The path names the age as --set takes it, in its plain digits; the message quotes the key as written.
    assert f"retention.points[{age}]: duplicate age {age}: '{padded}' and '{age}'" in lines["run"]


# --- a range is valid when its median lies in the field's domain (spec 1.2) ----------------------


@PROPERTY
@given(st.floats(-0.5, 1.5), st.floats(0.0, 0.5))
def test_a_normal_is_valid_exactly_as_its_interval_written_low_high(tmp_path: Path, mean: float, sd: float) -> None:
    # Each is valid when its median lies in virality's domain 0 <= k < 1: the normal's median is its mean;
    # "low..high" is a normal with median (low + high) / 2 when low <= 0, else a lognormal with sqrt(low x high).
    low, high = mean - Z90 * sd, mean + Z90 * sd
    assume(all(end == 0 or abs(end) >= 1e-9 for end in (mean, sd, low, high)) and low < high)
    normal = write(tmp_path, FLAT + f"virality: {{dist: normal, mean: {mean!r}, sd: {sd!r}}}\n")
    interval = write(tmp_path, FLAT + f'virality: "{low!r}..{high!r}"\n', "interval.yaml")
    interval_median = (low + high) / 2 if low <= 0 else math.sqrt(low * high)
    assert invoke(["validate", str(normal)]).exit_code == (0 if 0 <= mean < 1 else 2)
    assert invoke(["validate", str(interval)]).exit_code == (0 if 0 <= interval_median < 1 else 2)


@pytest.mark.parametrize(("value", "valid"), [
    ("{dist: normal, mean: 0, sd: 1000}", True),  # median 0
    ("{dist: normal, mean: -1, sd: 1}", False),
    ("{dist: uniform, low: -1, high: 5}", True),  # median 2
    ("{dist: uniform, low: -5, high: 1}", False),  # median -2
    ("{dist: triangular, low: -1, mode: 0, high: 5}", True),  # median 5 - sqrt(6 x 5 / 2) = 1.13
    ("{dist: triangular, low: -5, mode: -4, high: 1}", False),  # median 1 - sqrt(6 x 5 / 2) = -2.87
    ("{dist: lognormal, low: 0, high: 5}", False),  # a lognormal needs low > 0
])
def test_an_explicit_distribution_is_valid_when_its_median_is(tmp_path: Path, value: str, valid: bool) -> None:
    path = write(tmp_path, FLAT.replace("users: 100", f"users: {value}"))
    assert invoke(["validate", str(path)]).exit_code == (0 if valid else 2)


# --- reading: only regular files, never more than the limit -------------------------------------


def test_a_device_is_refused_at_once(tmp_path: Path) -> None:
    one_error(invoke(["run", "/dev/zero"]), "/dev/zero:1:1: cannot read file: not a regular file")


def test_a_fifo_named_yaml_is_refused_instead_of_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "aigc_roi", "validate", str(fifo)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2 and f"{fifo}:1:1: cannot read file: not a regular file" in done.stdout


def test_a_huge_sparse_file_is_refused_by_its_size_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "sparse.yaml"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024**3)
    one_error(invoke(["validate", str(path), "--format", "text"]),
              f"{path}:1:1: file is 53,687,091,200 bytes; the limit is 1,048,576 (1 MiB)")


def test_the_largest_file_within_every_limit_is_accepted(tmp_path: Path) -> None:
    months = "[" + ", ".join(str(m) for m in range(1, 121)) + "]"
    items = "".join
    text = ("name: At every limit\nhorizon_months: 120\nretention:\n  points: {"
            + ", ".join(f"{age}: {0.5 - age / 1000}" for age in range(1, 121)) + "}\nacquisition:\n"
            + items(f"  - {{name: C{i}, type: cpa, bid: 10, budget: 1000, months: {months}}}\n" for i in range(50))
            + "monetization:\n  plans:\n"
            + items(f"    - {{name: P{i}, price: 9, period: month, conversion: 0.001}}\n" for i in range(50))
            + "  purchases:\n" + items(f"    - {{name: U{i}, price: 1, rate: 0.001}}\n" for i in range(50))
            + "costs:\n  fixed:\n" + items(f"    - {{name: F{i}, monthly: 10, months: {months}}}\n" for i in range(50)))
    result = invoke(["validate", str(write(tmp_path, text))])
    assert result.exit_code == 0, result.stderr


# --- names are data in every output -------------------------------------------------------------

EVIL = "[/x] [bold]b[/bold] \x1b]0;T\x07 \x1b[31mred $x^$ =1+2|p\nq :smile:"
EVIL_YAML = '"[/x] [bold]b[/bold] \\e]0;T\\a \\e[31mred $x^$ =1+2|p\\nq :smile:"'


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    return write(tmp_path, FLAT.replace("name: Posters", "name: '=cmd|x'").replace("name: Hostile", f"name: {EVIL_YAML}"))


def test_terminal_tables_show_names_as_written_and_send_no_control_characters(evil: Path) -> None:
    for command in (["run"], ["sensitivity"], ["breakeven"], ["compare", str(evil)]):
        result = invoke([*command, str(evil)])
        assert result.exit_code == 0, result.stderr
        assert "[/x] [bold]b[/bold]" in result.stdout and ":smile:" in result.stdout
        assert "\\x1b]0;T\\x07 \\x1b[31mred" in result.stdout
        assert not {"\x1b", "\x07"} & set(result.stdout)


def test_a_name_heading_a_block_of_a_narrow_table_is_written_out_too(evil: Path) -> None:
    # Too narrow for the figures side by side: each column becomes a block headed by its name (present/layout.py).
    result = invoke(["compare", str(evil), str(evil)], env={"COLUMNS": "60"})
    assert result.exit_code == 0, result.stderr
    assert "\\x07" in result.stdout and "\\x0aq :smile:" in result.stdout
    assert not {"\x1b", "\x07"} & set(result.stdout)


@given(st.text(max_size=20))
def test_visible_text_has_no_control_characters_and_keeps_the_others(text: str) -> None:
    shown = visible(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert shown == text or any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029" for c in text) or \
        any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in text)


def test_markdown_keeps_every_row_in_its_cells(evil: Path) -> None:
    result = invoke(["run", str(evil), "--format", "markdown"])
    assert result.exit_code == 0
    channel_row = next(line for line in result.stdout.splitlines() if "cmd" in line)
    # name, type, spend, users, cac, roas, roi, max unit cost, ltv, ltv_to_cac: 10 cells, 11 unescaped bars.
    assert channel_row.replace("\\|", "").count("|") == 11
    assert channel_row.startswith("| =cmd\\|x | flat |")


@given(st.text(max_size=12))
def test_a_markdown_cell_never_ends_its_cell_or_row(text: str) -> None:
    cell = markdown_cell(text)
    assert "\n" not in cell and "\r" not in cell and cell.replace("\\|", "").count("|") == 0


def test_csv_names_starting_like_a_formula_are_prefixed_and_numbers_are_not(evil: Path) -> None:
    result = invoke(["run", str(evil), "--format", "csv", "--table", "channels"])
    header, row = list(csv.reader(io.StringIO(result.stdout)))
    assert row[0] == "'=cmd|x" and row[header.index("roi")] == "-1"


@given(st.text(min_size=1, max_size=12))
def test_a_spreadsheet_text_cell_never_starts_like_a_formula(text: str) -> None:
    cell = spreadsheet_text(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == ("'" + text if text.startswith(FORMULA_STARTS) else text)


def test_xlsx_takes_control_characters_and_keeps_formulas_text(evil: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "out.xlsx"
    control = write(tmp_path, FLAT.replace("name: Posters", 'name: "=SUM(1)\\x01\\x1b"'), "control.yaml")
    result = invoke(["run", str(control), "--format", "xlsx", "-o", str(path)])
    assert result.exit_code == 0, result.stderr
    cell = load_workbook(path)["channels"]["A2"]
    # The name itself, control characters written out, in a text cell (never a formula) styled as Excel styles a
    # text typed after a ' (tests/present/test_xlsx_text_cells.py).
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=SUM(1)\\x01\\x1b", "s", True)


def test_plot_draws_dollar_signs_as_text(evil: Path, tmp_path: Path) -> None:
    result = invoke(["run", str(evil), "--plot", str(tmp_path / "chart.png")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")


def test_a_line_break_in_a_file_name_does_not_split_the_error_line(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "organic_users: -1\n", "two\nlines.yaml")
    line = one_error(invoke(["run", str(path)]), f"{tmp_path}/two\\x0alines.yaml:4:16: organic_users:")
    assert "\x1b" not in line


# --- --set values that once crashed -------------------------------------------------------------


def test_set_with_a_non_ascii_digit_index_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, FLAT)
    one_error(invoke(["run", str(path), "--set", "acquisition[²].cost=1"]),
              "--set acquisition[²].cost=1:1:1: acquisition[²].cost: no item named '²'")


def test_set_with_bytes_that_are_not_utf8_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, FLAT)
    # A non-UTF-8 command line reaches Python as lone surrogates (os.fsdecode).
    value = os.fsdecode(b"name=\xff\xfe")
    one_error(invoke(["run", str(path), "--set", value]), "--set name=\\udcff\\udcfe:1:1: expected UTF-8 text, found byte 0xff")


# --- writing: every failure one line; modes; outputs checked together ---------------------------


@pytest.mark.parametrize("where", ["below_a_file", "long_name", "unwritable"])
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path, where: str) -> None:
    path = write(tmp_path, FLAT)
    target, reason = {
        "below_a_file": (path / "out.json", "Not a directory"),
        "long_name": (tmp_path / ("x" * 300 + ".json"), "File name too long"),
        "unwritable": (Path("/proc/aigc-roi-out.json"), ""),
    }[where]
    line = one_error(invoke(["run", str(path), "--format", "json", "-o", str(target)]), f"aigc-roi: {target}: ")
    assert reason in line and ("cannot write" in line or "does not exist" in line)


def _cli(*args: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "aigc_roi", *args], capture_output=True, timeout=120, check=False,
                          **options)  # type: ignore[call-overload]


def test_stdout_on_a_full_device_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, FLAT)
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "aigc_roi", "run", str(path)], stdout=full, stderr=subprocess.PIPE,
                              timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.decode() == "stdout: cannot write: No space left on device\n"


def test_a_closed_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, FLAT)
    done = subprocess.run(f'"{sys.executable}" -m aigc_roi run "{path}" >&-', shell=True, stderr=subprocess.PIPE,
                          timeout=120, check=False)
    assert done.returncode == 2 and done.stderr.decode() == "stdout: cannot write: Bad file descriptor\n"


@pytest.mark.parametrize("args", [["check"], ["run"], ["run", "--format", "json"]])
def test_a_reader_that_goes_away_ends_the_command_with_141_never_1(tmp_path: Path, args: list[str]) -> None:
    # A 120-month table is far larger than a pipe's buffer, so the write must meet the closed end.
    path = write(tmp_path, FLAT.replace("horizon_months: 6", "horizon_months: 120")
                 + "targets: {min_roi: 10000%}\n")  # missed; with its sign, so no percent warning on stderr
    process = subprocess.Popen([sys.executable, "-m", "aigc_roi", args[0], str(path), *args[1:]],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    assert process.wait(timeout=120) == 141
    assert process.stderr.read() == b""


@pytest.mark.parametrize(("args", "start"), [
    (["run", "{file}", "--format", "xx"], "aigc-roi: --format: 'xx' is not one of"),
    (["run"], "aigc-roi: FILE: missing; it is required"),
    (["run", "{file}", "--bogus"], "aigc-roi: --bogus: no such option"),
    (["sensitivity", "{file}", "--grid-steps", "100"], "aigc-roi: --grid-steps: expected a whole number from 2 to 41, found '100'"),
    (["nonsense"], "aigc-roi: No such command 'nonsense'"),
])
def test_option_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], start: str) -> None:
    path = write(tmp_path, FLAT)
    one_error(invoke([arg.format(file=path) for arg in args]), start)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_written_files_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    path = write(tmp_path, FLAT)
    previous = os.umask(umask)
    try:
        for fmt in ("json", "xlsx"):
            target = tmp_path / f"out-{umask:o}.{fmt}"
            assert invoke(["run", str(path), "--format", fmt, "-o", str(target)]).exit_code == 0
            assert stat.S_IMODE(target.stat().st_mode) == mode
    finally:
        os.umask(previous)


def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    path = write(tmp_path, FLAT)
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert invoke(["run", str(path), "--format", "json", "-o", str(target), "--force"]).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text(encoding="utf-8") != "old"


def test_the_same_file_for_plot_and_output_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = write(tmp_path, FLAT)
    target = tmp_path / "same.svg"
    # -o refuses an .svg by its extension (no table is an image), so the output reaches the chart through a link.
    link = tmp_path / "out.txt"
    link.symlink_to(target.name)
    (tmp_path / "d").mkdir()
    other_spelling = tmp_path / "d" / ".." / "same.svg"
    one_error(invoke(["run", str(path), "-o", str(link), "--plot", str(other_spelling)]),
              f"aigc-roi: {other_spelling}: named twice ({link} is the same file)")
    assert not target.exists()


@pytest.mark.parametrize(("exponent", "value"), [("0" * 4300 + "1", 10.0), ("-" + "0" * 5000 + "2", 0.01),
                                                 ("+" + "0" * 4400 + "3k", 1e6)])
def test_an_exponent_padded_past_pythons_int_digits_is_read(exponent: str, value: float) -> None:
    """int() refuses a text of over 4,300 digits, leading zeros included: 1e0...01 crashed every command."""
    assert parse_number_text(f"1e{exponent}") == value


def test_an_exponent_padded_past_pythons_int_digits_in_a_file_and_a_set(tmp_path: Path) -> None:
    zeros = "0" * 4301
    path = write(tmp_path, MINIMAL + f"acquisition:\n  - {{name: A, type: cpa, bid: 2e{zeros}1, budget: 1000}}\n")
    result = invoke(["run", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)["figures"]
    assert (figures["ad_spend"], figures["paid_users"]) == (6000.0, 300.0)  # 1,000 a month at a bid of 2e1 = 20
    refused = invoke(["run", str(path), "--set", f"acquisition[0].bid=1e{zeros}99"])
    assert "no larger than" in one_error(refused, f"--set acquisition[0].bid=1e{zeros}99:1:")
