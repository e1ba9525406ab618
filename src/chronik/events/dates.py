"""A German date grammar: expressions in a sentence resolved against the publication date.

``am Dienstag`` (the latest Tuesday on or before publication), ``heute``, ``gestern``,
``vorgestern``, ``morgen``, ``am 13. April`` / ``13. April 2021``, ``im Mai``, ``Mitte
Oktober``, ``Ende März``, ``vergangene Woche``, ``im Jahr 2019``. Precision is day,
month or year. No other library is used: generic date parsers misread German articles
and pronouns as weekdays.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
MONTHS = (
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
)
_MONTH_ALIASES = {
    "jänner": 1,
    "feber": 2,
    "maerz": 3,
    "sept": 9,
    "jan": 1,
    "feb": 2,
    "okt": 10,
    "dez": 12,
    "nov": 11,
    "aug": 8,
}
_RELATIVE_DAYS = {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2}
_MONTH_RE = "|".join([*MONTHS, *_MONTH_ALIASES])
_WEEKDAY_RE = "|".join(WEEKDAYS)

_DAY_MONTH = re.compile(
    rf"\b(?P<day>[0-3]?\d)\.\s?(?P<month>{_MONTH_RE})\.?(?:\s(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)?\d\d)\b")
_WEEKDAY = re.compile(
    rf"\b(?:am\s|vom\s|seit\s)?(?P<weekday>{_WEEKDAY_RE})(?:abend|morgen|"
    r"nachmittag|vormittag|mittag|nacht)?\b",
    re.IGNORECASE,
)
# Lower case only ("am Morgen" is the morning), but a sentence may start with "Gestern".
_RELATIVE = re.compile(
    r"\b(?P<word>heute|gestern|vorgestern|übermorgen|morgen|Heute|Gestern|"
    r"Vorgestern)\b"
)
_PART_OF_MONTH = re.compile(
    rf"\b(?P<part>Anfang|Mitte|Ende)\s(?P<month>{_MONTH_RE})"
    r"(?:\s(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_IN_MONTH = re.compile(
    rf"\b(?:im|seit|bis)\s(?P<month>{_MONTH_RE})(?:\s(?P<year>(?:19|20)\d\d))?\b", re.IGNORECASE
)
_LAST_WEEK = re.compile(r"\b(?:vergangene|letzte|vorige)n?\sWoche\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:im\sJahr(?:e)?\s|seit\s)?(?P<year>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class FoundDate:
    value: str  # ISO date, year-month or year
    precision: str  # day | month | year
    text: str
    start: int  # character offsets within the searched text
    end: int


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else _MONTH_ALIASES[key]


def _year_for(month: int, day: int, published: dt.date) -> int:
    """Without a year, the date lies near publication: a month far ahead means last year."""
    year = published.year
    candidate = dt.date(year, month, min(day, 28))
    return year - 1 if candidate > published + dt.timedelta(days=60) else year


def find_dates(text: str, published: dt.date | None) -> list[FoundDate]:
    """Every date expression in ``text``, most precise first, in text order within each."""
    found: list[FoundDate] = []
    for match in _DAY_MONTH.finditer(text):
        month, day = _month(match["month"]), int(match["day"])
        year = (
            int(match["year"])
            if match["year"]
            else (_year_for(month, day, published) if published else None)
        )
        found.extend(_day(year, month, day, match))
    for match in _NUMERIC.finditer(text):
        year = int(match["year"])
        found.extend(
            _day(year + 2000 if year < 100 else year, int(match["month"]), int(match["day"]), match)
        )
    if published is not None:
        found.extend(_relative_days(text, published))
        found.extend(_months(text, published))
    found.extend(_years(text, found))
    order = {"day": 0, "month": 1, "year": 2}
    return sorted(found, key=lambda d: (order[d.precision], d.start))


def _day(year: int | None, month: int, day: int, match: re.Match[str]) -> list[FoundDate]:
    if year is None:
        return []
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return []
    return [FoundDate(value.isoformat(), "day", match.group().strip(), match.start(), match.end())]


def _relative_days(text: str, published: dt.date) -> list[FoundDate]:
    found = []
    for match in _WEEKDAY.finditer(text):
        weekday = WEEKDAYS.index(match["weekday"].lower())
        back = (published.weekday() - weekday) % 7
        value = published - dt.timedelta(days=back)
        found.append(
            FoundDate(value.isoformat(), "day", match.group().strip(), match.start(), match.end())
        )
    for match in _RELATIVE.finditer(text):
        value = published + dt.timedelta(days=_RELATIVE_DAYS[match["word"].lower()])
        if match.start() > 0 and text[match.start() - 1 : match.start()].isalpha():
            continue
        found.append(FoundDate(value.isoformat(), "day", match.group(), match.start(), match.end()))
    return found


def _months(text: str, published: dt.date) -> list[FoundDate]:
    found = []
    for pattern in (_PART_OF_MONTH, _IN_MONTH):
        for match in pattern.finditer(text):
            month = _month(match["month"])
            year = int(match["year"]) if match["year"] else _year_for(month, 15, published)
            found.append(
                FoundDate(
                    f"{year:04d}-{month:02d}", "month", match.group(), match.start(), match.end()
                )
            )
    for match in _LAST_WEEK.finditer(text):
        monday = published - dt.timedelta(days=published.weekday() + 7)
        found.append(
            FoundDate(
                f"{monday.year:04d}-{monday.month:02d}",
                "month",
                match.group(),
                match.start(),
                match.end(),
            )
        )
    return found


def _years(text: str, taken: list[FoundDate]) -> list[FoundDate]:
    found = []
    for match in _YEAR.finditer(text):
        if any(d.start <= match.start("year") < d.end for d in taken):
            continue
        found.append(FoundDate(match["year"], "year", match.group(), match.start(), match.end()))
    return found
