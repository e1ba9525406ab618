"""Hypothesis strategies for German-ish news pages, written for these tests.

Random noise rarely gets past the structure pass, so these build pages that look like
scraped articles — rubric, title, lead with a dateline, body paragraphs with direct
quotes in every quotation-mark style, indirect speech, captions with credits, related
lines, boilerplate — and then damage them: drop or add quotation marks, insert invisible
and right-to-left characters, cut the page anywhere. Names are invented.
"""

from __future__ import annotations

from hypothesis import strategies as st

FIRST_NAMES = ("Anna", "Jonas", "Mira", "Tobias", "Leonie", "Karl", "Sevgi", "Piotr")
SURNAMES = ("Brenner", "Kowalczyk", "Lindqvist", "Hofstätter", "Yilmaz", "Dorn", "Wegener")
ROLES = (
    "der Außenminister",
    "die Innenministerin",
    "der Sprecher der Regierung",
    "die Bürgermeisterin",
    "der Vorsitzende der Gewerkschaft",
    "die Kanzlerin",
)
PLACES = ("Wien", "Berlin", "Paris", "Moskau", "Kiew", "Brüssel", "Graz", "Zürich", "Ankara")
COUNTRIES = ("Frankreich", "Russland", "Polen", "die Türkei", "Österreich", "die Ukraine")
VERBS = ("sagte", "erklärte", "betonte", "kritisierte", "forderte", "warnte", "kündigte an")
CLAUSES = (
    "die Gespräche seien konstruktiv gewesen",
    "man werde die Sanktionen verlängern",
    "das Abkommen müsse nachverhandelt werden",
    "die Truppen würden bis Freitag abgezogen",
    "es gebe keinen Grund zur Sorge",
)
STATEMENTS = (
    "Wir lassen uns nicht erpressen",
    "Das ist ein guter Tag für die Region",
    "Niemand hat die Absicht, die Verhandlungen abzubrechen",
    "Wir haben alles versucht. Es hat nicht gereicht",
)
EVENTS = (
    "{a} traf am {day} in {place} mit Vertretern aus {c} zusammen.",
    "{a} hat {c} scharf kritisiert.",
    "Die Polizei nahm in {place} mehrere Demonstranten fest.",
    "{c} und Polen unterzeichneten am {day} ein Abkommen über Gaslieferungen.",
    "{a} drohte mit dem Abzug der Botschafter.",
    "Die Armee griff in der Nacht zum {day} Stellungen bei {place} an.",
)
DAYS = ("Montag", "Dienstag", "Mittwoch", "3. März", "vergangenen Freitag", "12. Oktober 2023")
# Opening and closing marks of every quotation style German text uses, plus broken ones.
MARKS = (
    ("„", "“"),
    ("„", "”"),
    ("»", "«"),
    ("«", "»"),
    ("“", "”"),
    ('"', '"'),
    ("‚", "‘"),
    ("„", ""),
    ("", "“"),
    ("'", "'"),
)
CREDITS = ("Foto: dpa", "Quelle: Sputnik", "© Reuters", "REUTERS/Jan Dorn", "Bild: Keystone")
RELATED = ("Lesen Sie auch: {t}", "Mehr zum Thema: {t}", "Mehr zum Thema:\n{t}")
BOILERPLATE = (
    "Abonnieren Sie unseren Newsletter und verpassen Sie keine Nachricht.",
    "Folgen Sie uns auf Facebook und Twitter.",
    "Diese Website verwendet Cookies.",
    "© 2024 Alle Rechte vorbehalten.",
)
# Characters scraped text carries that a tokenizer may not expect.
ODD_CHARACTERS = (
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte-order mark inside the text
    "\u202e",  # right-to-left override
    "\u2067",  # right-to-left isolate
    "\u00ad",  # soft hyphen
    "\u00a0",  # no-break space
    "\u2028",  # line separator
    "\x85",  # next line
    "\t",
    "\r",
    "\x00",
    "مرحبا",
    "Москва",
    "東京",
    "🙂",
    "e\u0301",  # combining accent
)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@st.composite
def person(draw: st.DrawFn) -> str:
    name = f"{draw(st.sampled_from(FIRST_NAMES))} {draw(st.sampled_from(SURNAMES))}"
    return draw(st.sampled_from((name, f"{draw(st.sampled_from(ROLES))} {name}", name.split()[1])))


