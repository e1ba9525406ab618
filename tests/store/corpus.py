"""Small German news articles for the store tests, generated from templates written here.

Each article is a title and three to six sentences: meetings, announcements, criticism,
direct and indirect quotes. ``article(n)`` is deterministic and different for every n.
"""

from __future__ import annotations

from pathlib import Path

ACTORS = (
    ("Die österreichische Regierung", "die Regierung"),
    ("Der französische Präsident", "der Präsident"),
    ("Die Bürgermeisterin von Graz", "die Bürgermeisterin"),
    ("Der Verband der Landwirte", "der Verband"),
    ("Die Polizei in Hamburg", "die Polizei"),
    ("Das Gesundheitsministerium in Berlin", "das Ministerium"),
    ("Die Gewerkschaft der Eisenbahner", "die Gewerkschaft"),
)
PEOPLE = (
    "Anna Berger",
    "Martin Huber",
    "Claudia Weiß",
    "Stefan Köhler",
    "Julia Brandstätter",
    "Thomas Winkler",
)
PLACES = ("Wien", "Berlin", "Paris", "Linz", "München", "Prag", "Warschau", "Rom")
DAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")
TOPICS = (
    "die Preise für Energie",
    "den Ausbau der Bahnstrecken",
    "die Lage an der Grenze",
    "neue Regeln für Mieten",
    "die Versorgung der Krankenhäuser",
    "die Sicherheit bei Großveranstaltungen",
)
TITLES = (
    "Gespräche über {topic_short} in {place}",
    "{person} fordert Klarheit",
    "Streit um {topic_short}",
    "Neue Pläne aus {place}",
)
TOPIC_SHORT = ("Energie", "Bahnstrecken", "Grenzen", "Mieten", "Krankenhäuser", "Sicherheit")


def _pick(options: tuple[str, ...], n: int, step: int) -> str:
    return options[(n * step + n // len(options)) % len(options)]


def _sentences(n: int) -> list[str]:
    actor, short = ACTORS[n % len(ACTORS)]
    person = _pick(PEOPLE, n, 5)
    other = _pick(PEOPLE, n + 2, 3)
    place, day = _pick(PLACES, n, 3), _pick(DAYS, n, 2)
    topic = _pick(TOPICS, n, 5)
    count = 40 + 17 * n
    return [
        f"{actor} hat am {day} in {place} über {topic} beraten.",
        f"An dem Treffen nahmen nach Angaben der Veranstalter {count} Personen teil.",
        f'"Wir werden die Vorschläge sorgfältig prüfen", sagte {person} am Rande der Sitzung.',
        f"{other} kritisierte die Pläne und sagte, die Kosten seien viel zu hoch.",
        f"Am {_pick(DAYS, n + 1, 1)} traf sich {person} in {_pick(PLACES, n + 3, 5)} "
        f"mit Vertretern der Opposition.",
        f"Laut {short.split()[-1]} soll bis Ende des Jahres eine Entscheidung fallen.",
    ][: 3 + n % 4]


def article(n: int) -> str:
    """Article number ``n``: a title line, a blank line, then one paragraph."""
    title = _pick(TITLES, n, 1).format(
        topic_short=_pick(TOPIC_SHORT, n, 5),
        place=_pick(PLACES, n, 3),
        person=_pick(PEOPLE, n, 5),
    )
    return f"{title}\n\n{' '.join(_sentences(n))}\n"


def write_folder(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Write articles ``start … start+count-1`` as ``folder/NNN.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"{n:03d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths
