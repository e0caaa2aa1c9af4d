"""jieba's stock dictionary, read once per process.

Three parts segment Chinese with jieba: readable ids and the splitting of target lists with the stock
words only (so that an id or a split never depends on words other stages add), and the extract
pipeline with the stock words plus the policy user dictionary, on jieba's process-wide default
segmenter. Reading the dictionary costs half a second of CPU each time, in every build process; the
segmenters here all come from one reading.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def stock_segmenter() -> Any:
    """A jieba segmenter of its own with jieba's dictionary only; nobody adds words to it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    return segmenter


def default_segmenter() -> Any:
    """jieba's default segmenter (`jieba.dt`), its dictionary copied from `stock_segmenter` rather than read
    again when nothing has initialised it yet. The copy is what `initialize()` would read: the same words
    and frequencies, before any user word."""
    import jieba

    dt = jieba.dt
    with dt.lock:
        if not dt.initialized:
            stock = stock_segmenter()
            dt.FREQ, dt.total = dict(stock.FREQ), stock.total
            dt.initialized = True
    return dt
