"""The bad-input corpus: every file in tests/bad_inputs/ must be refused cleanly.

For each file, both ``aigc-roi validate FILE`` and ``aigc-roi run FILE``
must exit with code 2, with no traceback and one located line per problem:
on stderr for ``run`` (whose stdout stays empty), on stdout for
``validate`` (its findings, as ruff and yamllint print them; the summary
goes to stderr)::

    FILE:LINE:COL: FIELD.PATH: message      (a field's problem)
    FILE:LINE:COL: message                  (a document-level problem)

``bad_inputs/expected.tsv`` gives, per file, the LINE of the first error
line (``*`` where the YAML parser's own position is not worth pinning) and
the field path that line must name (``-`` for a document-level error).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_runner import invoke

CORPUS = Path(__file__).parent / "bad_inputs"
EXPECTED = CORPUS / "expected.tsv"
NOT_CASES = {"expected.tsv", ".gitattributes"}
"""Files in the corpus folder that are not bad inputs themselves."""
COMMANDS = ("validate", "run")
MIB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    file: str
    line: int | None
    """1-based line of the first error; None for ``*`` (not predicted)."""
    path: str | None
    """Field path the first error names; None for ``-`` (document-level)."""

    @property
    def location(self) -> Path:
        return CORPUS / self.file


def read_cases() -> list[Case]:
    lines = EXPECTED.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["file", "line", "path"], "expected.tsv must start with its header"
    cases = []
    for number, text in enumerate(lines[1:], start=2):
        if not text.strip():
            continue
        cells = text.split("\t")
        assert len(cells) == 3, f"expected.tsv:{number}: expected 3 tab-separated cells, found {cells!r}"
        file, line, path = cells
        cases.append(Case(file, None if line == "*" else int(line), None if path == "-" else path))
    return cases


CASES = read_cases()
BY_FILE = {case.file: case for case in CASES}


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


def run_cli(*args: str) -> Outcome:
    result = invoke(list(args))
    return Outcome(result.exit_code, result.stdout, result.stderr, result.exception)


def located(path: Path | str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(str(path))}:(\d+):(\d+): (\S.*)$")


def findings(outcome: Outcome, command: str) -> str:
    """The stream that carries the located error lines of ``command``."""
    return outcome.stdout if command == "validate" else outcome.stderr


def assert_refused(outcome: Outcome, path: Path | str, command: str) -> re.Match[str]:
    """Exit 2, no traceback, one located line per problem; returns the first line's match."""
    report = f"exit {outcome.exit_code}\n--- stdout ---\n{outcome.stdout}\n--- stderr ---\n{outcome.stderr}"
    assert not (outcome.exception is not None and not isinstance(outcome.exception, SystemExit)), (
        f"crashed with {outcome.exception!r}\n{report}"
    )
    assert outcome.exit_code == 2, report
    assert "Traceback" not in outcome.stdout, report
    assert "Traceback" not in outcome.stderr, report
    if command == "run":
        assert outcome.stdout == "", report
    else:
        assert re.fullmatch(r"1 file, 1 invalid, \d+ errors?\n", outcome.stderr), report
    lines = [line for line in findings(outcome, command).splitlines() if line.strip()]
    assert lines, f"no error line\n{report}"
    pattern = located(path)
    for line in lines:
        assert pattern.match(line), f"not a located one-line error: {line!r}\n{report}"
    first = pattern.match(lines[0])
    assert first is not None
    assert int(first[1]) >= 1 and int(first[2]) >= 1, report
    return first


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CASES, ids=[case.file for case in CASES])
def test_bad_input_is_refused_with_a_located_error(case: Case, command: str) -> None:
    outcome = run_cli(command, str(case.location))
    first = assert_refused(outcome, case.location, command)
    if case.line is not None:
        assert int(first[1]) == case.line, f"expected line {case.line}: {first[0]!r}"
    if case.path is not None:
        # "FIELD.PATH: message"; a deeper path (acquisition[0].bid.dist for acquisition[0].bid) is fine.
        field = first[3].split(": ", 1)[0]
        assert field.startswith(case.path), f"expected field path {case.path!r}: {first[0]!r}"


