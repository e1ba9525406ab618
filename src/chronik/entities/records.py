"""Working records of entity analysis: readings of a mention and mentions with their features.

Token indices refer to the spaCy Doc of the article; the output model (``model.Entity``)
is written from these at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reading:
    """What a mention denotes, as far as the knowledge base or the rules can tell."""

    type: str  # PER | ORG | GPE | LOC | MISC
    name: str
    kind: str  # person | country | city | region | organisation | institution | group | unknown
    kb_id: str | None = None
    country: str | None = None
    sector: str | None = None
    person_id: str | None = None
    gender: str | None = None
    roles: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Identity for clustering: the KB id when linked, else type and name, and for an
        institution its country too (the Russian and the Iranian government are two)."""
        if self.kb_id:
            return self.kb_id
        if self.kind == "institution":
            return f"{self.type}:{self.name}:{self.country}"
        return f"{self.type}:{self.name}"


@dataclass
class Mention:
    start: int  # first token
    end: int  # token after the last
    kind: str  # name | nominal | pronoun
    sentence: int  # index into Parsed.sentences
    reading: Reading | None = None
    role: str | None = None  # role noun lemma of a nominal or apposition
    role_country: str | None = None
    role_sector: str | None = None
    # Qualifiers that make the person someone other than the office's holder ("former").
    other_holder: tuple[str, ...] = ()
    role_region: str | None = None  # "Bayern" for "der bayerische Innenminister"
    gender: str | None = None
    number: str | None = None  # sg | pl
    subject_like: bool = False
    in_pp: bool = False
    entity: int | None = None  # cluster id after coreference
    linked: set[int] = field(default_factory=set)  # mentions known to corefer (appositions)
