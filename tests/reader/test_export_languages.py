"""Google Ads and Meta Ads Manager exports in their UI's other languages (reader/exports/locales.py): a German Google
Ads report, ``Tag;Kampagne;Kosten;Impr.;Klicks;Conversions``, was refused as no known export, with every header of
every shape on one line. The headers below are as docs/actuals.md's sources spell them; every total is by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_files import HORIZON, export_errors, write_export

from aigc_roi.model.actuals import Report
from aigc_roi.present.messages_zh import translate
from aigc_roi.reader.exports import read_report

CONVERTS = "actuals converts no currency: convert the export to CNY, or the plan to EUR"


def _read(tmp_path: Path, text: str, currency: str, decimal_comma: bool = True) -> Report:
    return read_report([write_export(tmp_path, "export.csv", text)], HORIZON, currency=currency,
                       decimal_comma=decimal_comma)


def _totals(report: Report) -> tuple[float, float, float, float]:
    rows = report.rows
    return (round(sum(row.spend for row in rows), 2), sum(row.impressions or 0 for row in rows),
            sum(row.clicks or 0 for row in rows), sum(row.users or 0 for row in rows))


def test_a_german_google_ads_export_of_decimal_commas_is_read(tmp_path: Path) -> None:
    report = _read(tmp_path, "Tag;Kampagne;Kosten;Impr.;Klicks;Conversions\n"
                             "2025-03-03;g_marke;1.234,56;12.345;120;3,5\n"
                             "2025-03-03;g_generisch;99,90;900;9;0,5\n"
                             "2025-03-04;g_marke;0,54;1.000;1;0\n", "EUR")
    (source,) = report.sources
    assert (source.platform, source.columns["spend"], source.columns["date"]) == ("google_ads", "Kosten", "Tag")
    # 1,234.56 + 99.90 + 0.54; 12,345 + 900 + 1,000; 120 + 9 + 1; 3.5 + 0.5 + 0.
    assert _totals(report) == (1335.0, 14245, 130, 4.0)
    assert [row.campaign for row in report.rows] == ["g_marke", "g_generisch", "g_marke"]


def test_a_german_google_ads_currency_column_is_held_to_the_plans(tmp_path: Path) -> None:
    text = "Tag;Kampagne;Währungscode;Kosten\n2025-03-03;g_marke;EUR;12,50\n"
    assert _totals(_read(tmp_path, text, "EUR"))[0] == 12.5
    assert export_errors([write_export(tmp_path, "export.csv", text)], HORIZON, currency="CNY",
                         decimal_comma=True) == [
        f"{tmp_path / 'export.csv'}:2:3: Währungscode: expected CNY (the plan's currency), found 'EUR'; {CONVERTS}"]


@pytest.mark.parametrize(("text", "currency", "totals"), [
    # French: Jour, Campagne, Code de la devise, Coût; 12.34 + 1,020.50.
    ("Jour;Campagne;Code de la devise;Coût;Impr.;Clics;Conversions\n2025-03-01;toits;EUR;12,34;1 234;7;1,00\n"
     "2025-03-02;toits;EUR;1 020,50;10 500;88;2,50\n", "EUR", (1032.84, 11734, 95, 3.5)),
    # Spanish: Día, Campaña, Coste, in a comma CSV of quoted amounts; 48.20 + 51.05.
    ('Día,Campaña,Impr.,Clics,Coste,Conversiones\n2025-03-01,emergencias,1.240,86,"48,20",2\n'
     '2025-03-02,emergencias,1.310,92,"51,05",1\n', "EUR", (99.25, 2550, 178, 3)),
    # Brazilian Portuguese: Dia, Campanha, Código da moeda, Custo, Cliques, Conversões; 123.45 + 1,234.56.
    ('Dia,Campanha,Código da moeda,Impr.,Cliques,Custo,Conversões\n2025-03-01,idc,BRL,"1.234",56,"123,45","3,00"\n'
     '2025-03-03,idc,BRL,"2.001",77,"1.234,56","5,50"\n', "BRL", (1358.01, 3235, 133, 8.5)),
])
def test_google_ads_exports_in_other_languages_are_read(tmp_path: Path, text: str, currency: str,
                                                         totals: tuple[float, float, float, float]) -> None:
    report = _read(tmp_path, text, currency)
    assert report.sources[0].platform == "google_ads"
    assert _totals(report) == totals


def test_a_brazilian_meta_export_is_read_below_its_totals_row(tmp_path: Path) -> None:
    # Meta's first row sums the others, every name empty; two ads of one campaign-day are told apart by their ids.
    report = _read(tmp_path,
                   "Nome da campanha,Nome do anúncio,Dia,Identificação da campanha,Identificação do anúncio,Impressões,"
                   "Moeda,Valor usado (BRL),Cliques no link,Início dos relatórios,Término dos relatórios\n"
                   ",,,,,1500,BRL,30.5,12,2025-03-01,2025-03-02\n"
                   "m_pcpi,criativo 1,2025-03-01,1202,9001,1000,BRL,20.25,8,2025-03-01,2025-03-01\n"
                   "m_pcpi,criativo 2,2025-03-01,1202,9002,400,BRL,10,3,2025-03-01,2025-03-01\n"
                   "m_pcpi,criativo 1,2025-03-02,1202,9001,100,BRL,0.25,1,2025-03-02,2025-03-02\n",
                   "BRL", decimal_comma=False)
    (source,) = report.sources
    assert (source.platform, source.currency, source.columns["date"]) == ("meta_ads", "BRL", "Dia")
    # 20.25 + 10 + 0.25; 1,000 + 400 + 100; 8 + 3 + 1; the totals row's 30.50 not added.
    assert _totals(report) == (30.5, 1500, 12, 0)
    assert (source.grain, [(row.day.day, row.spend) for row in report.rows]) == (
        ("Identificação do anúncio",), [(1, 30.25), (2, 0.25)])


def test_a_spanish_meta_export_tells_one_campaign_days_ads_apart_by_their_names(tmp_path: Path) -> None:
    # No id column of Meta's Spanish UI is known: the ad's name tells the rows of one campaign-day apart.
    report = _read(tmp_path, "Nombre de la campaña;Nombre del anuncio;Día;Importe gastado (EUR);Impresiones;"
                             "Clics en el enlace;Divisa;Inicio del informe;Fin del informe\n"
                             "m_es;anuncio 1;2025-03-01;10,50;1.000;5;EUR;2025-03-01;2025-03-01\n"
                             "m_es;anuncio 2;2025-03-01;4,25;250;1;EUR;2025-03-01;2025-03-01\n", "EUR")
    (source,) = report.sources
    assert (source.platform, source.grain, _totals(report)) == ("meta_ads", ("Nombre del anuncio",), (14.75, 1250, 6, 0))
    assert len(report.rows) == 1


@pytest.mark.parametrize(("header", "column"), [
    ("Tag;Kampagnenname;Ausgegebener Betrag (EUR);Impressionen", 3),
    ("Jour;Nom de la campagne;Montant dépensé (EUR);Impressions", 3),
])
def test_a_localized_meta_amount_states_its_currency_in_its_bracket(tmp_path: Path, header: str, column: int) -> None:
    text = f"{header}\n2025-03-01;m_eu;1.234,50;1.000\n"
    (source,) = _read(tmp_path, text, "EUR").sources
    assert (source.currency, source.units["spend"]) == ("EUR", "EUR")
    spend = header.split(";")[2]
    assert export_errors([write_export(tmp_path, "export.csv", text)], HORIZON, currency="CNY",
                         decimal_comma=True) == [
        f"{tmp_path / 'export.csv'}:1:{column}: {spend}: expected money in CNY (the plan's currency), found EUR; "
        f"{CONVERTS}"]


def test_a_localized_meta_report_not_broken_down_by_day_is_refused(tmp_path: Path) -> None:
    path = write_export(tmp_path, "meta.csv", "Inicio del informe;Fin del informe;Nombre de la campaña;Importe gastado\n"
                                              "2025-03-01;2025-03-31;m_es;310,00\n")
    assert export_errors([path], HORIZON, currency="EUR", decimal_comma=True) == [
        f"{path}:2:2: Fin del informe: expected 2025-03-01, the row's own day, found 2025-03-31; a row over 31 days sums "
        "them: export the report broken down by day"]


GOOGLE_CAMPAIGN = "(Campaign|Ad group|Kampagne|Campagne|Campaña|Campanha|Campaign ID|Ad group ID|Kampagnen-ID|ID da campanha)"


@pytest.mark.parametrize(("header", "needs", "zh"), [
    # A misspelt column is named beside the headers it misses.
    ("Tag;Kampange;Kosten;Impr.", f"campaign column {GOOGLE_CAMPAIGN} ('Kampange' is none of them)",
     f"计划列 {GOOGLE_CAMPAIGN}（'Kampange' 不在其中）"),
    ("Kampagne;Impr.;Klicks", "date column (Day|Tag|Jour|Día|Dia) and its spend column (Cost|Kosten|Coût|Coste|Costo|Custo)",
     "日期列 (Day|Tag|Jour|Día|Dia)，以及其花费列 (Cost|Kosten|Coût|Coste|Costo|Custo)"),
])
def test_a_header_near_a_shape_is_told_what_that_shape_lacks(tmp_path: Path, header: str, needs: str, zh: str) -> None:
    """Such a header was refused with every header of every shape listed on one line."""
    path = write_export(tmp_path, "export.csv", f"{header}\n2025-03-03;g_a;1;2\n")
    found = header.replace(";", ", ")
    (error,) = export_errors([path], HORIZON, currency="EUR", decimal_comma=True)
    assert error == (f"{path}:1:1: header: expected the columns of a known export, found {found}; a Google Ads export "
                     f"needs its {needs}")
    assert translate(error.split(": ", 2)[2]) == f"应为已知报表的列，实际为 {found.replace(', ', '、')}；Google Ads报表需要其{zh}"
