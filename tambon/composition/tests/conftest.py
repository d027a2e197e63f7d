"""Fixtures of the apps' own tests that the composition's tests use across apps."""

from tambon.cases.tests.conftest import starter_categories  # noqa: F401
from tambon.core.tests.test_pagecache import app, tax_notice  # noqa: F401
