"""The clerk's admin works under the production Content Security Policy: the page editor's image
chooser and Buddhist-Era date box, and a listing's date filter, with no script refused by
Chromium."""

import re

import serverkit
from e2e.harness import sign_in_as_staff, watch_page

FIRST_NEWS = """
import json
from tambon.pages.models import NewsPage
print(json.dumps(NewsPage.objects.live().order_by("pk").values_list("pk", flat=True).first()))
"""


def test_a_clerk_picks_a_cover_image_and_filters_by_date_without_a_refused_script(
    browser, base_url, staff_member, e2e_server
):
    context = browser.new_context(base_url=base_url, locale="th-TH")
    page = context.new_page()
    watch = watch_page(page, base_url)
    sign_in_as_staff(page, staff_member)

    page.goto(f"/admin/pages/{serverkit.django_snippet(e2e_server.env, FIRST_NEWS)}/edit/")
    cover = page.locator("#id_cover_image-chooser")
    cover.locator(".w-dropdown__toggle").click()  # the demo news has a cover: "change image"
    cover.locator("[data-chooser-action-choose]:visible").click()
    page.locator(".modal [data-chooser-modal-choice]").first.click()
    page.wait_for_selector(".modal", state="hidden")
    assert cover.locator("[data-chooser-title]").inner_text().strip()
    # The news date is typed in the Buddhist Era (core/admin_dates.py): no picker, no script.
    date = page.locator("input[name=date]")
    assert re.fullmatch(r"\d{1,2}/\d{2}/25\d\d", date.input_value())
    date.fill("14/03/2565")
    assert date.input_value() == "14/03/2565"

    page.goto("/admin/reports/site-history/")
    page.locator("#filters-drilldown .w-slim-header-action-button").click()
    page.locator("button[aria-controls=drilldown-id_timestamp]").click()
    page.locator("input[name=timestamp_from]").click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()

    refused = [error for error in watch.console_errors if "Content Security Policy" in error]
    assert not refused, "\n".join(refused)
    watch.assert_clean()
    context.close()
