"""Factories of divisions, positions and the people pages."""

import factory

from tambon.core.tests.factories import OrganizationOwnedFactory, PageFactory
from tambon.people.models import (
    Division,
    OrgChartPage,
    PeopleIndexPage,
    PersonPage,
    Position,
    PositionGroup,
)


class DivisionFactory(OrganizationOwnedFactory):
    class Meta:
        model = Division
        django_get_or_create = ("organization", "name")

    name = factory.Sequence(lambda n: f"กองทดสอบ {n}")


class PositionFactory(OrganizationOwnedFactory):
    class Meta:
        model = Position
        django_get_or_create = ("organization", "title")

    title = factory.Sequence(lambda n: f"ตำแหน่งทดสอบ {n}")
    group = PositionGroup.STAFF
    rank = 10


class PeopleIndexPageFactory(PageFactory):
    class Meta:
        model = PeopleIndexPage

    title = "บุคลากร"
    slug = "people"


class OrgChartPageFactory(PageFactory):
    class Meta:
        model = OrgChartPage

    title = "โครงสร้างองค์กร"
    slug = "org-chart"


class PersonPageFactory(PageFactory):
    class Meta:
        model = PersonPage

    title = factory.Sequence(lambda n: f"บุคคล ทดสอบ{n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    name_prefix = "นาย"
    position = factory.SubFactory(PositionFactory)
    phone = "054 000 222"
