"""claimcheck: find quantitative claims in news articles that cannot both be true.

Python API: ``checker.extract(text, published=None)`` returns the normalized
claims of a text (see ``checker.model.Claim``); ``checker.check(documents)``
returns the findings. Both are imported lazily so that ``import checker.model``
stays cheap for worker processes.
"""

from typing import Any

__all__ = ["extract", "check"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in __all__:
        from checker import api

        return getattr(api, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
