"""Working records of quotation analysis (token indices into the article's Doc)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Found:
    """One attributed statement before it becomes an output Quote."""

    form: str  # direct | indirect | reported | free_indirect
    content: list[tuple[int, int]]  # token ranges, end exclusive; several when interrupted
    cue: list[int] = field(default_factory=list)  # cue tokens (verb, detached particle)
    speaker: tuple[int, int] | None = None  # token range of the speaker's words
    addressee: tuple[int, int] | None = None
    paragraph: int = -1
    marks: tuple[int, int] | None = None  # opening and closing mark tokens (direct)

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]