def test_every_corpus_file_has_a_row_and_every_row_a_file() -> None:
    files = {entry.name for entry in CORPUS.iterdir() if entry.is_file()} - NOT_CASES
    rows = [case.file for case in CASES]
    assert len(rows) == len(set(rows)), "a file is listed twice in expected.tsv"
    assert sorted(files - set(rows)) == [], "files without a row in expected.tsv"
    assert sorted(set(rows) - files) == [], "rows in expected.tsv without a file"
    assert len(files) >= 45
    assert not [entry.name for entry in CORPUS.iterdir() if entry.is_dir()], "the corpus is flat"


def test_the_corpus_is_small_and_kept_byte_for_byte() -> None:
    """Committed files stay small (the 1 MiB case is generated), and git leaves CRLF/BOM alone."""
    assert all(entry.stat().st_size < 64 * 1024 for entry in CORPUS.iterdir())
    assert (CORPUS / "crlf_error_line3.yaml").read_bytes().count(b"\r\n") == 5
    assert (CORPUS / "bom_then_error.yaml").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (CORPUS / "empty.yaml").read_bytes() == b""


# Exact positions (line, column, field path) that some error line must report,
# where the contract says exactly where the error points: a bad value at its
# first character, an unknown or duplicate key at the key (the second
# occurrence), a missing key at the start of the mapping that lacks it, a tag
# at the node carrying it. Columns count characters; a BOM is not one.
POSITIONS = {
    "range_negative_bid.yaml": (8, 10, "acquisition[0].bid"),
    "range_triangular_bad_order.yaml": (8, 10, "acquisition[0].bid"),
    "months_reversed_span.yaml": (9, 15, "costs.fixed[0].months"),
    "duplicate_key_top.yaml": (5, 1, "name"),
    "duplicate_key_nested.yaml": (10, 5, "acquisition[0].bid"),
    "unknown_key_bidd.yaml": (8, 5, "acquisition[0].bidd"),
    "unknown_key_retension.yaml": (3, 1, "retension"),
    "missing_name.yaml": (2, 1, "name"),
    "contra_neither_budget_nor_users.yaml": (6, 5, "acquisition[0]"),
    "tag_python_os_system.yaml": (2, 7, "name"),
    "tag_custom.yaml": (3, 12, "retention"),
    "anchor_alias.yaml": (7, 5, "acquisition[1]"),
    "syntax_tab_indentation.yaml": (4, 1, ""),
    "invalid_utf8.yaml": (2, 7, ""),
    "latin1_text.yaml": (2, 10, ""),
    "bom_then_error.yaml": (1, 17, "horizon_months"),
    "crlf_error_line3.yaml": (3, 17, "horizon_months"),
    # Slips of Chinese users: at the character that is wrong, on its own line.
    "slip_yuan_suffix.yaml": (11, 12, "acquisition[0].bid"),  # 元
    "slip_yen_sign.yaml": (11, 10, "acquisition[0].bid"),  # ¥
    "slip_wan_yuan.yaml": (12, 17, "acquisition[0].budget"),  # 元 of 600万元
    "slip_w_suffix.yaml": (12, 16, "acquisition[0].budget"),  # w
    "slip_budget_per_day.yaml": (12, 16, "acquisition[0].budget"),  # /
    "slip_dash_range.yaml": (11, 12, "acquisition[0].bid"),  # -
    "slip_conversion_percent.yaml": (7, 42, "monetization.plans[0].conversion"),
    "ime_full_width_colon.yaml": (11, 8, ""),  # libyaml itself reports line 12
    "ime_full_width_comma.yaml": (12, 16, "acquisition[0].budget"),
    "ime_full_width_percent.yaml": (7, 43, "monetization.plans[0].conversion"),
    "ime_full_width_quotes.yaml": (2, 7, ""),
    "unclosed_quote.yaml": (2, 7, ""),
    # Look-alikes of a space, pasted or left by joining two files: at the character, not where YAML gave up.
    "paste_no_break_space.yaml": (11, 9, ""),
    "joined_byte_order_mark.yaml": (3, 1, ""),
    "utf16_notepad.yaml": (1, 1, ""),
    # "# 只投信息流" in GBK: 只 D6BB and 投 CDB6 are UTF-8 too (a lead C2-DF, a continuation 80-BF), 信 D0C5 is not.
    "gbk_notepad.yaml": (1, 5, ""),
}


