"""Evaluation against gold data: named entities (GermEval 2014), later quotes and events."""
