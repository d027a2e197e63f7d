"""A new organization starts with development strategies and project categories (no villages:
those are the area's own), so its residents can file proposals once the clerk adds villages."""

import pytest
from wagtail.models import Site

from tambon.composition.tests.test_create_organization import HOST, create
from tambon.core.models import Organization
from tambon.participation import starter
from tambon.participation.models import Category, Strategy, Village

from .factories import StrategyFactory

pytestmark = pytest.mark.django_db


def rows_of(organization):
    return (
        list(Strategy.objects.for_organization(organization).values_list("number", "name")),
        sorted(Category.objects.for_organization(organization).values_list("name", flat=True)),
        Village.objects.for_organization(organization).count(),
    )


def test_a_new_organization_gets_strategies_and_categories_but_no_villages(site):
    create()
    organization = Organization.for_site(Site.objects.get(hostname=HOST))
    strategies, categories, villages = rows_of(organization)
    assert strategies[0] == (1, "การพัฒนาด้านโครงสร้างพื้นฐาน")
    assert len(strategies) == 6
    assert "ถนนและทางระบายน้ำ" in categories and len(categories) == 9
    assert villages == 0

    create()  # again: nothing more
    assert rows_of(organization) == (strategies, categories, 0)


def test_an_organization_with_its_own_strategies_keeps_them(site):
    organization = Organization.for_site(site)
    StrategyFactory(number=1, name="ยุทธศาสตร์ของเราเอง")
    starter.ensure_starter_content(organization)
    strategies, categories, _villages = rows_of(organization)
    assert strategies == [(1, "ยุทธศาสตร์ของเราเอง")]
    assert len(categories) == len(starter.CATEGORIES)  # it had none: they were added
