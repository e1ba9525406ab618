"""Entity recognition, coreference and actor codes on sentences written for these tests."""

from __future__ import annotations

import pytest

import chronik
from chronik.model import Article, Entity
from chronik.resources import Resources


def _analyse(resources: Resources, text: str, published: str | None = "2023-05-02") -> Article:
    return chronik.analyze(text, published=published, resources=resources)


def _entity(article: Article, name: str) -> Entity:
    for entity in article.entities:
        if entity.name == name:
            return entity
    raise AssertionError(f"{name} not among {[e.name for e in article.entities]}")


def _mention_texts(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions]


def test_recognise_a_surname_in_the_headline_before_the_full_name(resources: Resources) -> None:
    # The headline names the visitor by surname before the lead gives the full name.
    text = (
        "Brandt empfängt Lindqvist\n\nBürgermeisterin Petra Brandt traf am Dienstag in Kiel "
        "den schwedischen Minister Erik Lindqvist. Die beiden sprachen über die Ostsee."
    )
    person = _entity(_analyse(resources, text), "Erik Lindqvist")
    assert _mention_texts(person)[0] == "Lindqvist"
    assert person.mentions[0].start == text.index("Lindqvist")


def test_recognise_a_later_full_name_does_not_take_a_known_surname(resources: Resources) -> None:
    # "Macron" is the president the knowledge base knows, though the text later names
    # another Macron in full.
    text = (
        "Macron lädt zum Empfang\n\nPräsident Macron empfing am Montag zahlreiche Gäste "
        "aus Kultur und Sport. An seiner Seite begrüßte Brigitte Macron die Besucher."
    )
    article = _analyse(resources, text, published="2023-05-02")
    president = next(e for e in article.entities if e.kb_id and e.type == "PER")
    assert president.country == "FRA"
    assert _mention_texts(president)[:2] == ["Macron", "Präsident"]
    assert "Brigitte Macron" in _mention_texts(_entity(article, "Brigitte Macron"))


def test_recognise_role_before_name_links_cataphorically(resources: Resources) -> None:
    text = (
        "Estland plant neue Grenzanlagen\n\nDie estnische Regierungschefin hat neue "
        "Anlagen an der Grenze angekündigt.\n\nDas sagte Regierungschefin Liisa Tamm am "
        "Dienstag in Tallinn. Sie betonte die Dringlichkeit.\n\nTamm reist morgen weiter."
    )
    tamm = _entity(_analyse(resources, text), "Liisa Tamm")
    assert tamm.type == "PER"
    assert tamm.country == "EST"
    assert "Regierungschef" in tamm.roles
    texts = _mention_texts(tamm)
    assert "Die estnische Regierungschefin" in texts
    assert "Tamm" in texts and "Sie" in texts


def test_recognise_pronoun_prefers_subject_over_preposition_object(resources: Resources) -> None:
    text = (
        "Treffen in Prag\n\nDer tschechische Innenminister Jan Novak traf am Montag in Prag "
        "mit Peter Horvat zusammen. Er kündigte danach strengere Kontrollen an."
    )
    article = _analyse(resources, text)
    novak = _entity(article, "Jan Novak")
    horvat = _entity(article, "Peter Horvat")
    assert "Er" in _mention_texts(novak)
    assert "Er" not in _mention_texts(horvat)


def test_recognise_same_role_different_countries(resources: Resources) -> None:
    text = (
        "Außenminister beraten\n\nDer polnische Außenminister Adam Nowak und der litauische "
        "Außenminister Tomas Kairys trafen sich in Vilnius. Der litauische Außenminister "
        "sprach von einem guten Gespräch."
    )
    article = _analyse(resources, text)
    kairys = _entity(article, "Tomas Kairys")
    nowak = _entity(article, "Adam Nowak")
    assert kairys.country == "LTU" and nowak.country == "POL"
    assert "Der litauische Außenminister" in _mention_texts(kairys)
    assert "Der litauische Außenminister" not in _mention_texts(nowak)


@pytest.mark.parametrize(
    ("published", "surname"), [("2021-10-19", "Schoigu"), ("2024-06-01", "Beloussow")]
)
def test_recognise_role_alone_resolves_to_holder_at_the_date(
    resources: Resources, published: str, surname: str
) -> None:
    text = (
        "Sitzung in Moskau\n\nDer russische Verteidigungsminister hat am Dienstag eine "
        "Sitzung des Kollegiums geleitet.\n\nDabei ging es um die Ausbildung."
    )
    article = _analyse(resources, text, published)
    people = [e for e in article.entities if e.type == "PER"]
    assert len(people) == 1
    assert people[0].name.endswith(surname)
    assert people[0].country == "RUS" and people[0].sector == "MIL"
    assert _mention_texts(people[0]) == ["Der russische Verteidigungsminister"]


