from django.template import Context, Template


def render(source, **context):
    return Template("{% load layout %}" + source).render(Context(context))


def test_a_scroll_box_is_a_named_keyboard_stop_around_its_table():
    html = render('{% scroll_box "caption-plan-" pk %}<table></table>{% endscroll_box %}', pk=7)
    assert html == (
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="caption-plan-7">'
        "<table></table></div>"
    )


def test_a_scroll_box_can_be_named_by_a_label_which_is_escaped():
    html = render("{% scroll_box label=name %}x{% endscroll_box %}", name='ตาราง "A" <b>')
    assert 'aria-label="ตาราง &quot;A&quot; &lt;b&gt;"' in html


def test_a_phone_fold_is_a_button_before_its_content():
    html = render("{% phone_fold label %}<p>ตาราง</p>{% endphone_fold %}", label="แผนภูมิ <1>")
    assert html == (
        '<details class="phone-fold"><summary class="phone-fold__button">แผนภูมิ &lt;1&gt;</summary>'
        '</details><div class="phone-fold__body"><p>ตาราง</p></div>'
    )
