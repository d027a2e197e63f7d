import re

from django.template import Context, Template
from django.utils.safestring import mark_safe

from tambon.thai.line_breaks import html_with_word_breaks, text_with_word_breaks, thai_words
from tambon.thai.search_text import dictionary_words

SEED_TITLE = (
    "โครงการจัดทำแผนชุมชน (กิจกรรมสนับสนุนการจัดประชุมประชาคมเพื่อเชื่อมโยงระหว่างแผนชุมชน"
    "กับแผนพัฒนาท้องถิ่นแบบบูรณาการ) ประจำปีงบประมาณ พ.ศ. 2565"
)


def visible_text(html):
    return re.sub(r"<[^>]+>", "", html)


def breaks_between(html):
    """The text between <wbr>s, which the browser may put on different lines."""
    return re.sub(r"<(?!wbr>)[^>]+>", "", html).split("<wbr>")


def test_the_words_join_back_into_the_text():
    assert "".join(thai_words(SEED_TITLE)) == SEED_TITLE


def test_the_seed_title_never_breaks_inside_a_word():
    html = text_with_word_breaks(SEED_TITLE)
    assert visible_text(html) == SEED_TITLE
    assert '<span class="tw">บูรณาการ</span>' in html
    assert "แบบ<wbr>" in html
    words = {word for word in dictionary_words() if len(word) > 1}
    assert "บูรณาการ" in words
    pieces = breaks_between(html)
    for before, after in zip(pieces, pieces[1:], strict=False):
        # A break only where one dictionary word ends and the next begins.
        assert any(before.endswith(word) for word in words), before
        assert any(after.startswith(word) for word in words), after
    assert "บูรณ<wbr>" not in html and "<wbr>าการ" not in html


def test_plain_text_is_escaped_and_safe_html_keeps_its_tags():
    assert text_with_word_breaks("<b>แผนชุมชน</b>").startswith("&lt;b&gt;")
    html = html_with_word_breaks(
        mark_safe('<p class="lead">แผนชุมชน &amp; <a href="/x">ประชาคม</a></p>')
    )
    assert html.startswith(
        '<p class="lead">แผน<wbr><span class="tw">ชุมชน</span> &amp; <a href="/x">'
    )
    assert visible_text(html) == "แผนชุมชน &amp; ประชาคม"


def test_preformatted_text_and_other_scripts_are_left_alone():
    html = html_with_word_breaks(mark_safe("<pre>แผนชุมชน</pre> tambon 2565"))
    assert html == "<pre>แผนชุมชน</pre> tambon 2565"


def test_a_long_compound_is_left_to_the_browser_so_it_cannot_overflow_a_phone_line():
    html = text_with_word_breaks("องค์การบริหารส่วนตำบลพงษ์")
    assert '<span class="tw">องค์การบริหารส่วนตำบล</span>' not in html


def test_the_template_filter_works_on_text_and_on_rich_text():
    template = Template(
        "{% load thai %}<h1>{{ title|thai_word_breaks }}</h1>"
        "{% filter thai_word_breaks %}{{ body }}{% endfilter %}"
    )
    html = template.render(Context({"title": "แบบบูรณาการ", "body": mark_safe("<p>ประชาคม</p>")}))
    assert html == (
        '<h1>แบบ<wbr><span class="tw">บูรณาการ</span></h1><p><span class="tw">ประชาคม</span></p>'
    )
    assert (
        Template("{% load thai %}[{{ v|thai_word_breaks }}]").render(Context({"v": None})) == "[]"
    )