@pytest.mark.parametrize(
    "role",
    [
        "Der frühere russische Verteidigungsminister",
        "Der russische Ex-Verteidigungsminister",
        "Der stellvertretende russische Verteidigungsminister",
        "Der russische Vize-Verteidigungsminister",
    ],
)
def test_recognise_a_former_or_deputy_holder_is_not_the_holder(
    resources: Resources, role: str
) -> None:
    text = f"Kritik aus Moskau\n\n{role} hat am Dienstag den Plan kritisiert."
    people = [e for e in _analyse(resources, text, "2024-06-01").entities if e.type == "PER"]
    assert len(people) == 1
    assert people[0].kb_id is None and not people[0].name.endswith("Beloussow")
    assert people[0].country == "RUS"


def test_recognise_former_holder_links_to_the_former_holder_in_the_article(
    resources: Resources,
) -> None:
    text = (
        "Streit in Kiew\n\nDer frühere ukrainische Verteidigungsminister Taras Bilyk hat "
        "den ukrainischen Verteidigungsminister Mykola Hrytsenko kritisiert. Der frühere "
        "Verteidigungsminister sprach von Fehlern. Der Verteidigungsminister wies das zurück."
    )
    article = _analyse(resources, text, "2024-06-01")
    former = _mention_texts(_entity(article, "Taras Bilyk"))
    current = _mention_texts(_entity(article, "Mykola Hrytsenko"))
    assert "Der frühere Verteidigungsminister" in former
    assert "Der Verteidigungsminister" in current and "Der Verteidigungsminister" not in former


def test_recognise_federal_role_compounds(resources: Resources) -> None:
    text = (
        "Streit um Kaufprämien\n\nDer deutsche Bundesverkehrsminister Jens Adler lehnt "
        "Kaufprämien ab. Das sagte er am Montag."
    )
    adler = _entity(_analyse(resources, text), "Jens Adler")
    assert "Verkehrsminister" in adler.roles
    assert adler.country == "DEU" and adler.sector == "GOV"
    assert "Der deutsche Bundesverkehrsminister" in _mention_texts(adler)


def test_recognise_a_regional_office_is_placed_but_not_the_national_one(
    resources: Resources,
) -> None:
    text = (
        "Streit um Polizeigesetz\n\nDer bayerische Innenminister Karl Brunner hat den "
        "Entwurf verteidigt. Der Innenminister sprach von einem Kompromiss. Der sächsische "
        "Innenminister kündigte Widerstand an."
    )
    article = _analyse(resources, text, "2024-06-01")
    brunner = _entity(article, "Karl Brunner")
    assert (brunner.country, brunner.sector, brunner.kb_id) == ("DEU", "GOV", None)
    assert "Der Innenminister" in _mention_texts(brunner)
    saxon = [e for e in article.entities if "Der sächsische Innenminister" in _mention_texts(e)]
    assert len(saxon) == 1 and saxon[0] is not brunner
    # Neither is the federal interior minister of the knowledge base.
    assert saxon[0].kb_id is None and saxon[0].country == "DEU"


def test_recognise_a_counterpart_holds_the_same_office_in_another_country(
    resources: Resources,
) -> None:
    text = (
        "Gespräche in Teheran\n\nDer iranische Außenminister Ali Rezaei hat seinen "
        "russischen Amtskollegen Pawel Gromow empfangen. Gromow lobte die Gespräche."
    )
    gromow = _entity(_analyse(resources, text), "Pawel Gromow")
    assert (gromow.country, gromow.sector) == ("RUS", "GOV")
    assert "Außenminister" in gromow.roles
    assert "seinen russischen Amtskollegen" in _mention_texts(gromow)


def test_recognise_an_unnamed_counterpart_is_the_holder_at_the_date(
    resources: Resources,
) -> None:
    text = (
        "Gespräche in Teheran\n\nDer iranische Außenminister hat am Montag seinen "
        "russischen Amtskollegen empfangen."
    )
    article = _analyse(resources, text, "2024-06-01")
    russians = [e for e in article.entities if e.type == "PER" and e.country == "RUS"]
    assert [e.name for e in russians] == ["Sergei Lawrow"]
    assert _mention_texts(russians[0]) == ["seinen russischen Amtskollegen"]


