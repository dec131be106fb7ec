"""A CSV without a byte-order mark whose bytes are valid UTF-8 and valid GB18030 (GBK's superset) alike, read in the
encoding its campaign names say.

Short GBK text can be valid UTF-8 (路路通 in GBK is c2 b7 c2 b7 cd a8: ··ͨ in UTF-8), and UTF-8 text with few
characters past ASCII is often valid GB18030 (Café's é, c3 a9, is 茅 there): neither reading can simply be
preferred. The file is read as UTF-8; where that reading has a problem or a campaign no glob (``match``, ``--map``)
matches by its name or id, it is read as GB18030 too. That reading is taken where it finds every column the UTF-8
one does (a header GBK garbles is no column: 小时 in UTF-8 is 灏忔椂 in GBK) and reads every row, and either the
UTF-8 one does not (100元 in GBK is 100Ԫ in UTF-8) or more of its rows' campaigns are matched. Otherwise UTF-8
stands, and its source names its first unmatched campaign that GBK reads otherwise, as Chinese text (GB2312's
characters), where UTF-8 reads it as no Latin text (``ReportSource.also_gbk``), which the summary on stderr shows:
the reading is never silently wrong, and a European or Vietnamese name (Café, Chiến dịch Tết: 'Chi岷縩 d峄媍h T岷縯'
in GBK) is not called Chinese.

A problem of the UTF-8 reading is a reason to read GB18030 only where it may be GBK text that UTF-8 garbled: a cell
no column reads (100Ԫ), a header no shape knows. A cell refused for the text UTF-8 read whole, in a column that takes
any text (a campaign's name holding a line break, U+2028 being three well-formed bytes: broken_names.py), says
nothing of the encoding: the UTF-8 reading stands with its refusal, located, and GB18030 is not read. Taken instead,
GB18030 read every row 'fine' (the break's bytes and the letter after them as two Chinese characters) and garbled
every Chinese name of the file, the refusal gone. A problem of the file's ASCII (a quote left open, a CR inside a
line, a row of too few cells, an amount 'abc') needs no rule: GB18030 reads ASCII as UTF-8 does, and a lead byte is
never followed by a quote, a delimiter or a line break in either, so that reading has the same problem and UTF-8's
stands.
"""

from __future__ import annotations

import codecs
import functools
from collections.abc import Callable, Sequence
from dataclasses import replace
from fnmatch import fnmatchcase
from typing import TypeGuard

from aigc_roi.model.actuals import ReportRow, ReportSource
from aigc_roi.model.errors import ScenarioError, ScenarioInvalid
from aigc_roi.reader.exports.broken_names import refused_text
from aigc_roi.reader.legacy_code_pages import latin_text, outside_gb2312

Reading = tuple[ReportSource, list[ReportRow], list[ScenarioError]]


def also_gb18030(data: bytes) -> bool:
    """Whether a file read as UTF-8 (no byte-order mark says it is) reads otherwise, without a bad byte, as GB18030."""
    if data.startswith(codecs.BOM_UTF8) or data.isascii():
        return False
    try:
        data.decode("utf-8")
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def read_either(data: bytes, read: Callable[[bool], Reading], globs: Sequence[str]) -> Reading:
    """The file's reading (the module's rule): ``read(False)`` reads it as it is encoded (UTF-8 here), ``read(True)``
    as GB18030; ScenarioInvalid as the UTF-8 reading raises it where that reading stands."""
    first = _attempt(read, False)
    if not also_gb18030(data) or (_reads(first) and _unmatched(first[1], globs) is None) or _refused_text(first):
        return _result(first)
    other = _attempt(read, True)
    if _reads(other) and _columns(other) >= _columns(first) and (
            not _reads(first) or _matched(other, globs) > _matched(first, globs)):
        return _result(other)
    if isinstance(first, tuple) and isinstance(other, tuple):
        source, rows, errors = first
        reads = {row.line: row.campaign for row in other[1]}
        missed = (row for row in rows if not _matches(row, globs) and _misread(row.campaign, reads.get(row.line, row.campaign)))
        row = next(missed, None)
        if row is not None:
            return replace(source, also_gbk=(row.campaign, reads[row.line])), rows, errors
    return _result(first)


def _misread(utf8: str, gbk: str) -> bool:
    """Whether a campaign unmatched as UTF-8 reads it may be GBK: GBK reads it otherwise, as Chinese text (in GB2312's
    characters), and UTF-8 as no Latin text (Chiến dịch Tết, Café stand as written; '··ͨ' is 路路通)."""
    return gbk != utf8 and outside_gb2312(gbk) is None and not latin_text(utf8)


def _attempt(read: Callable[[bool], Reading], gb18030: bool) -> Reading | ScenarioInvalid:
    try:
        return read(gb18030)
    except ScenarioInvalid as invalid:
        return invalid


def _result(reading: Reading | ScenarioInvalid) -> Reading:
    if isinstance(reading, ScenarioInvalid):
        raise reading
    return reading


def _refused_text(reading: Reading | ScenarioInvalid) -> bool:
    """Whether a reading refused a cell for the text it read whole, which no other encoding is read for."""
    errors = reading.errors if isinstance(reading, ScenarioInvalid) else reading[2]
    return any(refused_text(error) for error in errors)


def _reads(reading: Reading | ScenarioInvalid) -> TypeGuard[Reading]:
    """Whether a reading read every row."""
    return isinstance(reading, tuple) and not reading[2]


def _columns(reading: Reading | ScenarioInvalid) -> set[str]:
    """The fields a reading found columns for: none where its header was refused."""
    return set(reading[0].columns) if isinstance(reading, tuple) else set()


def _matches(row: ReportRow, globs: Sequence[str]) -> bool:
    """Whether a glob matches the row's campaign name or id, case-insensitively, as whatif/actuals.py matches them."""
    return _named(row.campaign, row.campaign_id, tuple(globs))


@functools.lru_cache(maxsize=4096)
def _named(campaign: str, campaign_id: str, globs: tuple[str, ...]) -> bool:
    """``_matches`` for one campaign: asked once, not on each of its thousands of daily rows (a year of 50 campaigns
    took 900,000 matches, a third of an `actuals` of 18,000 rows)."""
    texts = [text.lower() for text in (campaign, campaign_id) if text]
    return any(fnmatchcase(text, glob.lower()) for glob in globs for text in texts)


def _unmatched(rows: list[ReportRow], globs: Sequence[str]) -> ReportRow | None:
    return next((row for row in rows if not _matches(row, globs)), None)


def _matched(reading: Reading | ScenarioInvalid, globs: Sequence[str]) -> int:
    return sum(_matches(row, globs) for row in reading[1]) if isinstance(reading, tuple) else 0
