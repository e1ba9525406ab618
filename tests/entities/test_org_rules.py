"""Organisation names found by rules alone: class nouns before a name, sports clubs."""

from __future__ import annotations

import pytest

from chronik.evaluation.ner import predict
from chronik.resources import Resources
from chronik.settings import Settings


@pytest.fixture(scope="module")
def rules_only() -> Resources:
    return Resources(Settings(name_tagger=False))


def _organisations(resources: Resources, sentence: str) -> set[str]:
    tokens = tuple(sentence.split())
    spans = predict(resources, tokens)
    return {" ".join(tokens[start:end]) for start, end, kind in spans if kind == "ORG"}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Der Spielzeughersteller Kalvitex meldete am Montag Verluste .", "Kalvitex"),
        ("Die Gewerkschaft Verdacom ruft zum Streik auf .", "Verdacom"),
        ("Die Aktie des Technologie-Konzerns Kalmora stieg deutlich .", "Kalmora"),
        ("Die Rockband Morvania Lights spielt heute in Köln .", "Morvania Lights"),
        ("Er las einen Artikel der Zeitung „ Nordstädter Bote “ .", "Nordstädter Bote"),
    ],
)
def test_class_noun_introduces_an_organisation_name(
    rules_only: Resources, sentence: str, name: str
) -> None:
    found = _organisations(rules_only, sentence)
    assert name in found
    assert not any(text.startswith(("Spielzeughersteller", "Gewerkschaft")) for text in found)


def test_bare_name_head_belongs_to_the_name(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Das Buch erschien im Mitteldeutschen Verlag Halle .")
    assert "Mitteldeutschen Verlag Halle" in found


def test_class_noun_before_a_common_noun_names_nothing(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Im Vorjahr hatte der Konzern Verluste geschrieben .")
    assert not found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Das Landgericht Bremen wies die Klage ab .", "Landgericht Bremen"),
        ("Vor dem Amtsgericht Kiel begann der Prozess .", "Amtsgericht Kiel"),
        ("Das Verwaltungsgericht Hannover gab ihr recht .", "Verwaltungsgericht Hannover"),
        ("Sie klagte vor dem Oberlandesgericht Celle .", "Oberlandesgericht Celle"),
    ],
)
def test_a_court_named_by_its_seat(rules_only: Resources, sentence: str, name: str) -> None:
    # The seat is a known place; with a court noun before it, the two are the court's name.
    found = _organisations(rules_only, sentence)
    assert name in found
    assert name.split()[1] not in found


def test_proper_noun_before_a_head_in_the_genitive(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Die Mitarbeiter des Kestrel Verlags streikten .")
    assert "Kestrel Verlags" in found


def test_class_noun_before_a_country_genitive_is_no_name(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Die größte Partei Frankreichs verlor Stimmen .")
    assert "Frankreichs" not in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Er wechselte zum 1. FC Nordstadt in die zweite Liga .", "1. FC Nordstadt"),
        ("Der TSV Oberweiler gewann das Derby .", "TSV Oberweiler"),
        ("Das Spiel gegen Eintracht Nordstadt 05 endete torlos .", "Eintracht Nordstadt 05"),
        ("Der MSV Altenbach verlor zu Hause .", "MSV Altenbach"),
    ],
)
def test_sports_club_abbreviations_and_years_make_a_club(
    rules_only: Resources, sentence: str, name: str
) -> None:
    assert name in _organisations(rules_only, sentence)


def test_club_abbreviation_in_brackets_alone_is_no_club(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Die Schlachtgeschwader ( SG ) flogen Einsätze .")
    assert not any(text.startswith("SG ") for text in found)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Im Landtag stimmten die Grünen gegen den Antrag .", "Grünen"),
        ("Ein Sprecher der Linken widersprach am Abend .", "Linken"),
        ("Nach dem Streit einigte sich die Linkspartei auf einen Kandidaten .", "Linkspartei"),
    ],
)
def test_party_word_after_an_article_is_the_party(
    rules_only: Resources, sentence: str, name: str
) -> None:
    assert name in _organisations(rules_only, sentence)


def test_party_members_are_no_party(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Die Sozialdemokraten im Saal applaudierten lange .")
    assert "Sozialdemokraten" not in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Der Vorstand von Porsche legte am Mittwoch Zahlen vor .", "Porsche"),
        ("Die Commerzbank streicht weitere Stellen .", "Commerzbank"),
        ("Am Samstag gewann Borussia Dortmund in Bochum .", "Borussia Dortmund"),
    ],
)
def test_well_known_companies_and_clubs_come_from_the_knowledge_base(
    rules_only: Resources, sentence: str, name: str
) -> None:
    assert name in _organisations(rules_only, sentence)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Das meldete die Celler Zeitung am Freitag .", "Celler Zeitung"),
        ("Er leitete den Sächsischen Imkerverband lange .", "Sächsischen Imkerverband"),
    ],
)
def test_capitalised_adjective_before_a_media_or_association_head(
    rules_only: Resources, sentence: str, name: str
) -> None:
    assert name in _organisations(rules_only, sentence)


