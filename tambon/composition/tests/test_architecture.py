"""The layers of docs/architecture.md hold: the import-linter contract in pyproject.toml (run by
`make checks`) catches a wrong-way import, and no app has an import cycle between its modules."""

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

PROJECT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def cycles_inside(graph, app):
    """Each import cycle among the modules of `app`, as the chain of modules that closes it."""
    modules = {m for m in graph.modules if m == app or m.startswith(app + ".")}
    imports = {m: sorted(graph.find_modules_directly_imported_by(m) & modules) for m in modules}
    cycles, done = [], set()
    for start in sorted(modules):
        # Depth-first from `start`, only through modules after it, so each cycle is found once.
        stack = [(start, [start])]
        while stack:
            module, chain = stack.pop()
            for imported in imports[module]:
                if imported == start:
                    cycles.append([*chain, start])
                elif imported > start and imported not in chain and (start, imported) not in done:
                    done.add((start, imported))
                    stack.append((imported, [*chain, imported]))
    return cycles


def test_no_app_has_an_import_cycle_between_its_own_modules():
    graph = grimp.build_graph("tambon")
    apps = sorted({".".join(m.split(".")[:2]) for m in graph.modules if m.count(".") >= 1})
    cycles = [" -> ".join(chain) for app in apps for chain in cycles_inside(graph, app)]
    assert cycles == []


def test_the_cycle_check_names_the_chain_of_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("app", "app.models", "app.statistics", "app.charts"):
        graph.add_module(module)
    graph.add_import(importer="app.models", imported="app.charts")
    graph.add_import(importer="app.charts", imported="app.statistics")
    graph.add_import(importer="app.statistics", imported="app.models")
    assert cycles_inside(graph, "app") == [
        ["app.charts", "app.statistics", "app.models", "app.charts"]
    ]


def lint_imports(root):
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(PROJECT / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def project_copy(tmp_path):
    shutil.copytree(
        PROJECT / "tambon",
        tmp_path / "tambon",
        ignore=shutil.ignore_patterns("__pycache__", "locale", "static", "templates"),
    )
    return tmp_path


def test_the_layers_contract_passes_on_a_copy_of_the_project(project_copy):
    result = lint_imports(project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_a_core_module_importing_a_feature_app_breaks_the_layers_contract(project_copy):
    planted = project_copy / "tambon" / "core" / "sites.py"
    planted.write_text(planted.read_text() + "\nimport tambon.cases  # noqa\n")

    result = lint_imports(project_copy)

    assert result.returncode == 1
    assert "BROKEN" in result.stdout
    assert "tambon.core.sites -> tambon.cases" in result.stdout


def test_a_sideways_import_between_feature_apps_breaks_the_layers_contract(project_copy):
    planted = project_copy / "tambon" / "procurement" / "summary.py"
    planted.write_text(planted.read_text() + "\nfrom tambon.cases import statistics  # noqa\n")

    result = lint_imports(project_copy)

    assert result.returncode == 1
    assert "tambon.procurement.summary -> tambon.cases.statistics" in result.stdout


def test_the_home_page_offers_every_app_s_top_level_page_types():
    """HomePage names none of them: each page type declares the home page as its parent."""
    from tambon.pages.models import HomePage

    assert {model._meta.label for model in HomePage.creatable_subpage_models()} == {
        "pages.StandardPage",
        "pages.NewsIndexPage",
        "pages.ContactPage",
        "pages.SitemapPage",
        "pages.LinkPage",
        "people.PeopleIndexPage",
        "infocenter.ItaYearPage",
        "procurement.ProcurementIndexPage",
        "infocenter.InfoCenterPage",
        "infocenter.CourtRulingsPage",
        "infocenter.AntiCorruptionPage",
        "cases.CaseStatisticsPage",
        "cases.QuestionAnswerPage",
    }
