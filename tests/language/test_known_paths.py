"""The shipped morpheme paths of HanTa's lexicon: what our search finds, used only for
the lexicon they were built from."""

from __future__ import annotations

import gzip
import random
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from chronik.language.de import known_paths
from chronik.language.de.morphology import MorphologyModel


def test_shipped_table_fits_the_installed_model_and_covers_its_lexicon(hanta_model: object) -> None:
    lexicon = hanta_model.cache  # type: ignore[attr-defined]
    known = known_paths.load(lexicon)
    assert known, "the table is missing or was built from another HanTa lexicon"
    assert set(known) == set(known_paths.pairs(lexicon))


def test_a_sample_of_shipped_paths_is_what_the_search_finds(hanta_model: object) -> None:
    known = known_paths.load(hanta_model.cache)  # type: ignore[attr-defined]
    search = MorphologyModel(hanta_model).best_path
    sample = random.Random(11).sample(sorted(known), 400)
    for word, target in sample:
        assert known_paths.parse_path(known[word, target]) == tuple(search(word, target))


def test_table_of_another_lexicon_is_not_used(tmp_path: Path) -> None:
    lexicon = {"haus": [(20, -1.0)]}
    table = tmp_path / "paths.tsv.gz"
    known_paths.write(lexicon, lambda word, target: [(abs(target), len(word))], table)
    text = gzip.decompress(table.read_bytes()).decode()
    assert known_paths.read(text, known_paths.lexicon_fingerprint(lexicon)) == {
        ("haus", -20): "20:4"
    }
    other = {"haus": [(20, -1.0), (22, -3.0)]}
    assert known_paths.read(text, known_paths.lexicon_fingerprint(other)) is None


@given(
    st.dictionaries(
        st.text(alphabet="abcäöüß-", min_size=1, max_size=8),
        st.lists(st.integers(4, 60), min_size=1, max_size=3, unique=True),
        max_size=6,
    )
)
def test_written_paths_read_back_and_unknown_pairs_are_searched(
    codes: dict[str, list[int]],
) -> None:
    lexicon = {word: [(code, -1.0) for code in listed] for word, listed in codes.items()}

    def search(word: str, target: int) -> list[tuple[int, int]]:
        return [(abs(target), len(word)), (-abs(target), len(word) + 1)]

    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "paths.tsv.gz"
        known_paths.write(lexicon, search, table)
        text = gzip.decompress(table.read_bytes()).decode()
    known = known_paths.read(text, known_paths.lexicon_fingerprint(lexicon))
    assert known is not None
    searched: list[tuple[str, int]] = []

    def counting(word: str, target: int) -> list[tuple[int, int]]:
        searched.append((word, target))
        return search(word, target)

    best_path = known_paths.with_known_paths(counting, known)
    for word, target in known_paths.pairs(lexicon):
        assert tuple(best_path(word, target)) == tuple(search(word, target))
    assert searched == []
    assert tuple(best_path("unbekannt", -20)) == tuple(search("unbekannt", -20))
    assert searched == [("unbekannt", -20)]
