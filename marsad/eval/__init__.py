"""Evaluation against gold events (FORMAT.md)."""