@pytest.mark.parametrize("file", sorted(POSITIONS))
def test_error_position(file: str) -> None:
    path = CORPUS / file
    outcome = run_cli("validate", str(path))
    assert_refused(outcome, path, "validate")
    line, column, field = POSITIONS[file]
    pattern = located(path)
    found = [(int(m[1]), int(m[2]), m[3]) for m in map(pattern.match, outcome.stdout.splitlines()) if m]
    assert any((at_line, at_column) == (line, column) and message.startswith(field)
               for at_line, at_column, message in found), f"no error at {line}:{column} {field}: {found}"


# What the messages must say (case-insensitive regexes, searched in all the error lines):
# what was expected and what was found, and the nearest key for a typo.
MESSAGES = {
    "range_negative_bid.yaml": [r"expected", r"found -5\b"],
    "range_ctr_above_one.yaml": [r"expected", r"found 1\.5\b"],
    "bool_yes_bid.yaml": [r"expected", r"\byes\b"],
    "suffix_double_wan.yaml": [r"expected", r"1\.5万万"],
    "suffix_12x.yaml": [r"expected", r"12x"],
    "nan_bid.yaml": [r"expected", r"nan"],
    "unknown_key_bidd.yaml": [r"unknown key 'bidd'; did you mean 'bid'\?"],
    "unknown_key_retension.yaml": [r"unknown key 'retension'; did you mean 'retention'\?"],
    "duplicate_key_top.yaml": [r"duplicate", r"'name'"],
    "channels_51.yaml": [r"\b50\b", r"\b51\b"],
    "channel_type_tv.yaml": [r"\btv\b", r"cpa"],
    "anchor_alias.yaml": [r"anchor|alias"],
    "tag_custom.yaml": [r"tag", r"!foo"],
    "two_documents.yaml": [r"document"],
    "invalid_utf8.yaml": [r"utf-8", r"0xff"],
    "deep_nesting.yaml": [r"nest|deep|depth"],
    "slip_yuan_suffix.yaml": [r"found '30元'", r"write 30 without '元'"],
    "slip_yen_sign.yaml": [r"write 30 without '¥'"],
    "slip_wan_yuan.yaml": [r"write 600万 without '元'"],
    "slip_w_suffix.yaml": [r"write 600万"],
    # 20万 a day x 30.4375 days (365.25 / 12) = 6,087,500 = 608.75万 a month.
    "slip_budget_per_day.yaml": [r"per month", r"608\.75万 a month", r"write 608\.75万"],
    "slip_dash_range.yaml": [r"10\.\.15"],
    "slip_conversion_percent.yaml": [r"found 3; did you mean 3%\?"],
    "slip_type_koc.yaml": [r"found 'koc'", r"type: kol"],
    "slip_type_cpc.yaml": [r"found 'cpc'; a cost per click", r"cpm is cpc x ctr x 1000", r"bid is cpc / cvr"],
    "slip_decimal_comma.yaml": [r"found '5,50'; a decimal comma is not read: write 5\.50"],
    "slip_range_distribution.yaml": [r"unknown key 'distribution'; did you mean 'dist'\?"],
    "slip_period_yearly.yaml": [r"found 'yearly'; did you mean 'year'\?"],
    "ime_full_width_colon.yaml": [r"full-width colon '：'", r"ASCII ':'"],
    "ime_full_width_comma.yaml": [r"full-width '，'", r"write 600_000"],
    "ime_full_width_percent.yaml": [r"full-width '％'", r"write 5%"],
    "ime_full_width_quotes.yaml": [r"full-width quote '“'"],
    "unclosed_quote.yaml": [r"unclosed quote", r"opened at line 2, column 7"],
    "paste_no_break_space.yaml": [r"no-break space U\+00A0", r"after ':'; write an ASCII space"],
    "joined_byte_order_mark.yaml": [r"byte-order mark U\+FEFF", r"delete it"],
    "utf16_notepad.yaml": [r"expected UTF-8 text, found UTF-16 \(byte-order mark FF FE\); save the file as UTF-8"],
    "gbk_notepad.yaml": [r"expected UTF-8 text, found byte 0xd0; the file looks saved as GBK \(simplified Chinese\): "
                         r"save it as UTF-8", r"iconv -f GBK -t UTF-8"],
}