def test_recognise_a_former_office_holder_keeps_the_country_but_not_the_office(
    resources: Resources,
) -> None:
    text = "Besuch in Moskau\n\nGerhard Schröder ist am Montag nach Moskau gereist."
    schroeder = _entity(_analyse(resources, text, "2024-06-01"), "Gerhard Schröder")
    assert schroeder.kb_id is not None
    assert schroeder.country == "DEU"
    assert schroeder.sector is None and "Bundeskanzler" not in schroeder.roles
    in_office = _entity(_analyse(resources, text, "2003-06-01"), "Gerhard Schröder")
    assert (in_office.country, in_office.sector) == ("DEU", "GOV")


def test_recognise_institutions_of_two_countries_stay_apart(resources: Resources) -> None:
    text = (
        "Gespräche in Moskau\n\nDie russische Regierung und die iranische Regierung "
        "haben verhandelt. Die Kiewer Regierung schwieg, der Moskauer Bürgermeister auch."
    )
    article = _analyse(resources, text)
    governments = {
        e.country: _mention_texts(e) for e in article.entities if e.kind == "institution"
    }
    assert governments == {
        "RUS": ["Die russische Regierung"],
        "IRN": ["die iranische Regierung"],
        "UKR": ["Die Kiewer Regierung"],
    }
    # A capital's adjective places a state body, not a city's office.
    assert not any("Bürgermeister" in e.roles for e in article.entities)


def test_recognise_places_countries_and_organisations(resources: Resources) -> None:
    text = (
        "Gespräche in Moskau\n\nDie NATO und Russland haben in Moskau über die Lage in "
        "Afghanistan gesprochen. Das russische Außenministerium äußerte sich zufrieden."
    )
    article = _analyse(resources, text)
    moskau = _entity(article, "Moskau")
    assert (moskau.type, moskau.country, moskau.kind) == ("GPE", "RUS", "city")
    assert _entity(article, "Russland").kb_id == "iso3166:RUS"
    assert _entity(article, "Afghanistan").country == "AFG"
    assert _entity(article, "NATO").type == "ORG"
    ministry = [e for e in article.entities if e.kind == "institution"]
    assert [(e.type, e.country, e.sector) for e in ministry] == [("ORG", "RUS", "GOV")]


def test_recognise_unknown_names_are_typed_by_cues(resources: Resources) -> None:
    text = (
        "Neue Firma\n\nDie Nordlicht Energie GmbH hat in Rovaniemi ein Werk eröffnet. "
        "Geschäftsführer Mikko Laine sprach von einem wichtigen Tag."
    )
    article = _analyse(resources, text)
    assert _entity(article, "Mikko Laine").type == "PER"
    assert _entity(article, "Nordlicht Energie GmbH").type == "ORG"


def test_recognise_nothing_from_boilerplate_or_related_lines(resources: Resources) -> None:
    text = (
        "Meldung\n\nDer Rat tagte am Montag in Brüssel.\n\nMehr zum Thema - Putin trifft "
        "Erdoğan in Ankara\n\nFolgen Sie uns auf Telegram und unterstützen Sie unsere Arbeit, "
        "liebe Leserinnen und Leser aus Wien."
    )
    article = _analyse(resources, text)
    end_of_body = text.index("Mehr zum Thema")
    for entity in article.entities:
        for mention in entity.mentions:
            assert mention.end <= end_of_body
    assert {e.name for e in article.entities} == {"Brüssel"}


def test_recognise_mentions_index_the_text(resources: Resources) -> None:
    text = (
        "Gipfel\n\nBundeskanzler Olaf Scholz empfing am Montag den französischen "
        "Präsidenten Emmanuel Macron in Berlin. Scholz lobte ihn."
    )
    article = _analyse(resources, text)
    for entity in article.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    macron = _entity(article, "Emmanuel Macron")
    assert macron.country == "FRA"
    assert "den französischen Präsidenten" in _mention_texts(macron)


def test_recognise_place_after_an_organisation_role_is_no_country(resources: Resources) -> None:
    # Where a person works is not whose official they are; a group "in" a country is.
    article = chronik.analyze(
        "Der NASA-Direktor in China sagte, die Mission sei erfolgreich. "
        "Die Opposition in Serbien protestierte.",
        resources=resources,
    )
    countries = {e.name: e.country for e in article.entities}
    assert not any(e.type == "PER" and e.country == "CHN" for e in article.entities)
    assert countries.get("Opposition (SRB)") == "SRB"


