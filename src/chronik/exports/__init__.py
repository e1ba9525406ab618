"""Exports of analysed articles: PLOVER JSON Lines and a GDELT-style event table."""