@pytest.mark.parametrize("file", sorted(MESSAGES))
def test_error_message_says_expected_and_found(file: str) -> None:
    path = CORPUS / file
    outcome = run_cli("validate", str(path))
    assert_refused(outcome, path, "validate")
    for wanted in MESSAGES[file]:
        assert re.search(wanted, outcome.stdout, re.IGNORECASE), f"{wanted!r} not in {outcome.stdout!r}"


def over_one_mib(tmp_path: Path) -> Path:
    """A scenario that is valid but for its size: a 1 MiB comment after valid YAML."""
    path = tmp_path / "over_one_mib.yaml"
    head = b"name: Big file\nretention:\n  monthly_churn: 0.2\n"
    padding = (b"# " + b"x" * 98 + b"\n") * (MIB // 100 + 1)
    path.write_bytes(head + padding)
    assert path.stat().st_size > MIB
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_file_over_one_mib_is_refused(tmp_path: Path, command: str) -> None:
    path = over_one_mib(tmp_path)
    outcome = run_cli(command, str(path))
    assert_refused(outcome, path, command)
    assert re.search(r"MiB|bytes|size|large|limit", findings(outcome, command), re.IGNORECASE), outcome


def test_a_file_just_under_one_mib_is_not_refused_for_its_size(tmp_path: Path) -> None:
    path = tmp_path / "just_under.yaml"
    head = b"name: Nearly big\nretention:\n  monthly_churn: 0.2\n"
    path.write_bytes(head + b"#" * (MIB - len(head) - 1) + b"\n")
    assert path.stat().st_size == MIB
    outcome = run_cli("validate", str(path))
    assert outcome.exit_code == 0, outcome.stderr


# Each would create MARKER if a YAML loader constructed it.
EXECUTING_TAGS = [
    'name: !!python/object/apply:os.system ["touch MARKER"]\nretention:\n  monthly_churn: 0.2\n',
    'name: !!python/object/new:os.system ["touch MARKER"]\nretention:\n  monthly_churn: 0.2\n',
    'name: !!python/object/apply:subprocess.call [["touch", "MARKER"]]\nretention:\n  monthly_churn: 0.2\n',
    'name: X\nretention:\n  monthly_churn: !!python/object/apply:os.system ["touch MARKER"]\n',
    '!!python/object/apply:os.system ["touch MARKER"]\n',
    'name: X\nretention:\n  monthly_churn: 0.2\n'
    'costs: {fixed: [{name: a, monthly: !!python/object/apply:os.system ["touch MARKER"]}]}\n',
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("text", EXECUTING_TAGS, ids=range(len(EXECUTING_TAGS)))
def test_python_tags_never_execute(tmp_path: Path, command: str, text: str) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "tagged.yaml"
    path.write_text(text.replace("MARKER", str(marker)), encoding="utf-8")
    outcome = run_cli(command, str(path))
    assert not marker.exists(), "a YAML tag executed a command"
    assert_refused(outcome, path, command)
    assert re.search(r"tag", findings(outcome, command), re.IGNORECASE), outcome


def test_validate_a_folder_reports_every_bad_file() -> None:
    outcome = run_cli("validate", str(CORPUS))
    assert outcome.exit_code == 2, outcome.stderr
    assert "Traceback" not in outcome.stdout + outcome.stderr
    starts = {line.split(":", 1)[0] for line in outcome.stdout.splitlines() if line.strip()}
    yaml_files = {str(case.location) for case in CASES if case.file.endswith((".yaml", ".yml"))}
    assert sorted(yaml_files - starts) == [], "bad files that validate PATH-of-folder did not report"


# The nastiest inputs once more through the real entry point, in a process of
# their own: a crash, a hang or a traceback printed by the interpreter itself
# would be hidden by the in-process runner.
SUBPROCESS_FILES = ["deep_nesting.yaml", "billion_laughs.yaml", "binary_garbage.yaml", "tag_python_os_system.yaml"]


@pytest.mark.slow  # a fresh interpreter per case; test_bad_input_is_refused_with_a_located_error covers them in process
@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("file", SUBPROCESS_FILES)
def test_nasty_inputs_in_a_real_process(file: str, command: str) -> None:
    path = CORPUS / file
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-m", "aigc_roi", command, str(path)], capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=120, cwd=root, env=env)
    outcome = Outcome(done.returncode, done.stdout, done.stderr, None)
    assert_refused(outcome, path, command)
    assert "pwned" not in done.stdout + done.stderr
