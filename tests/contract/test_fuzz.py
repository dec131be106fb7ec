"""The last-resort "internal error" handler is unreachable from any input (issue 14).

Hypothesis mutates the bundled templates with hostile tokens and bytes, and
draws option lists from every command's options with hostile values, and
drives each through the CLI. ``cli_runner.invoke`` already fails on any
exception other than the exit; here every outcome must also be an exit code
the README documents, with a message on stderr for every refusal.
"""

from __future__ import annotations

import json
import os
import re
import xml.dom.minidom
import zipfile
from pathlib import Path

import pytest
from cli_runner import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scratch import scratch_folder

TEMPLATES = sorted((Path(__file__).parents[2] / "aigc_roi" / "templates").glob("*.yaml"))
WORKDIR = scratch_folder("fuzz")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

HOSTILE = [
    "0100", "0x10", "0b11", "1:30", "1e16k", "2e-6万", "0.00001%", "1e-400", "1e400", ".nan", "-.inf", "01", "00",
    "[/x]", "[bold]x[/bold]", "\x1b]0;t\x07", "\x1b[31m", "$x^$", "=1+2", "@SUM(1)", "|", "\\", "\t", "\r", "\n",
    "{dist: normal, mean: 5, sd: 1}", "{dist: triangular, low: 1, mode: 0, high: 2}", "&a", "*a", "!!python/object",
    "~", "- ", ": ", "..", "%", "亿", "万", "\u202e", "\x00", "\x85", "\ufeff", "'", '"', "?", "#", "{", "}", "[", "]",
    "999999999999999999999", "-1", "1e15", "0.5..0.4", "1..2..3", "²", "٣", "\udcff",
]
"""Tokens that once crashed, misread or injected, and YAML's punctuation."""


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(TEMPLATES)).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = min(len(text), start + draw(st.integers(0, 12)))
        insert = draw(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)))
        text = text[:start] + insert + text[end:]
    return text


VALUES = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8), st.sampled_from(["0", "1", "20%", "json", "zh", "en"]))
PATHS = ["acquisition[0].bid", "acquisition[²]", "acquisition[9]", "name", "retention.points", "virality",
         "monetization.plans[0].price", "horizon_months", "x", "costs.fixed[0].monthly", "acquisition[Douyin CPA].budget"]


@st.composite
def options(draw: st.DrawFn, path: Path) -> list[str]:
    command = draw(st.sampled_from(["run", "validate", "check", "sensitivity", "compare", "breakeven", "schema", "init"]))
    args = [command]
    if command not in ("schema", "init"):
        args.append(str(path))
    if command == "compare":
        args.append(str(path))
    if command == "init":
        args.append(str(WORKDIR / draw(st.sampled_from(["new.yaml", "-", "sub/x.yaml", "new.yaml/x"]))))
    for _ in range(draw(st.integers(0, 3))):
        option = draw(st.sampled_from(["--set", "--format", "--lang", "--step", "--output", "--variant", "--bogus",
                                       "--grid-steps", "--table", "--plot", "--force", "--months", "-o", "-f"]))
        if option == "--set":
            args += [option, f"{draw(st.sampled_from(PATHS))}={draw(VALUES)}"]
        elif option in ("--output", "-o", "--plot"):
            name = draw(st.sampled_from(["out.json", "out.svg", "out.png", "x" * 300, "s.yaml/o", "out.xlsx",
                                         "s.yaml", "link.yaml", "fifo", "/dev/null", ""]))
            args += [option, name if name in ("", "/dev/null") else str(WORKDIR / name)]
        elif option in ("--force", "--months"):
            args.append(option)
        else:
            args += [option, draw(VALUES)]
    return args


def assert_clean(result: object) -> None:
    exit_code: int = result.exit_code  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert exit_code in (0, 1, 2), (exit_code, stderr)
    assert "internal error" not in stderr and "Traceback" not in stderr, stderr
    if exit_code == 2:
        assert stderr.strip(), "a refusal without a message"


@FUZZ
@given(mutated_text(), st.sampled_from(["check", "sensitivity", "breakeven", "compare"]))
def test_mutated_scenarios_never_reach_the_last_resort_handler(text: str, command: str) -> None:
    path = WORKDIR / "mutated.yaml"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    validated, ran = invoke(["validate", str(path)]), invoke(["run", str(path), "--format", "json"])
    for result in (validated, ran):
        assert_clean(result)
    # validate is the promise that run works: they never disagree on whether a file is valid.
    assert (validated.exit_code == 2) == (ran.exit_code == 2), (validated.stderr, ran.stderr)
    if ran.exit_code == 0:
        assert_clean(invoke([command, str(path), *([str(path)] if command == "compare" else [])]))


