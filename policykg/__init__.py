"""policykg: a multilingual knowledge graph of Chinese climate policy."""

__version__ = "0.1.0"
