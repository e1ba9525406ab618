"""Speech frames and source phrases, on sentences written for these tests: how far a
source phrase reaches, ``nach``-frames, impersonal and passive frames, ``wie``-clauses,
frames after their content, and content clauses further from their verb."""

from __future__ import annotations

import pytest

import chronik
from chronik.model import Article, Quote
from chronik.resources import Resources

INTRO = "Meldung aus Berlin\n\nDer Vorspann nennt das Thema der Meldung in einem Satz.\n\n"


def _analyse(resources: Resources, body: str) -> Article:
    return chronik.analyze(INTRO + body, published="2024-03-05", resources=resources)


def _only(article: Article) -> Quote:
    assert len(article.quotes) == 1, [q.content.text for q in article.quotes]
    return article.quotes[0]


def _cue(quote: Quote) -> list[str]:
    return [c.text for c in quote.cue_parts or ([quote.cue] if quote.cue else [])]


def _speaker_name(article: Article, quote: Quote) -> str | None:
    names = {e.id: e.name for e in article.entities}
    return names.get(quote.speaker or "")


@pytest.mark.parametrize(
    ("body", "speaker_span"),
    [
        (
            "Ein Sprecher des Innenministeriums sagte, die Lage an der Grenze sei ruhig.",
            "Ein Sprecher des Innenministeriums",
        ),
        (
            "Anna Weber von der Gewerkschaft Verdi sagte, der Streik werde fortgesetzt.",
            "Anna Weber von der Gewerkschaft Verdi",
        ),
        (
            "Am Montag erklärte Jonas Keller, der Leiter des Bauamts, die Brücke bleibe "
            "bis zum Sommer gesperrt.",
            "Jonas Keller, der Leiter des Bauamts",
        ),
        (
            "Der SPD-Vorsitzende Karl Brandt erklärte: „Wir stimmen dem Vertrag zu.“",
            "Der SPD-Vorsitzende Karl Brandt",
        ),
        (
            "Auch die Gewerkschaft dagegen sagte, der Tarifvertrag sei zu schwach.",
            "die Gewerkschaft",
        ),
    ],
)
def test_frames_source_phrase_reaches_over_what_belongs_to_it(
    resources: Resources, body: str, speaker_span: str
) -> None:
    quote = _only(_analyse(resources, body))
    assert quote.speaker_span is not None
    assert quote.speaker_span.text == speaker_span


def test_frames_speaker_is_the_head_person_not_a_described_organisation(
    resources: Resources,
) -> None:
    body = "Am Montag erklärte Jonas Keller, der Leiter des Bauamts, die Brücke bleibe gesperrt."
    article = _analyse(resources, body)
    quote = _only(article)
    assert _speaker_name(article, quote) == "Jonas Keller"
    assert quote.addressee_span is None  # the apposition is no dative addressee


def test_frames_nach_angaben_cue_is_the_preposition_source_the_noun_phrase(
    resources: Resources,
) -> None:
    quote = _only(
        _analyse(resources, "Nach Angaben der Feuerwehr wurde bei dem Brand niemand verletzt.")
    )
    assert _cue(quote) == ["Nach"]
    assert quote.speaker_span is not None and quote.speaker_span.text == "Angaben der Feuerwehr"
    assert quote.content.text == "wurde bei dem Brand niemand verletzt"


def test_frames_nach_with_a_compound_source_noun(resources: Resources) -> None:
    quote = _only(
        _analyse(resources, "Nach Polizeiangaben ist der Fahrer nach dem Unfall geflohen.")
    )
    assert quote.speaker_span is not None and quote.speaker_span.text == "Polizeiangaben"
    assert quote.content.text == "ist der Fahrer nach dem Unfall geflohen"


def test_frames_opinion_before_nach(resources: Resources) -> None:
    quote = _only(_analyse(resources, "Seiner Meinung nach ist das neue Gesetz viel zu streng."))
    assert _cue(quote) == ["nach"]
    assert quote.speaker_span is not None and quote.speaker_span.text == "Seiner Meinung"


def test_frames_temporal_nach_is_no_frame(resources: Resources) -> None:
    article = _analyse(resources, "Nach dem Spiel fuhr die Mannschaft sofort nach Hause.")
    assert article.quotes == []


def test_frames_content_comma_after_a_long_middle_field(resources: Resources) -> None:
    body = (
        "Die Ministerin Eva Roth sagte der Zeitung am Dienstag in Berlin, die Verhandlungen "
        "seien gescheitert."
    )
    quote = _only(_analyse(resources, body))
    assert quote.content.text == "die Verhandlungen seien gescheitert"
    assert quote.addressee_span is not None and quote.addressee_span.text == "der Zeitung"