def test_capitalised_adjective_before_the_police_is_no_name(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Am Abend sperrte die Celler Polizei die Straße .")
    assert "Celler Polizei" not in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Sie forscht an der TU Kleinstadt über Batterien .", "TU Kleinstadt"),
        ("Er studierte an der Universität Tübingen Physik .", "Universität Tübingen"),
    ],
)
def test_universities(rules_only: Resources, sentence: str, name: str) -> None:
    assert name in _organisations(rules_only, sentence)


def test_lowercase_agency_name_in_a_dateline(rules_only: Resources) -> None:
    assert "dpa" in _organisations(rules_only, "Berlin ( dpa ) Die Regierung tagt heute .")


def test_union_alone_is_no_party(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Die Zollbehörden der Union arbeiten eng zusammen .")
    assert "Union" not in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Die Maschine der Kestrel Airways landete in Hamburg .", "Kestrel Airways"),
        ("Die Aktien der Morvania Holdings fielen am Freitag .", "Morvania Holdings"),
        ("Das Spiel gegen den AS Rom endete torlos .", "AS Rom"),
    ],
)
def test_proper_nouns_before_a_company_head(
    rules_only: Resources, sentence: str, name: str
) -> None:
    assert name in _organisations(rules_only, sentence)


def test_possessive_before_a_government_head_is_no_name(rules_only: Resources) -> None:
    found = _organisations(rules_only, "Später verlor Morvanias Regierung die Mehrheit .")
    assert not any("Regierung" in text for text in found)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Das Bundesamt für Strahlenschutz warnte am Montag .", "Bundesamt für Strahlenschutz"),
        (
            "Sie arbeitet am Institut für Angewandte Ökologie in Kassel .",
            "Institut für Angewandte Ökologie",
        ),
    ],
)
def test_organisation_head_with_a_purpose_phrase(
    rules_only: Resources, sentence: str, name: str
) -> None:
    assert name in _organisations(rules_only, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Stadt plant ein Zentrum für Flüchtlinge am Hafen .",
        "Er sprach im Namen des Ausschusses für Umweltfragen .",
        "Die Hilfe der Gemeinschaft für Griechenland wächst .",
    ],
)
def test_purpose_phrase_descriptions_are_no_names(rules_only: Resources, sentence: str) -> None:
    assert not any(" für " in text for text in _organisations(rules_only, sentence))


def _organisation_sectors(resources: Resources, sentence: str) -> dict[str, str | None]:
    tokens = tuple(sentence.split())
    result = resources.entities.run(resources.german.process_tokens(list(tokens)), None)
    return {
        " ".join(tokens[m.start : m.end]): m.reading.sector
        for m in result.mentions
        if m.kind == "name" and m.reading is not None and m.reading.type == "ORG"
    }


@pytest.mark.parametrize(
    ("sentence", "name", "sector"),
    [
        ("Die Gewerkschaft Verdacom ruft zum Streik auf .", "Verdacom", "LAB"),
        (
            "Die Menschenrechtsorganisation Kalmora Watch kritisierte das Urteil .",
            "Kalmora Watch",
            "NGO",
        ),
        ("Die Nachrichtenagentur Nordpress meldete den Rücktritt .", "Nordpress", "MED"),
        ("Die Werbeagentur Kalvitex gewann den Etat .", "Kalvitex", "BUS"),
        ("Die Organisation Morvania kritisierte das Urteil .", "Morvania", "IGO"),
    ],
)
def test_class_noun_gives_the_sector_of_its_row(
    rules_only: Resources, sentence: str, name: str, sector: str
) -> None:
    assert _organisation_sectors(rules_only, sentence).get(name, "missing") == sector


def test_class_noun_without_a_sector_leaves_it_to_the_name(rules_only: Resources) -> None:
    sectors = _organisation_sectors(rules_only, "Die Gruppe Morvania Lights trat in Köln auf .")
    assert sectors.get("Morvania Lights", "missing") is None


@pytest.mark.parametrize(
    ("sentence", "kb_id", "country", "sector"),
    [
        ("Die Terrorgruppe Boko Haram überfiel ein Dorf .", "boko_haram", "NGA", "REB"),
        ("Das Bundesamt für Verfassungsschutz warnte davor .", "bfv", "DEU", "SPY"),
        ("Die Deutsche Bank AG meldete Gewinne .", "deutsche_bank", "DEU", "BUS"),
    ],
    ids=["class-noun", "für-phrase", "legal-form"],
)
def test_known_organisation_found_by_a_rule_keeps_what_the_knowledge_base_knows(
    rules_only: Resources, sentence: str, kb_id: str, country: str, sector: str
) -> None:
    result = rules_only.entities.run(rules_only.german.process_tokens(sentence.split()), None)
    [reading] = [m.reading for m in result.mentions if m.kind == "name" and m.reading]
    assert (reading.kb_id, reading.country, reading.sector) == (
        f"chronik:org/{kb_id}",
        country,
        sector,
    )
