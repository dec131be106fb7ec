"""The headers Google Ads and Meta Ads Manager write in their UI's other languages, beside the English (and, for
Meta, Simplified Chinese) ones platforms.py spells: German, French, Spanish and Brazilian Portuguese, whose numbers
write a decimal comma, and (Meta's) Japanese and Korean, whose numbers write a decimal point as English does.

A console exports its report's header in the language its user set, so a German Google Ads report is ``Tag,
Kampagne, Kosten, Impr., Klicks``. Each header here is as a public export or a public parser of such exports spells
it, named per language in docs/actuals.md ("Headers in other languages"); a language or column no public source
spells is not guessed (TikTok's, Google's Japanese and Korean, and the Indonesian and Vietnamese consoles', are
absent for that reason). Meta's ``Results`` in other languages is absent too: read as new users only beside its
indicator (indicated.py), whose localized values no source here spells.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Localized:
    dates: tuple[str, ...]
    """The day column of a report broken down by day."""
    campaigns: tuple[tuple[str, str | None], ...]
    """(name, id) of the campaign level, as platforms.py's ``_names`` pairs; None where no source spells the id."""
    spend: tuple[str, ...]
    impressions: tuple[str, ...] = ()
    clicks: tuple[str, ...] = ()
    users: tuple[str, ...] = ()
    currency: tuple[str, ...] = ()
    """A column of each row's currency (currency_column.py)."""
    below: tuple[tuple[str, str | None], ...] = ()
    """(name, id) of the levels below a campaign (an ad set's, an ad's), each language's in that order."""
    day_ends: tuple[tuple[str, str, str], ...] = ()
    """As ``Platform.day_ends``: (first day, last day, day) of a row's span, in one language."""

    def names(self) -> tuple[str, ...]:
        """Every header here, each of its languages' (``GOOGLE_ADS`` and ``META_ADS`` hold those of a decimal comma,
        ``META_ADS_DECIMAL_POINT`` those of a decimal point)."""
        pairs = self.campaigns + self.below
        return (self.dates + self.spend + self.impressions + self.clicks + self.users + self.currency
                + tuple(name for pair in pairs for name in pair if name is not None)
                + tuple(name for ends in self.day_ends for name in ends))

    def finer(self) -> tuple[str, ...]:
        """The headers marking the levels below the campaign (``Platform.finer``): each one's id, else its name."""
        return tuple(identifier or name for name, identifier in self.below)


GOOGLE_ADS = Localized(
    dates=("Tag", "Jour", "Día", "Dia"),
    campaigns=(("Kampagne", "Kampagnen-ID"), ("Campagne", None), ("Campaña", None), ("Campanha", "ID da campanha")),
    spend=("Kosten", "Coût", "Coste", "Costo", "Custo"),
    clicks=("Klicks", "Clics", "Cliques"),
    users=("Conversiones", "Conversões"),
    currency=("Währungscode", "Code de la devise", "Código da moeda"),
)
"""``Impr.`` and ``Conversions`` are the German and French UI's words as they are the English one's."""

META_ADS = Localized(
    dates=("Dia", "Día", "Jour", "Tag"),
    campaigns=(("Nome da campanha", "Identificação da campanha"), ("Nombre de la campaña", None),
               ("Nom de la campagne", None), ("Kampagnenname", None)),
    below=(("Nome do conjunto de anúncios", "Identificação do conjunto de anúncios"),
           ("Nome do anúncio", "Identificação do anúncio"), ("Nombre del conjunto de anuncios", None),
           ("Nombre del anuncio", None), ("Nom de l'ensemble de publicités", None),
           ("Nom de la publicité", "ID de la publicité"), ("Anzeigenname", None)),
    spend=("Valor usado", "Importe gastado", "Montant dépensé", "Ausgegebener Betrag"),
    impressions=("Impressões", "Impresiones", "Impressionen"),
    clicks=("Cliques no link", "Clics en el enlace", "Clics sur le lien"),
    currency=("Moeda", "Divisa"),
    day_ends=(("Início dos relatórios", "Término dos relatórios", "Dia"), ("Inicio del informe", "Fin del informe", "Día"),
              ("Début des rapports", "Fin des rapports", "Jour"),
              ("Berichtszeitraum beginnt", "Berichtszeitraum endet", "Tag")),
)

META_ADS_DECIMAL_POINT = Localized(
    dates=("日", "일"),
    campaigns=(("キャンペーン名", None), ("캠페인 이름", None)),
    below=(("広告セット名", None), ("広告名", None), ("광고 세트 이름", None), ("광고 이름", None)),
    spend=("消化金額", "지출 금액"),
    impressions=("インプレッション", "노출"),
    clicks=("リンクのクリック", "링크 클릭"),
    day_ends=(("レポート開始日", "レポート終了日", "日"), ("보고 시작", "보고 종료", "일")),
)
"""Meta's Japanese and Korean headers, kept apart from ``META_ADS``: their numbers write a decimal point, so ``1,250`` under
them is twelve hundred and fifty, as under an English header, and no decimal comma is asked for (platforms.py
``decimal_comma_language``)."""