@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "Der Angeklagte Paul Schmitt erklärte, von den Zahlungen nichts gewusst zu haben.",
            "von den Zahlungen nichts gewusst zu haben",
        ),
        (
            "Der Sprecher der Stadt sagte, der Zug kommt morgen wieder pünktlich.",
            "der Zug kommt morgen wieder pünktlich",
        ),
    ],
)
def test_frames_content_as_zu_infinitive_or_main_clause(
    resources: Resources, body: str, content: str
) -> None:
    quote = _only(_analyse(resources, body))
    assert quote.form == "indirect"
    assert quote.content.text == content


def test_frames_heisst_es_with_its_source_in_a_prepositional_phrase(
    resources: Resources,
) -> None:
    body = "In der Erklärung des Vereins heißt es, der Trainer bleibe bis zum Saisonende im Amt."
    quote = _only(_analyse(resources, body))
    assert _cue(quote) == ["heißt", "es"]
    assert quote.speaker_span is not None
    assert quote.speaker_span.text == "der Erklärung des Vereins"
    assert quote.speaker is None or quote.speaker_span.text.endswith("Vereins")
    assert quote.content.text == "der Trainer bleibe bis zum Saisonende im Amt"


def test_frames_hiess_es_after_its_content(resources: Resources) -> None:
    body = "Der Minister werde noch in dieser Woche zurücktreten, hieß es am Abend aus Regierungskreisen."
    quote = _only(_analyse(resources, body))
    assert _cue(quote) == ["hieß", "es"]
    assert quote.content.text == "Der Minister werde noch in dieser Woche zurücktreten"
    assert quote.speaker_span is not None and quote.speaker_span.text == "Regierungskreisen"


@pytest.mark.parametrize(
    ("body", "cue", "content"),
    [
        (
            "Dem Manager wird vorgeworfen, Gelder des Vereins veruntreut zu haben.",
            ["wird", "vorgeworfen"],
            "Gelder des Vereins veruntreut zu haben",
        ),
        (
            "Am Abend wurde bekannt, dass die Fabrik im Herbst schließt.",
            ["wurde", "bekannt"],
            "die Fabrik im Herbst schließt",
        ),
    ],
)
def test_frames_passive_and_bekannt_frames_have_no_invented_speaker(
    resources: Resources, body: str, cue: list[str], content: str
) -> None:
    quote = _only(_analyse(resources, body))
    assert _cue(quote) == cue
    assert quote.content.text == content
    assert quote.speaker is None and quote.speaker_span is None


def test_frames_passive_of_a_non_speech_verb_is_no_frame(resources: Resources) -> None:
    body = "Sollte der Antrag angenommen werden, könnte die Seite wieder online gehen."
    assert _analyse(resources, body).quotes == []


def test_frames_wie_clause_after_its_content(resources: Resources) -> None:
    body = "Der Zug nach Hamburg fiel am Morgen aus, wie eine Sprecherin der Bahn mitteilte."
    quote = _only(_analyse(resources, body))
    assert _cue(quote) == ["wie", "mitteilte"]
    assert quote.speaker_span is not None
    assert quote.speaker_span.text == "eine Sprecherin der Bahn"
    assert quote.content.text == "Der Zug nach Hamburg fiel am Morgen aus"


def test_frames_wie_clause_with_a_verb_final_particle_verb(resources: Resources) -> None:
    body = "Wie die Polizei bekannt gab, wurde der Verdächtige in Köln festgenommen."
    quote = _only(_analyse(resources, body))
    assert _cue(quote) == ["Wie", "bekannt", "gab"]
    assert quote.content.text == "wurde der Verdächtige in Köln festgenommen"


@pytest.mark.parametrize(
    "body",
    [
        "Der Sturm war am Ende nicht so stark, wie zunächst befürchtet.",
        "Der Musiker Paul Hahn, wie er sich selbst gerne nannte, ist gestorben.",
    ],
)
def test_frames_comparison_and_naming_wie_is_no_frame(resources: Resources, body: str) -> None:
    assert _analyse(resources, body).quotes == []


def test_frames_indicative_content_before_its_frame(resources: Resources) -> None:
    body = "Der Zug nach Hamburg fällt heute aus, teilte die Bahn am Morgen mit."
    quote = _only(_analyse(resources, body))
    assert _cue(quote) == ["teilte", "mit"]
    assert quote.content.text == "Der Zug nach Hamburg fällt heute aus"


def test_frames_indicative_clause_before_a_coordinated_verb_is_no_content(
    resources: Resources,
) -> None:
    body = "Der Trainer kam am Abend nach Hause, sagte aber nichts zu dem Spiel."
    assert _analyse(resources, body).quotes == []


