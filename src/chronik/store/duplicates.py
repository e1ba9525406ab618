"""Near-duplicate articles: MinHash signatures, an LSH index, groups with an original.

A wire report rewritten by ten outlets is one story, not ten. Each article's text, with
boilerplate, related-article lines and captions blanked out (the ``structure`` column
says where they are), becomes lower-cased word 5-shingles and a MinHash signature. The
signature is stored in ``minhash_signatures``, so a later run computes signatures only
for new articles; those are looked up in an LSH index rebuilt from the stored ones.
Articles whose estimated Jaccard similarity reaches the threshold join one group
(single linkage), and the earliest article (by ``published``, then by when it was
stored) is the group's original.

    update_duplicates(connection)  # inside the caller's transaction; returns new articles
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from datasketch import LeanMinHash, MinHash, MinHashLSH

DUPLICATE_THRESHOLD = 0.8  # estimated Jaccard similarity of shingle sets
NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1  # fixed, so signatures from different runs are comparable
# datasketch's hashing scheme: signatures of another scheme (or datasketch version) are
# not comparable with these, so they are computed again.
SCHEME = MinHash(num_perm=1, seed=SEED).scheme

_WORD = re.compile(r"\w+")


def content_text(text: str, structure: dict[str, Any] | None) -> str:
    """``text`` with boilerplate, related lines and captions (with credits) blanked out."""
    if not structure:
        return text
    spans: list[dict[str, Any]] = []
    spans += [item["span"] for item in structure.get("boilerplate") or []]
    spans += list(structure.get("related") or [])
    for caption in structure.get("captions") or []:
        spans += [part for part in (caption.get("span"), caption.get("credit")) if part]
    chars = list(text)
    for span in spans:
        for index in range(span["start"], min(span["end"], len(chars))):
            chars[index] = " "
    return "".join(chars)


def shingles(text: str) -> set[bytes]:
    """Lower-cased word 5-shingles; a text shorter than five words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[index : index + SHINGLE_WORDS]).encode("utf-8")
        for index in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(items: set[bytes], num_perm: int = NUM_PERM) -> LeanMinHash:
    minhash = MinHash(num_perm=num_perm, seed=SEED)
    minhash.update_batch(list(items))
    return LeanMinHash(minhash)


class _Groups:
    """Union-find over article ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        self.parent[self.find(first)] = self.find(second)

    def members(self, items: Iterable[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for item in items:
            found.setdefault(self.find(item), []).append(item)
        return found


def update_duplicates(connection: Any, threshold: float = DUPLICATE_THRESHOLD) -> int:
    """Sign the articles without a signature and regroup what they touch.

    Runs in the caller's transaction. Returns the number of newly signed articles.
    """
    new = _sign_new(connection)
    if not new:
        return 0
    stored = _stored_signatures(connection)
    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for article_id, minhash in stored.items():
        index.insert(article_id, minhash)
    groups = _existing_groups(connection)
    touched: set[str] = set()
    for article_id in new:
        minhash = stored.get(article_id)
        if minhash is None:
            continue
        for other in index.query(minhash):
            if other != article_id and minhash.jaccard(stored[other]) >= threshold:
                groups.union(article_id, other)
                touched.update((article_id, other))
    if touched:
        _write_groups(connection, groups, touched, stored)
    return len(new)


def _sign_new(connection: Any) -> list[str]:
    rows = connection.execute(
        "SELECT id, text, structure FROM articles WHERE id NOT IN "
        "(SELECT article_id FROM minhash_signatures WHERE num_perm = ? AND scheme = ?) "
        "ORDER BY id",
        [NUM_PERM, SCHEME],
    ).fetchall()
    values = []
    for article_id, text, structure in rows:
        parsed = json.loads(structure) if isinstance(structure, str) else structure
        items = shingles(content_text(text, parsed))
        hashes = [int(value) for value in signature(items).hashvalues] if items else []
        values.append(
            {
                "article_id": article_id,
                "num_perm": NUM_PERM,
                "scheme": SCHEME,
                "shingles": len(items),
                "signature": hashes,
            }
        )
    if values:
        stale = [row["article_id"] for row in values]
        connection.execute(
            "DELETE FROM minhash_signatures WHERE article_id IN (SELECT unnest(?))", [stale]
        )
        connection.execute(
            "INSERT INTO minhash_signatures BY NAME "
            "SELECT unnest(row) FROM (SELECT unnest(?) AS row)",
            [values],
        )
    return [row[0] for row in rows]


def _stored_signatures(connection: Any) -> dict[str, LeanMinHash]:
    rows = connection.execute(
        "SELECT article_id, signature FROM minhash_signatures "
        "WHERE shingles > 0 AND num_perm = ? AND scheme = ?",
        [NUM_PERM, SCHEME],
    ).fetchall()
    return {
        article_id: LeanMinHash(seed=SEED, hashvalues=hashes, scheme=SCHEME)
        for article_id, hashes in rows
    }


def _existing_groups(connection: Any) -> _Groups:
    groups = _Groups()
    for article_id, group_id in connection.execute(
        "SELECT article_id, group_id FROM duplicate_groups"
    ).fetchall():
        groups.union(article_id, group_id)
    return groups


def _write_groups(
    connection: Any, groups: _Groups, touched: set[str], stored: dict[str, LeanMinHash]
) -> None:
    """Replace the rows of every group containing a touched article."""
    roots = {groups.find(item) for item in touched}
    members = [item for item in groups.parent if groups.find(item) in roots]
    order = _storage_order(connection, members)
    rows = []
    for group in groups.members(members).values():
        ranked = sorted(group, key=order.__getitem__)
        original = ranked[0]
        # The group keeps the id of its first stored member, so it survives later growth.
        group_id = min(group, key=lambda item: order[item][2:])
        for article_id in ranked:
            similarity = stored[original].jaccard(stored[article_id])
            rows.append(
                {
                    "article_id": article_id,
                    "group_id": group_id,
                    "original_id": original,
                    "similarity": round(similarity, 4),
                }
            )
    connection.execute(
        "DELETE FROM duplicate_groups WHERE article_id IN (SELECT unnest(?))", [members]
    )
    connection.execute(
        "INSERT INTO duplicate_groups BY NAME SELECT unnest(row) FROM (SELECT unnest(?) AS row)",
        [rows],
    )


def _storage_order(connection: Any, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """Sort key per article: undated last, then by date, storage time and id."""
    rows = connection.execute(
        "SELECT id, published, analysed_at FROM articles WHERE id IN (SELECT unnest(?))", [ids]
    ).fetchall()
    return {
        article_id: (published is None, published or "", analysed_at, article_id)
        for article_id, published, analysed_at in rows
    }
