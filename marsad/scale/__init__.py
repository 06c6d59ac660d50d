"""Batch extraction at scale on Dask: many JSON Lines files in, one output file per partition."""

from marsad.scale.batch import BatchSummary, extract_batch

__all__ = ["BatchSummary", "extract_batch"]
