"""All knowledge-base tables behind one object, loaded once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from chronik.kb.geography import Gazetteer
from chronik.kb.organisations import Institutions, Organisations, Parties
from chronik.kb.people import People
from chronik.kb.roles import Roles


@dataclass(frozen=True)
class KnowledgeBase:
    gazetteer: Gazetteer
    people: People
    organisations: Organisations
    institutions: Institutions
    parties: Parties
    roles: Roles

    @classmethod
    @cache
    def load(cls) -> KnowledgeBase:
        return cls(
            gazetteer=Gazetteer.load(),
            people=People.load(),
            organisations=Organisations.load(),
            institutions=Institutions.load(),
            parties=Parties.load(),
            roles=Roles.load(),
        )