def test_recognise_country_adjective_before_a_name_gives_nationality(
    resources: Resources,
) -> None:
    article = _analyse(
        resources,
        "Die Ministerin traf ihren estnischen Kollegen Mart Kask in Helsinki. "
        "Kask lobte das Treffen. Der Sänger Mart Tamm trat nicht auf.",
    )
    assert _entity(article, "Mart Kask").country == "EST"
    assert _entity(article, "Mart Tamm").country is None  # no adjective, no country


def test_recognise_apposition_after_a_time_adverb(resources: Resources) -> None:
    text = (
        "Ein Brief aus Stockholm\n\nIm Jahr 2016 schickte Karin Lundqvist, damals schwedische "
        "Außenministerin, den Brief an Nikos Andrianos. Andrianos dankte ihr."
    )
    lundqvist = _entity(_analyse(resources, text, "2013-01-01"), "Karin Lundqvist")
    assert "damals schwedische Außenministerin" not in _mention_texts(lundqvist)
    assert "schwedische Außenministerin" in _mention_texts(lundqvist)
    assert lundqvist.country == "SWE" and "Außenminister" in lundqvist.roles


def test_recognise_a_feminine_role_is_not_a_man_named_before(resources: Resources) -> None:
    text = (
        "Treffen in Athen\n\nDer griechische Finanzminister Andreas Kostakis empfing am "
        "Montag Gäste. Die Finanzministerin sagte, man sei sich einig."
    )
    kostakis = _entity(_analyse(resources, text, "2013-01-01"), "Andreas Kostakis")
    assert "Die Finanzministerin" not in _mention_texts(kostakis)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Nikos Andrianos war von 2014 bis 2017 griechischer Finanzminister.", "Nikos Andrianos"),
        (
            "Gestern sprach Eva Lind mit Jonas Berg, der 2012 Finanzminister Schwedens war.",
            "Jonas Berg",
        ),
        ("Jonas Berg wurde 2012 zum schwedischen Finanzminister ernannt.", "Jonas Berg"),
    ],
)
def test_recognise_a_predicative_role_is_the_subjects(
    resources: Resources, sentence: str, name: str
) -> None:
    person = _entity(_analyse(resources, "Ein Rückblick\n\n" + sentence, "2013-01-01"), name)
    assert "Finanzminister" in person.roles
    assert person.country in ("GRC", "SWE")
    assert not any(m.startswith("20") for m in _mention_texts(person))


def test_recognise_a_role_after_a_preposition_is_not_the_subjects(resources: Resources) -> None:
    text = "Entlassung\n\nAnna Roth wurde vom schwedischen Innenminister entlassen."
    roth = _entity(_analyse(resources, text, "2013-01-01"), "Anna Roth")
    assert roth.roles == [] and roth.country is None


def test_recognise_a_group_of_officials_is_no_person(resources: Resources) -> None:
    text = (
        "Ausweisung\n\nSchweden wies zwei russische Diplomaten aus. Der russische "
        "Botschafter protestierte. Er sprach von einem Fehler."
    )
    article = _analyse(resources, text, "2013-01-01")
    group = _entity(article, "Diplomat (RUS, group)")
    assert (group.kind, group.country) == ("group", "RUS")
    assert _mention_texts(group) == ["zwei russische Diplomaten"]
    envoy = next(e for e in article.entities if "Der russische Botschafter" in _mention_texts(e))
    assert envoy.kind != "group" and "Er" in _mention_texts(envoy)


def test_recognise_an_organisation_is_placed_by_the_country_its_name_names(
    resources: Resources,
) -> None:
    text = (
        "Urteile\n\nDas Landgericht Bremen und das LKA Hessen ermitteln gemeinsam. "
        "Die Deutsch-Russische Handelsgesellschaft mbH tagte."
    )
    article = _analyse(resources, text)
    assert _entity(article, "Landgericht Bremen").country == "DEU"
    assert _entity(article, "LKA Hessen").country == "DEU"
    two_named = _entity(article, "Deutsch-Russische Handelsgesellschaft mbH")
    assert two_named.country is None


