"""The benchmark scripts of ``bench/`` loaded as modules, for the tests of their arithmetic.

``bench/`` is a folder of scripts, not a package: each is run as ``python bench/<name>.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from serverkit import REPO

BENCH = REPO / "bench"


def load(name: str) -> ModuleType:
    """bench/<name>.py as the module ``bench_<name>`` (registered first: dataclasses look
    their module up while the script is being executed)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