def test_frames_quotation_inside_reported_speech_takes_its_frame(resources: Resources) -> None:
    body = "Die Ministerin Eva Roth sagte, die Lage sei „so ernst, dass wir sofort handeln müssen“."
    article = _analyse(resources, body)
    direct = [q for q in article.quotes if q.form == "direct"]
    indirect = [q for q in article.quotes if q.form == "indirect"]
    assert len(direct) == 1 and len(indirect) == 1
    assert _cue(direct[0]) == ["sagte"]
    assert _speaker_name(article, direct[0]) == "Eva Roth"
    assert indirect[0].content.text.endswith("müssen“")  # the closing mark stays


def test_frames_free_indirect_after_a_speech_verb_sentence(resources: Resources) -> None:
    body = (
        "Der Untersuchungsbericht schildert die Fehlerkette sehr genau. Techniker hätten am "
        "Vortag den Hebel falsch gestellt."
    )
    quote = _only(_analyse(resources, body))
    assert quote.form == "free_indirect"
    assert quote.content.text == "Techniker hätten am Vortag den Hebel falsch gestellt"
    assert quote.speaker_span is not None
    assert quote.speaker_span.text == "Der Untersuchungsbericht"


@pytest.mark.parametrize(
    ("body", "content", "cue"),
    [
        (
            "Die Gewerkschaft nannte die Absage des Vorstands einen „Vertrauensbruch“.",
            "Vertrauensbruch",
            ["nannte"],
        ),
        (
            "Der Forscher Paul Hahn riet allen Eltern zu „Gelassenheit und Aufmerksamkeit“.",
            "Gelassenheit und Aufmerksamkeit",
            ["riet"],
        ),
    ],
)
def test_frames_short_quotation_in_a_speech_verb_clause(
    resources: Resources, body: str, content: str, cue: list[str]
) -> None:
    quote = _only(_analyse(resources, body))
    assert quote.form == "direct"
    assert quote.content.text == content
    assert _cue(quote) == cue
    assert quote.speaker_span is not None


@pytest.mark.parametrize(
    "body",
    [
        "Die Zeitschrift „Morgenblatt“ berichtete am Montag über den Streik.",
        "Das Amt warnt vor der Pille „Schlank in zehn Tagen“.",
    ],
)
def test_frames_quoted_names_are_no_quotations(resources: Resources, body: str) -> None:
    assert [q for q in _analyse(resources, body).quotes if q.form == "direct"] == []


def test_frames_short_quotation_inside_reported_speech(resources: Resources) -> None:
    body = "Die Ministerin Eva Roth sagte, die Lage sei „völlig offen“."
    article = _analyse(resources, body)
    [direct] = [q for q in article.quotes if q.form == "direct"]
    assert direct.content.text == "völlig offen"
    assert _cue(direct) == ["sagte"]
    assert _speaker_name(article, direct) == "Eva Roth"


def test_frames_subject_of_a_coordinated_speech_verb(resources: Resources) -> None:
    body = (
        "Die Sprecherin Anna Kurz dankte den Helfern und ergänzte, der Einsatz sei nicht beendet."
    )
    article = _analyse(resources, body)
    quote = _only(article)
    assert _cue(quote) == ["ergänzte"]
    assert _speaker_name(article, quote) == "Anna Kurz"


def test_frames_danach_reports_only_after_a_source(resources: Resources) -> None:
    temporal = _analyse(
        resources, "Die Ausstellung öffnete am Freitag. Danach gingen die Besucher nach Hause."
    )
    assert temporal.quotes == []
    source = _analyse(
        resources, "Die Behörde veröffentlichte eine neue Studie. Danach sind die Preise gestiegen."
    )
    quote = _only(source)
    assert _cue(quote) == ["Danach"]
    assert quote.content.text == "sind die Preise gestiegen"
    assert quote.speaker is None


def test_frames_reflexive_use_of_a_non_reflexive_speech_verb_is_no_cue(
    resources: Resources,
) -> None:
    # "befinden" judges ("Das Gericht befand, …"); "sich befinden" only locates
    body = "Die Akten befanden sich, so viel ist inzwischen klar, im Keller des Amtes."
    assert _analyse(resources, body).quotes == []


def test_frames_so_frame_inside_the_sentence(resources: Resources) -> None:
    body = "Die Verhandlungen, so der Sprecher der Stadt, seien auf einem guten Weg."
    quote = _only(_analyse(resources, body))
    assert _cue(quote) == ["so"]
    assert quote.content_parts is not None
    assert [p.text for p in quote.content_parts] == [
        "Die Verhandlungen",
        "seien auf einem guten Weg",
    ]
    assert quote.speaker_span is not None and quote.speaker_span.text == "der Sprecher der Stadt"


