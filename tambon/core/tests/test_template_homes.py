"""Templates have one kind of home: each app's templates/<app>/; the project folder keeps
only the site-wide frame (base.html) and the error pages. Core also keeps the few overrides of
Wagtail's admin templates (the dashboard's), under templates/wagtailadmin/."""

from pathlib import Path

from django.conf import settings
from django.template.loader import get_template

TAMBON = Path(settings.PROJECT_DIR)
SITE_WIDE = {"base.html", "400.html", "404.html", "500.html", "fault.html"}


def test_the_project_folder_holds_only_the_site_wide_templates():
    project = TAMBON / "templates"
    assert {p.name for p in project.iterdir()} == SITE_WIDE


def test_each_app_keeps_its_templates_under_its_own_name():
    homes = sorted(TAMBON.glob("*/templates"))
    assert homes, "no app template folders found"
    for home in homes:
        if home == TAMBON / "templates":
            continue
        app = home.parent.name
        overrides = ["wagtailadmin"] if app == "core" else []
        assert sorted(p.name for p in home.iterdir()) == sorted([app, *overrides]), home


def test_every_template_is_found_by_its_name():
    for home in TAMBON.glob("*/templates"):
        for path in home.rglob("*"):
            if path.is_file():
                name = path.relative_to(home).as_posix()
                assert get_template(name).origin.name == str(path), name
