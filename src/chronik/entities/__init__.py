"""Entities: mentions, types, coreference within an article, knowledge-base links and actor codes."""  # noqa: E501
