"""claimcheck: find quantitative claims in news articles that cannot both be true."""

__version__ = "0.1.0"
