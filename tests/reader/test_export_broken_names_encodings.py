"""A campaign name or id holding a line break is refused at its cell in every text format and for every break, never
read in another encoding for it (reader/exports/two_readings.py). Before, a UTF-8 CSV holding 'dy_a\\u2028summer'
and 抖音拉新, valid GB18030 too, had its refusal make the UTF-8 reading fail, so GB18030's was taken, which read
every row 'fine': `actuals` exited 0 with 'unmatched spend 3.00 in 1 campaign', that campaign shown as 鎶栭煶鎷夋柊."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import invoke
from export_files import HORIZON, export_errors, write_export

from aigc_roi.reader.exports import report

GLOBS = ("dy_*", "抖音*")
"""A plan whose globs match both campaigns, either name read as written: nothing is left unmatched."""

BREAKS = [("\n", "\\n"), ("\r", "\\r"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"), ("\x85", "\\x85")]
"""Each line break and how the error writes it (Python's escape of it)."""
BREAK_IDS = ["LF", "CR", "line-separator", "paragraph-separator", "NEL"]
FORMATS = [("export.csv", ",", "utf-8"), ("export.tsv", "\t", "utf-8"), ("unicode.txt", "\t", "utf-16"),
           ("gbk.csv", ",", "gb18030")]
FORMAT_IDS = ["utf8-csv", "utf8-tsv", "utf16-text", "gb18030-csv"]


def _refused(what: str, found: str) -> str:
    return (f"expected a campaign {what} on one line, found {found}; no platform writes a line break in a campaign's "
            f"{what} (Excel's Alt+Enter puts one in a cell): delete it from the cell")


def _export(tmp_path: Path, name: str, delimiter: str, encoding: str, cell: str, header: str = "campaign") -> Path:
    """Row 2 holds ``cell`` (quoted, so that LF and CR are the cell's) in its second column; row 3 a Chinese name."""
    d = delimiter
    text = (f"date{d}{header}{d}spend\n2025-01-05{d}\"{cell}\"{d}5\n2025-01-06{d}抖音拉新{d}3\n")
    return write_export(tmp_path, name, text, encoding)


@pytest.mark.parametrize(("name", "delimiter", "encoding"), FORMATS, ids=FORMAT_IDS)
@pytest.mark.parametrize(("char", "escaped"), BREAKS, ids=BREAK_IDS)
def test_each_break_is_refused_at_its_cell_in_each_text_format(tmp_path: Path, name: str, delimiter: str,
                                                               encoding: str, char: str, escaped: str) -> None:
    path = _export(tmp_path, name, delimiter, encoding, f"dy_a{char}summer")
    # The name opens on line 2, in column 2, whatever the break (LF and CR inside quotes end no row).
    found = f"'dy_a{escaped}summer'"
    assert export_errors([path], HORIZON, globs=GLOBS) == [f"{path}:2:2: campaign: {_refused('name', found)}"]


@pytest.mark.parametrize(("char", "escaped"), BREAKS[2:], ids=BREAK_IDS[2:])
@pytest.mark.parametrize("header", ["campaign", "campaign_id"])
def test_a_file_with_a_refused_cell_is_never_read_as_gb18030(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             char: str, escaped: str, header: str) -> None:
    """The bytes of U+2028, U+2029 and NEL are valid GB18030 with the letter after them, as 抖音拉新's UTF-8 is: the
    file is both, and no reading but UTF-8's is made of it."""
    path = _export(tmp_path, "export.csv", ",", "utf-8", f"17{char}x", header)
    path.read_bytes().decode("gb18030")  # the premise: GB18030 reads it without a bad byte
    codecs: list[str | None] = []
    real = report.read_tables

    def read_tables(file: str, data: bytes, recognised: object, codec: str | None = None, *rest: object) -> object:
        codecs.append(codec)
        return real(file, data, recognised, codec, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "read_tables", read_tables)
    what, found = ("name" if header == "campaign" else "id"), f"'17{escaped}x'"
    assert export_errors([path], HORIZON, globs=GLOBS) == [f"{path}:2:2: {header}: {_refused(what, found)}"]
    assert codecs == [None]  # read once, as UTF-8


# A problem of the file's ASCII is the same in GB18030's reading, which reads ASCII as UTF-8 does: UTF-8's stands.
ASCII_PROBLEMS = [
    ('2025-01-05,"dy_a,5\n', "2:12"),  # a quote left open, at the quote
    ("2025-01-05,dy_a\r,5\n", "2:16"),  # a CR inside a line, at the CR
    ("2025-01-05,dy_a\n", "2:3"),  # a row ending before its spend
    ("2025-01-05,dy_a,abc\n", "2:3"),  # no amount
    ("2025-01-05,,5\n", "2:2"),  # no campaign
]


@pytest.mark.parametrize(("row", "at"), ASCII_PROBLEMS, ids=["open-quote", "cr", "short-row", "amount", "no-name"])
def test_a_problem_of_ascii_stays_utf8s(tmp_path: Path, row: str, at: str) -> None:
    path = write_export(tmp_path, "export.csv", f"date,campaign,spend\n{row}2025-01-06,抖音拉新,3\n")
    path.read_bytes().decode("gb18030")
    (error,) = export_errors([path], HORIZON, globs=GLOBS)
    assert error.startswith(f"{path}:{at}: ")


PLAN = """name: Breaks
start: 2025-01
horizon_months: 6
acquisition:
  - {name: A, type: cpa, bid: 10, budget: 1000, match: ['dy_*', '抖音*']}
retention: {monthly_churn: 0.5}
monetization:
  purchases:
    - {name: Pack, price: 10, rate: 1}
"""


SHOWN = "'dy_a\\u2028summer'"
"""The name as the error writes it, its U+2028 escaped."""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_command_refuses_it_and_garbles_no_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    _export(tmp_path, "export.csv", ",", "utf-8", "dy_a\u2028summer")
    result = invoke(["actuals", "plan.yaml", "export.csv", "--lang", lang])
    assert (result.exit_code, result.stdout) == (2, "")
    english = f"export.csv:2:2: campaign: {_refused('name', SHOWN)}\n"
    chinese = (f"export.csv:2:2: campaign: 应为写在一行内的计划名称，实际为 {SHOWN}；投放平台的计划名称不含换行"
               "（Excel 中按 Alt+Enter 会在单元格里插入换行）：请从单元格中删除它\n")
    assert result.stderr == (chinese if lang == "zh" else english)