@st.composite
def direct_quote(draw: st.DrawFn) -> str:
    opener, closer = draw(st.sampled_from(MARKS))
    said = f"{draw(st.sampled_from(VERBS))} {draw(person())}"
    statement = draw(st.sampled_from(STATEMENTS))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{opener}{statement}{closer}, {said}."
    if shape == 1:
        return f"{_upper_first(said)}: {opener}{statement}.{closer}"
    if shape == 2:  # split quote with the frame in the middle
        return f"{opener}{statement}{closer}, {said}, {opener}das ist klar.{closer}"
    inner = draw(st.sampled_from(MARKS))
    return f"{opener}Er nannte das {inner[0]}absurd{inner[1]}{closer}, {said}."


@st.composite
def indirect_speech(draw: st.DrawFn) -> str:
    who, clause = draw(person()), draw(st.sampled_from(CLAUSES))
    shape = draw(st.integers(0, 3))
    if shape == 0:
        return f"{who} {draw(st.sampled_from(VERBS))}, {clause}."
    if shape == 1:
        return f"Laut {who} {clause.replace('die ', 'seien die ', 1)}."
    if shape == 2:
        return f"{_upper_first(who)} zufolge {clause}."
    return f"Dies {draw(st.sampled_from(VERBS))} {who} am {draw(st.sampled_from(DAYS))}."


@st.composite
def event_sentence(draw: st.DrawFn) -> str:
    template = draw(st.sampled_from(EVENTS))
    return template.format(
        a=_upper_first(draw(person())),
        c=draw(st.sampled_from(COUNTRIES)),
        place=draw(st.sampled_from(PLACES)),
        day=draw(st.sampled_from(DAYS)),
    )


def sentence() -> st.SearchStrategy[str]:
    return st.one_of(direct_quote(), indirect_speech(), event_sentence())


@st.composite
def paragraph(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentence(), min_size=1, max_size=4)))


@st.composite
def page(draw: st.DrawFn) -> str:
    """A scraped news page: optional rubric, title, lead with dateline, body and extras."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(("Politik", "Ausland", "Nordeuropa", "Wirtschaft"))))
    parts.append(draw(event_sentence()).rstrip("."))
    dateline = draw(st.sampled_from(("", "{p} – ", "{P} (dpa) - ", "{p} (Reuters) – ")))
    place = draw(st.sampled_from(PLACES))
    parts.append(dateline.format(p=place, P=place.upper()) + draw(paragraph()))
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 8))
        if kind <= 1:
            glue = draw(st.sampled_from(("", " ", " | ")))
            caption = draw(event_sentence()).rstrip(".")
            parts.append(f"{caption}{glue}{draw(st.sampled_from(CREDITS))}")
        elif kind == 2:
            headline = draw(event_sentence()).rstrip(".")
            parts.append(draw(st.sampled_from(RELATED)).format(t=headline))
        elif kind == 3:
            parts.append(draw(st.sampled_from(BOILERPLATE)))
        else:
            parts.append(draw(paragraph()))
    separator = draw(st.sampled_from(("\n\n", "\n", "\n\n\n", " \n \n")))
    return separator.join(parts)


@st.composite
def damaged_page(draw: st.DrawFn) -> str:
    """A page with odd characters inserted and perhaps cut off somewhere."""
    text = draw(page())
    for _ in range(draw(st.integers(0, 6))):
        position = draw(st.integers(0, len(text)))
        odd = draw(st.sampled_from(ODD_CHARACTERS + tuple("„“”»«\"'‚‘")))
        text = text[:position] + odd + text[position:]
    if draw(st.booleans()):
        text = text[: draw(st.integers(1, len(text)))]
    return text


def word_salad() -> st.SearchStrategy[str]:
    """Words, names, speech verbs, quotation marks and line breaks in any order: the
    pieces the quote and event rules look for, without the grammar they expect."""
    pieces = (
        *FIRST_NAMES,
        *SURNAMES,
        *PLACES,
        *COUNTRIES,
        *VERBS,
        *(role.split()[-1] for role in ROLES),
        *(mark for pair in MARKS for mark in pair if mark),
        *ODD_CHARACTERS,
        "sagte", "er", "sie", "dass", "laut", "zufolge", "sei", "habe", "nicht", "und",
        "mit", "am", "Montag", "Foto:", "–", ".", ",", ":", "\n", "\n\n",
    )  # fmt: skip
    return st.lists(st.sampled_from(pieces), max_size=80).map(" ".join)


def any_text() -> st.SearchStrategy[str]:
    """Arbitrary strings, word salad, German-looking pages and damaged pages."""
    return st.one_of(st.text(max_size=400), word_salad(), page(), damaged_page())
