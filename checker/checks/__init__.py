"""Check kinds: the few pieces of code that rules parameterize.

Each module defines ``KIND`` (the name rules use), ``PARAMS`` (parameter
defaults), ``PLACEHOLDERS`` (names a rule's message may use) and
``check(candidates, rule)`` yielding findings. Its docstring is the kind's
documentation: what it does, why it matters, an example.
"""

from __future__ import annotations

from types import ModuleType

from checker.checks import cumulative, part_of, parts_sum, rate, value

CHECK_KINDS: dict[str, ModuleType] = {m.KIND: m for m in (value, rate, part_of, parts_sum, cumulative)}
