"""Factories of core's models, and the base of every page factory.

A page factory needs the page it goes under: ``StandardPageFactory(parent=home)``. The page is
added to the tree and published with a revision, as an editor's "Publish" would.
"""

import factory
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from tambon.core.models import FooterSettings, Organization


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"หน้าทดสอบ {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    parent = None

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            raise TypeError(f"{cls.__name__} needs parent=<the page to add it under>")
        tags = kwargs.pop("tags", ())
        page = model_class(*args, **kwargs)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page


def clear_page_tree():
    """Remove what the migrations put under the root: Wagtail's welcome page and its Site."""
    Page.objects.filter(depth=2).delete()  # a Site goes with its root page


def make_default_site(root_page, **fields):
    """The default site (the one a test client's request finds), rooted at ``root_page``."""
    fields = {"hostname": "localhost", "port": 80, "site_name": "อบต.ทดสอบ"} | fields
    return Site.objects.create(root_page=root_page, is_default_site=True, **fields)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("site",)

    name = "องค์การบริหารส่วนตำบลทดสอบ"
    short_name = "อบต.ทดสอบ"
    # ตำบลในเวียง อำเภอเมืองน่าน จังหวัดน่าน
    subdistrict_code = "550101"
    district_code = "5501"
    province_code = "55"
    address = "99 หมู่ 1 ตำบลทดสอบ"
    postal_code = "55000"
    phone = "054 000 111"
    email = "saraban@test.go.th"


class FooterSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FooterSettings
        django_get_or_create = ("site",)


class ImageFactory(factory.django.DjangoModelFactory):
    """A small PNG in Wagtail's image library."""

    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"ภาพทดสอบ {n}")
    file = factory.LazyFunction(lambda: get_test_image_file(filename="test.png"))


def default_organization():
    """The organization of the default site (the ``site`` fixture's, or an empty one)."""
    return Organization.for_site(Site.objects.get(is_default_site=True))


class OrganizationOwnedFactory(factory.django.DjangoModelFactory):
    """Rows of the default site's organization unless given ``organization=``."""

    class Meta:
        abstract = True

    organization = factory.LazyFunction(default_organization)

    @classmethod
    def _get_manager(cls, model_class):
        # get_or_create looks the organization up by its own key fields.
        return super()._get_manager(model_class).all_organizations()
