"""Ingest: read articles from files, folders, feeds, URLs and stdin, extract events, store them.

    from marsad.ingest import iter_articles, ingest
    summary = ingest(["feeds/", "story.txt"], store, published="2025-08-22", workers=4)
"""

from marsad.ingest.article import Article, Skipped
from marsad.ingest.runner import IngestSummary, ingest
from marsad.ingest.sources import iter_articles

__all__ = ["Article", "Skipped", "IngestSummary", "ingest", "iter_articles"]
