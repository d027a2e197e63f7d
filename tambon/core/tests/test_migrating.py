"""The data-migration step that gives a permission to the groups holding a role."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission

from tambon.core.migrating import permission_for_role_holders

pytestmark = pytest.mark.django_db


def _group_with(name, codename):
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="cases", codename=codename)
    )
    return group


def test_only_the_groups_holding_the_role_get_the_permission_and_lose_it_on_the_way_back():
    admins = _group_with("ผู้ดูแลเรื่องร้องเรียนของ อบต.ก", "role_admin")
    officers = _group_with("เจ้าหน้าที่ อบต.ก", "role_clerk")
    grant, revoke = permission_for_role_holders(
        "cases", "role_admin", "casesettings", "change_casesettings", "Can change case rules"
    )

    grant(apps, None)
    assert admins.permissions.filter(codename="change_casesettings").exists()
    assert not officers.permissions.filter(codename="change_casesettings").exists()

    revoke(apps, None)
    assert not admins.permissions.filter(codename="change_casesettings").exists()
    assert admins.permissions.filter(codename="role_admin").exists()
