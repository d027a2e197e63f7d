"""The clerk's admin in a browser: the dashboard's day's work links to the case list filtered
alike, the list's filter labels sit clear of their drop-downs, and both pass axe-core."""

from playwright.sync_api import expect

from e2e.harness import assert_no_axe_violations, sign_in_as_staff


def overlaps(a, b):
    return not (
        a["x"] + a["width"] <= b["x"]
        or b["x"] + b["width"] <= a["x"]
        or a["y"] + a["height"] <= b["y"]
        or b["y"] + b["height"] <= a["y"]
    )


def test_the_dashboard_leads_to_the_cases_waiting_for_acknowledgement(page, staff_member):
    sign_in_as_staff(page, staff_member)
    expect(page.get_by_role("heading", name="เรื่องของประชาชน: งานวันนี้")).to_be_visible()
    assert_no_axe_violations(page)
    page.locator(".case-tally a", has_text="รอตอบรับเรื่อง").click()
    page.wait_for_url("**/admin/cases/?state=submitted")
    assert page.locator("#id_state").input_value() == "submitted"


def test_the_filter_labels_do_not_run_into_their_drop_downs(page, staff_member):
    sign_in_as_staff(page, staff_member)
    page.goto("/admin/cases/")
    for name in ("kind", "state", "category", "division"):
        label = page.locator(f"label[for=id_{name}]").bounding_box()
        box = page.locator(f"#id_{name}").bounding_box()
        assert not overlaps(label, box), name
        assert label["y"] + label["height"] <= box["y"] + 1, name  # the label above its box
    assert_no_axe_violations(page)