@FUZZ
@given(st.data())
def test_hostile_option_lists_never_reach_the_last_resort_handler(data: st.DataObject) -> None:
    path = WORKDIR / "s.yaml"
    template = TEMPLATES[0].read_text(encoding="utf-8")
    path.write_text(template, encoding="utf-8")
    for leftover in WORKDIR.glob("out*"):
        leftover.unlink()
    link, fifo = WORKDIR / "link.yaml", WORKDIR / "fifo"
    if not link.is_symlink():
        link.symlink_to(path.name)
    if not fifo.is_fifo():
        os.mkfifo(fifo)
    args = data.draw(options(path))
    assert_clean(invoke(args))
    # Whatever the options, --force included: the input, a link to it and a FIFO are never replaced. (schema and init
    # read no scenario: for them s.yaml is any file, which --force lets them write.)
    if args[0] not in ("schema", "init"):
        assert path.read_text(encoding="utf-8") == template
    assert link.is_symlink() and fifo.is_fifo() and Path(os.devnull).is_char_device()
    assert not list(WORKDIR.glob(".aigc-roi.*.tmp"))


# --- hostile names through every command and format (issue 26) --------------------

HOSTILE_NAME = ("C\x1b[2J\x1b[8m \x1b]52;c;aGk=\x07 \u202e\u2066\u2028\x85\x9b "
                "[x](https://evil) <img src=x onerror=alert(1)> ![i](https://evil/t.png) `c` *b* _i_ $x$ &lt; ~s~ # \ufffe\uffff")
"""A name that would clear the screen, write the clipboard (OSC 52), reorder text, or be a live link,
image or HTML in markdown, and that XML (xlsx, SVG) cannot hold."""
TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
"""What must not reach a terminal, a job log or a markdown page raw: every control but the line feed."""
LIVE_MARKDOWN = ("](https://evil)", "<img", "&lt;")


