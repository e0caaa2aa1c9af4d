"""policykg: a multilingual knowledge graph of Chinese climate policy."""

__version__ = "0.1.0"

from policykg.notebook import open as open  # noqa: E402  (the notebook API; heavy imports deferred)