@pytest.mark.parametrize(
    ("body", "cue", "speaker_span"),
    [
        (
            "In der Erklärung des Vereins heißt es: „Wir danken dem Trainer für seine Arbeit.“",
            ["heißt", "es"],
            "der Erklärung des Vereins",
        ),
        (
            "Das Fazit des Berichts lautete: „Die Wahl war frei und fair.“",
            ["lautete"],
            "Das Fazit des Berichts",
        ),
    ],
)
def test_frames_colon_frames_without_a_speaking_person(
    resources: Resources, body: str, cue: list[str], speaker_span: str
) -> None:
    quote = _only(_analyse(resources, body))
    assert quote.form == "direct"
    assert _cue(quote) == cue
    assert quote.speaker_span is not None and quote.speaker_span.text == speaker_span


@pytest.mark.parametrize(
    ("body", "speaker_span"),
    [
        (
            "„Radio Nord“ berichtet unter Berufung auf die Polizei, dass die Brücke gesperrt ist.",
            "„Radio Nord“",
        ),
        (
            "Ein Reporter der Agentur (dpa) war am Ort und berichtete, dass Kinder verletzt "
            "wurden.",
            "Ein Reporter der Agentur (dpa)",
        ),
        (
            "Die Firma prüft die Angaben eines Nutzers, der behauptet, den Code geknackt zu haben.",
            "der",
        ),
        ("Einzig die Bahn gab bekannt, den Fahrplan ändern zu wollen.", "die Bahn"),
    ],
)
def test_frames_subjects_with_brackets_quoted_names_and_relative_pronouns(
    resources: Resources, body: str, speaker_span: str
) -> None:
    quote = _only(_analyse(resources, body))
    assert quote.speaker_span is not None
    assert quote.speaker_span.text == speaker_span


@pytest.mark.parametrize(
    ("body", "addressee"),
    [
        (
            "Der Minister Karl Weber sagte am Sonntag zur Zeitung, die Lage sei ernst.",
            "Zeitung",
        ),
        (
            "Gegenüber der Zeitung erklärte die Ministerin Eva Roth: „Wir helfen sofort.“",
            "der Zeitung",
        ),
        (
            "Der Bürgermeister hatte den Stadtrat aufgefordert, den Haushalt zu beschließen.",
            "den Stadtrat",
        ),
        (
            "„Das Spiel war schwach“, sagte der Trainer Paul Hahn vor Journalisten.",
            "Journalisten",
        ),
        ("Dem Manager wird vorgeworfen, Gelder des Vereins veruntreut zu haben.", "Dem Manager"),
    ],
)
def test_frames_addressee_as_the_verb_marks_it(
    resources: Resources, body: str, addressee: str
) -> None:
    quote = _only(_analyse(resources, body))
    assert quote.addressee_span is not None
    assert quote.addressee_span.text == addressee


def test_frames_quotation_inside_reported_speech_is_not_carried_from_before(
    resources: Resources,
) -> None:
    body = (
        "„Wir sind zu Gesprächen bereit“, sagte der Gewerkschafter Paul Hahn. Die Ministerin "
        "Eva Roth sagte dagegen, es sei „so ernst, dass wir sofort handeln müssen“."
    )
    article = _analyse(resources, body)
    inner = [q for q in article.quotes if q.content.text.startswith("so ernst")]
    assert len(inner) == 1
    assert _speaker_name(article, inner[0]) == "Eva Roth"


def test_frames_reported_clause_ends_where_the_frame_subject_goes_on(
    resources: Resources,
) -> None:
    body = "Die Ministerin Eva Roth sagte, die Schulen müssten offen bleiben, und verließ den Saal."
    quote = _only(_analyse(resources, body))
    assert quote.content.text == "die Schulen müssten offen bleiben"


def test_frames_past_wollte_in_a_subordinate_clause_is_no_free_indirect_speech(
    resources: Resources,
) -> None:
    body = (
        "Der Innenminister Karl Weber schilderte den Fall im Ausschuss. Als die Polizei "
        "kam, wollte der Fahrer gerade losfahren."
    )
    assert [q for q in _analyse(resources, body).quotes if q.form == "free_indirect"] == []


def test_frames_closing_frame_owns_a_reported_act_inside_its_content(
    resources: Resources,
) -> None:
    article = _analyse(
        resources,
        "Beide Städte hätten vereinbart, ihre Busnetze zu verbinden, sagte Bürgermeisterin "
        "Hanna Roos.",
    )
    quote = _only(article)
    assert quote.form == "indirect"
    assert _cue(quote) == ["sagte"]
    assert quote.content.text.startswith("Beide Städte hätten vereinbart")
    assert _speaker_name(article, quote) == "Hanna Roos"