def test_recognise_a_place_in_a_wrong_person_name_stays_a_place(resources: Resources) -> None:
    text = "Proteste\n\nDie Gruppe Occupy Leipzig rief zum Protest auf. In Leipzig blieb es ruhig."
    article = _analyse(resources, text)
    city = next(e for e in article.entities if e.type == "GPE" and e.country == "DEU")
    assert "Leipzig" in _mention_texts(city)


def test_recognise_a_sentence_opening_adverb_is_no_surname(resources: Resources) -> None:
    text = "Ein Fest\n\nKurz nach der Premiere hat die Sängerin das Land verlassen."
    assert not any(e.type == "PER" for e in _analyse(resources, text).entities)


def test_recognise_entity_names_are_not_inflected_forms(resources: Resources) -> None:
    text = (
        "Wahlen\n\nPutins Rede wurde auch in Berlins Partnerstädten gehört, sagte ein "
        "Sprecher der Europäischen Union. Der IS drohte."
    )
    names = {e.name for e in _analyse(resources, text).entities}
    assert {"Wladimir Putin", "Europäische Union", "IS"} <= names
    assert not names & {"Putins", "Berlins", "Europäischen Union"}


def test_recognise_a_group_is_an_entity_only_when_it_acts(resources: Resources) -> None:
    text = "Ankunft\n\nZwölf eritreische Flüchtlinge kamen am Montag in Graz an."
    assert not any(e.kind == "group" for e in _analyse(resources, text).entities)


def test_recognise_a_name_in_the_genitive_is_the_same_person(resources: Resources) -> None:
    text = (
        "Ein Jubiläum\n\nDer Maler Tobias Lindqvist wird 90 Jahre alt. Tobias Lindqvists "
        "Bilder hängen in Stockholm. Lindqvists Werkstatt bleibt offen."
    )
    article = _analyse(resources, text)
    painter = _entity(article, "Tobias Lindqvist")
    assert {"Tobias Lindqvists", "Lindqvists"} <= set(_mention_texts(painter))
    assert not any(e.name.endswith("Lindqvists") for e in article.entities)


def test_recognise_no_name_spans_a_bracket(resources: Resources) -> None:
    text = "Turnier\n\nIn Gruppe C ( Graz ) spielte Ungarn gegen Polen."
    article = _analyse(resources, text)
    assert not any("(" in m.text for e in article.entities for m in e.mentions)


@pytest.mark.parametrize(
    ("acronym", "country"),
    [("CDU", "DEU"), ("FDP", "DEU"), ("AfD", "DEU"), ("ÖVP", "AUT"), ("SVP", "CHE")],
)
def test_recognise_party_acronyms_link_to_the_german_speaking_party(
    resources: Resources, acronym: str, country: str
) -> None:
    text = f"Wahlkampf\n\nDie {acronym} stellte am Montag ihr Programm vor."
    party = _entity(_analyse(resources, text), acronym)
    assert (party.country, party.sector) == (country, "PTY")
    assert party.kb_id is not None


def test_recognise_a_role_of_an_organisation_is_not_the_states(resources: Resources) -> None:
    text = (
        "Gespräche\n\nDer russische Präsident empfing Gäste. Der FIFA-Präsident kam "
        "auch, und CSU-Chef Jonas Berger schickte Grüße."
    )
    article = _analyse(resources, text, "2024-06-01")
    putin = next(e for e in article.entities if "Der russische Präsident" in _mention_texts(e))
    assert "Der FIFA-Präsident" not in _mention_texts(putin)
    berger = _entity(article, "Jonas Berger")
    assert (berger.country, berger.sector) == ("DEU", "PTY")


@pytest.mark.parametrize(
    "phrase",
    ["die Minister", "mehrere deutsche Politiker", "führende CDU-Vertreter", "US-Soldaten"],
)
def test_recognise_plural_roles_are_no_person(resources: Resources, phrase: str) -> None:
    text = f"Beratungen\n\nAm Montag berieten {phrase} über den Haushalt."
    article = _analyse(resources, text)
    assert not any(e.type == "PER" and e.kind == "person" for e in article.entities)


def test_recognise_a_predicative_role_stays_singular(resources: Resources) -> None:
    text = "Rückblick\n\nJonas Berg war damals Finanzminister Schwedens."
    assert "Finanzminister" in _entity(_analyse(resources, text), "Jonas Berg").roles


