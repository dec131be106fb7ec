"""A character YAML does not allow (U+0000, U+0001, ...) is located at its line and column in characters, as every
other location is, after Chinese text or an emoji too: libyaml counts that offset in UTF-8 bytes, PyYAML's own
reader in characters, and both loaders name the same place."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from cli_runner import invoke

from aigc_roi.model.errors import ScenarioInvalid
from aigc_roi.reader import yamltree
from aigc_roi.reader.load import load_text

LOADERS = [pytest.param(yaml.SafeLoader, id="python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(("text", "line", "column", "code"), [
    ("version: 1\nname: 信息流\nx\0y\n", 3, 2, "0000"),  # 信息流: 3 characters, 9 bytes
    ("version: 1\nname: 信息流\nab\x01\n", 3, 3, "0001"),
    ("name: 信息流\x00\n", 1, 10, "0000"),  # the text before it on its own line is wide
    ("name: 😀😀\nx\x00\n", 2, 2, "0000"),  # 4 bytes, one character each
    ("name: ascii\nx\x00\n", 2, 2, "0000"),
    ("# NEL\x85 in a comment\nname: 信息流\nx\0y\n", 3, 2, "0000"),  # not a line break; parsed as a longer stand-in
])
def test_a_control_character_is_located_in_characters(monkeypatch: pytest.MonkeyPatch, loader: type,
                                                       text: str, line: int, column: int, code: str) -> None:
    monkeypatch.setattr(yamltree, "_Loader", loader)
    with pytest.raises(ScenarioInvalid) as caught:
        load_text(text, "t.yaml")
    assert [str(error) for error in caught.value.errors] == [
        f"t.yaml:{line}:{column}: invalid YAML: character U+{code} is not allowed"]


def test_a_bundled_chinese_scenario_locates_it(tmp_path: Path) -> None:
    starter = Path(__file__).resolve().parents[2] / "scenarios" / "zh" / "starter.yaml"
    lines = starter.read_text(encoding="utf-8").splitlines()
    assert not all(line.isascii() for line in lines[:39])  # Chinese comments and names before line 40
    path = tmp_path / "nul.yaml"
    path.write_text("\n".join([*lines[:39], "x\0y", *lines[39:]]) + "\n", encoding="utf-8")
    result = invoke(["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:40:2: invalid YAML: character U+0000 is not allowed" in result.stdout + result.stderr