def _hostile_scenario(folder: Path, name: str = "h.yaml") -> Path:
    text = (TEMPLATES_BY_NAME["chat-assistant-cpa"]).read_text(encoding="utf-8")
    quoted = json.dumps(HOSTILE_NAME)  # a YAML double-quoted scalar reads JSON's escapes
    text = re.sub(r"^name: .*$", lambda _: f"name: {quoted}", text, count=1, flags=re.M)
    text = re.sub(r"\n  - name: [^\n]*", lambda _: f"\n  - name: {json.dumps(HOSTILE_NAME + ' ch')}", text, count=1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


TEMPLATES_BY_NAME = {path.stem: path for path in TEMPLATES}
HOSTILE_COMMANDS = [
    (["run"], "table"), (["run", "--months", "--cohorts"], "table"), (["run", "--lang", "zh"], "table"),
    (["run"], "markdown"), (["run", "--cohorts", "--lang", "zh"], "markdown"),
    (["breakeven"], "table"), (["breakeven"], "markdown"), (["sensitivity"], "table"), (["sensitivity"], "markdown"),
    (["compare", "{file}"], "table"), (["compare", "{file}"], "markdown"),
    (["compare", "{file}", "--samples", "100"], "table"), (["compare", "{file}", "--samples", "100"], "markdown"),
    (["simulate", "--samples", "100"], "table"), (["simulate", "--samples", "100"], "markdown"),
    (["allocate", "--budget", "200000"], "table"), (["allocate", "--budget", "200000"], "markdown"),
    (["curves"], "table"), (["curves"], "markdown"),
    (["check", "--set", "targets.min_roi=5"], "text"), (["check", "--set", "targets.min_roi=5"], "markdown"),
    (["check", "--set", "targets.min_roi=5"], "github"), (["check", "--set", "horizon_months=\x1b[2J"], "github"),
    (["validate", "--set", "horizon_months=\x1b[2J"], "text"), (["validate", "--set", "horizon_months=\x1b[2J"], "github"),
    # A what-if's mark names the --set values in markdown's heading too (present/what_if.py).
    (["run", "--set", "name=\"[x](https://evil) <img src=x onerror=alert(1)>\""], "markdown"),
]
"""Every command that shows a name, in each format read by a person, a terminal or a markdown page."""


@pytest.mark.parametrize(("command", "fmt"), HOSTILE_COMMANDS, ids=lambda value: " ".join(value) if isinstance(value, list) else value)
def test_hostile_names_reach_no_terminal_or_markdown_raw(tmp_path: Path, command: list[str], fmt: str) -> None:
    path = _hostile_scenario(tmp_path)
    args = [command[0], str(path), *(part.format(file=path).replace("\\x1b", HOSTILE_NAME) for part in command[1:])]
    result = invoke([*args, "--format", fmt])
    assert result.exit_code in (0, 1, 2), result.stderr
    assert result.stdout.strip() or result.exit_code == 2, result.stderr
    for stream in (result.stdout, result.stderr):
        assert not TERMINAL_UNSAFE.findall(stream), TERMINAL_UNSAFE.findall(stream)
    if fmt == "markdown":
        assert [token for token in LIVE_MARKDOWN if re.search("(?<!\\\\)" + re.escape(token), result.stdout)] == []


def test_hostile_names_keep_xlsx_and_svg_well_formed(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    pytest.importorskip("matplotlib")
    path = _hostile_scenario(tmp_path)
    workbook, chart = tmp_path / "h.xlsx", tmp_path / "h.svg"
    result = invoke(["run", str(path), "--format", "xlsx", "-o", str(workbook), "--plot", str(chart)])
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(workbook) as archive:
        for member in archive.namelist():
            if member.endswith(".xml") or member.endswith(".rels"):
                xml.dom.minidom.parseString(archive.read(member))  # raises on a character XML cannot hold
    xml.dom.minidom.parseString(chart.read_bytes())
    simulated = tmp_path / "fan.svg"
    assert invoke(["simulate", str(path), "--samples", "100", "--plot", str(simulated)]).exit_code == 0
    xml.dom.minidom.parseString(simulated.read_bytes())


def test_json_keeps_a_hostile_name_exactly(tmp_path: Path) -> None:
    result = invoke(["run", str(_hostile_scenario(tmp_path)), "--format", "json"])
    assert json.loads(result.stdout)["scenario"] == HOSTILE_NAME


EXTREMES = ["1e15", "-1e15", "1e-9", "0", "999999999999999", "0.000000001%"]
"""Values at the file's number limits (docs/limits.md): within them, every command computes."""
EXTREME_FIELDS = ["costs.fixed[0].monthly", "acquisition[0].users", "acquisition[0].bid", "monetization.plans[0].price",
                  "retention.monthly_churn"]


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(EXTREME_FIELDS), st.sampled_from(EXTREMES)), min_size=1, max_size=3),
       st.sampled_from([["simulate", "--samples", "50"], ["check"], ["compare", "{file}", "--samples", "50"],
                        ["allocate", "--budget", "1e15"], ["breakeven"], ["run", "--format", "json"]]))
def test_extreme_values_within_the_limits_never_reach_the_last_resort_handler(sets: list[tuple[str, str]],
                                                                             command: list[str]) -> None:
    path = WORKDIR / "extreme.yaml"
    path.write_text("name: X\nhorizon_months: 24\nretention: {monthly_churn: 0.3}\n"
                    "acquisition: [{name: A, type: cpa, bid: 10, users: 1000}]\n"
                    "monetization: {plans: [{name: P, price: 10, period: month, conversion: 5%}]}\n"
                    "costs: {fixed: [{name: F, monthly: 1000}]}\n"
                    "targets: {min_payback_probability: 0.5}\n", encoding="utf-8")
    overrides = [part for field, value in sets for part in ("--set", f"{field}={value}")]
    args = [command[0], str(path), *(part.format(file=path) for part in command[1:]), *overrides]
    assert_clean(invoke(args))


@pytest.mark.parametrize("command", [["run"], ["breakeven"], ["sensitivity"], ["allocate", "--budget", "200000"],
                                     ["compare", "{file}"], ["simulate", "--samples", "50"]], ids=lambda command: command[0])
def test_a_line_break_in_a_name_keeps_it_on_one_line(tmp_path: Path, command: list[str]) -> None:
    text = TEMPLATES_BY_NAME["chat-assistant-cpa"].read_text(encoding="utf-8")
    text = re.sub(r"\n  - name: [^\n]*", lambda _: '\n  - name: "Ab\\nYz"', text, count=1)
    text = re.sub(r"^name: .*$", lambda _: 'name: "Cd\\nWx"', text, count=1, flags=re.M)
    path = tmp_path / "n.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke([command[0], str(path), *(part.format(file=path) for part in command[1:])], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    # Every name and title shows its line break written out, never as a break of its row.
    assert not re.search(r"^[\s│┃|]*(Yz|Wx)", result.stdout, flags=re.M), result.stdout
    assert "Cd\\x0aWx" in result.stdout