def test_recognise_federal_bodies_in_one_word(resources: Resources) -> None:
    text = (
        "Urteil\n\nDas Bundesverfassungsgericht hat entschieden. Das Bundesgesundheits"
        "ministerium prüft das Urteil, ein Bundesgericht in Boston auch."
    )
    article = _analyse(resources, text)
    court = _entity(article, "Bundesverfassungsgericht")
    assert (court.country, court.kb_id is not None) == ("DEU", True)
    assert _entity(article, "Bundesgesundheitsministerium").country == "DEU"
    assert all(e.country is None for e in article.entities if e.name == "Bundesgericht")


def test_recognise_an_organisation_in_the_genitive_is_the_same(resources: Resources) -> None:
    text = (
        "Bücher\n\nJonas Keller und sein Kestrel Verlag feiern in Bonn. Die Mitarbeiter "
        "des Kestrel Verlags jubelten."
    )
    publisher = _entity(_analyse(resources, text), "Kestrel Verlag")
    assert _mention_texts(publisher) == ["Kestrel Verlag", "Kestrel Verlags"]


def test_recognise_a_described_body_is_a_nominal_mention(resources: Resources) -> None:
    text = "Lage\n\nDie französische Nationalversammlung stimmte zu. Die Schweizer Armee schwieg."
    article = _analyse(resources, text)
    kinds = {m.text: m.kind for e in article.entities for m in e.mentions}
    assert kinds["französische Nationalversammlung"] == "nominal"
    assert kinds["Schweizer Armee"] == "name"
    body = next(
        e for e in article.entities if "französische Nationalversammlung" in _mention_texts(e)
    )
    assert (body.country, body.kb_id is not None) == ("FRA", True)


def test_recognise_a_shared_surname_is_the_holder_at_the_date(resources: Resources) -> None:
    text = "Lage in Syrien\n\nAssad empfing am Montag in Damaskus Gäste aus dem Ausland."
    later = next(e for e in _analyse(resources, text, "2011-05-11").entities if e.type == "PER")
    earlier = next(e for e in _analyse(resources, text, "1990-05-11").entities if e.type == "PER")
    assert later.kb_id != earlier.kb_id
    assert later.name.startswith("Baschar") and earlier.name.startswith("Hafis")


def test_recognise_a_surname_of_several_words_joins_the_full_name(resources: Resources) -> None:
    text = (
        "Flucht\n\nBen Hamida floh am Freitag. Der frühere Minister Karim Salah Ben Hamida "
        "ist in Doha. Ben Hamidas Sprecher schwieg."
    )
    article = _analyse(resources, text)
    person = _entity(article, "Karim Salah Ben Hamida")
    assert {"Ben Hamida", "Ben Hamidas"} <= set(_mention_texts(person))


def test_recognise_a_role_before_a_comma_and_a_name_is_that_persons(
    resources: Resources,
) -> None:
    text = (
        "Ein Symposium\n\nEs kamen der frühere Minister Jonas Berg, der Befehlshaber der "
        "Marine im Norden, Admiral Tomas Lind, sowie andere. Der Sprecher des Ministeriums, "
        "Peter Holm, sagte nichts. Der Minister sagte, Anna Roth sei krank."
    )
    article = _analyse(resources, text)
    assert "der Befehlshaber" in _mention_texts(_entity(article, "Tomas Lind"))
    assert "der Befehlshaber" not in _mention_texts(_entity(article, "Jonas Berg"))
    assert "Der Sprecher" in _mention_texts(_entity(article, "Peter Holm"))
    assert _entity(article, "Anna Roth").roles == []


def test_recognise_a_name_after_a_genitive_role_is_the_heads(resources: Resources) -> None:
    text = (
        "Reaktion\n\nDie Tochter des verstorbenen finnischen Präsidenten, Marja Nurmi, widersprach."
    )
    article = _analyse(resources, text)
    assert "Präsident" not in _entity(article, "Marja Nurmi").roles


def test_recognise_a_named_counterpart_without_a_country_takes_the_office(
    resources: Resources,
) -> None:
    text = (
        "Gespräche in Teheran\n\nDer iranische Außenminister Ali Rezaei hat seinen "
        "Amtskollegen Pawel Gromow empfangen. Später traf er erneut seinen Amtskollegen."
    )
    article = _analyse(resources, text, "2024-06-01")
    gromow = _entity(article, "Pawel Gromow")
    assert "Außenminister" in gromow.roles and gromow.country is None
    rezaei = _entity(article, "Ali Rezaei")
    assert not any("Amtskollegen" in m for m in _mention_texts(rezaei))
