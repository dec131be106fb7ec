"""The last-resort "internal error" handler is unreachable from any input (issue 14).

Hypothesis mutates the bundled templates with hostile tokens and bytes, and
draws option lists from every command's options with hostile values, and
drives each through the CLI. ``cli_runner.invoke`` already fails on any
exception other than the exit; here every outcome must also be an exit code
the README documents, with a message on stderr for every refusal.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cli_runner import invoke
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEMPLATES = sorted((Path(__file__).parents[2] / "aigc_roi" / "templates").glob("*.yaml"))
WORKDIR = Path(tempfile.mkdtemp(prefix="aigc-roi-fuzz-"))
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
            name = draw(st.sampled_from(["out.json", "out.svg", "out.png", "x" * 300, "s.yaml/o", "out.xlsx"]))
            args += [option, str(WORKDIR / name)]
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
    path.write_text(TEMPLATES[0].read_text(encoding="utf-8"), encoding="utf-8")
    for leftover in WORKDIR.glob("out*"):
        leftover.unlink()
    assert_clean(invoke(data.draw(options(path))))
