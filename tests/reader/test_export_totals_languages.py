"""A localized Google Ads export's totals row is skipped as the English ``Total: Account`` is: German ``Gesamt:
Konto`` (its console's export, as meydayapp/fieldquo's check-google-ads.mjs writes it) was refused at its date cell,
``Tag: expected a date YYYY-MM-DD, found 'Gesamt: Konto'``, since the totals words were English and Chinese only.
Each language's words are those docs/actuals.md ("Totals rows") cites; every sum below is by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import write_export

from aigc_roi.reader.exports import Horizon, read_report

HORIZON = Horizon.of((2026, 9), 12)

GERMAN = ('Kampagnenbericht\n"1. September 2026 - 2. September 2026"\n'
          "Tag,Kampagne,Währungscode,Kosten,Impr.,Klicks,Conversions\n"
          '2026-09-01,Dach Frühling,USD,"1.234,56","12.345",120,"3,00"\n'
          '2026-09-02,Dach Frühling,USD,"99,90",900,9,"0,50"\n'
          '{label},--,USD,"1.334,46","13.245",129,"3,50"\n')
"""1,234.56 + 99.90 = 1,334.46 spent, the totals row's own 1,334.46 not counted again."""


@pytest.mark.parametrize("label", ["Gesamt: Konto", "Gesamt", "Summe", "Insgesamt"])
def test_a_german_totals_row_is_skipped_and_listed(tmp_path: Path, label: str) -> None:
    path = write_export(tmp_path, "de.csv", GERMAN.format(label=label))
    report = read_report([path], HORIZON, currency="USD", decimal_comma=True)
    assert [(row.campaign, row.spend) for row in report.rows] == [("Dach Frühling", 1234.56), ("Dach Frühling", 99.9)]
    assert [(item.label, item.rows, item.spend, item.line) for item in report.sources[0].skipped_totals] == [
        (label, 1, 1334.46, 6)]


@pytest.mark.parametrize(("header", "label"), [
    ("Jour;Campagne;Coût;Impr.;Clics;Conversions", "Total : compte"),
    ("Día;Campaña;Coste;Impr.;Clics;Conversiones", "Total: Cuenta"),
    ("Día;Campaña;Coste;Impr.;Clics;Conversiones", "Totales"),
    ("Dia;Campanha;Custo;Impr.;Cliques;Conversões", "Total"),
], ids=["french", "spanish", "spanish-totales", "portuguese"])
def test_each_languages_totals_row_is_skipped(tmp_path: Path, header: str, label: str) -> None:
    """12.34 + 1,020.50 = 1,032.84 in two rows of one campaign; the totals row states the same sum."""
    path = write_export(tmp_path, "export.csv", f"{header}\n2026-09-01;Toit;12,34;1.234;7;1,00\n"
                                                f"2026-09-02;Toit;1.020,50;10.500;88;2,50\n"
                                                f"{label};--;1.032,84;11.734;95;3,50\n")
    report = read_report([path], HORIZON, currency="EUR", decimal_comma=True)
    assert [row.spend for row in report.rows] == [12.34, 1020.5]
    assert [(item.label, item.rows, item.spend, item.line) for item in report.sources[0].skipped_totals] == [
        (label, 1, 1032.84, 4)]


@pytest.mark.parametrize("name", ["Gesamtkosten Sommer", "Summer Sale", "Totalement neuf"])
def test_a_campaign_whose_name_starts_with_a_totals_word_is_a_campaign(tmp_path: Path, name: str) -> None:
    path = write_export(tmp_path, "de.csv", f"Tag;Kampagne;Kosten\n2026-09-01;{name};1,50\n")
    report = read_report([path], HORIZON, currency="EUR", decimal_comma=True)
    assert [(row.campaign, row.spend) for row in report.rows] == [(name, 1.5)]
