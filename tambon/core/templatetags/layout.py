"""Layout blocks for phones, with no JavaScript. {% load layout %}

{% scroll_box "caption-id" %}<table>...</table>{% endscroll_box %}

A wide table scrolls sideways inside its own box, never the page (a 360 px phone). The box is
a keyboard stop (tabindex="0": the arrow keys scroll it) and a named region, so a screen reader
says what scrolls: named by the element whose id the arguments make when joined (the table's
caption: {% scroll_box "caption-plan-" plan.pk %}), or by label="...". One place for the
pattern; site.css styles `.table-wrap`.

{% phone_fold "Chart and tables" %}...{% endphone_fold %}

Below 480 px the content folds behind a button (a <summary>, so the browser keeps its
expanded state and it works without JavaScript); wider, the button is hidden and the content
always shown. The <details> stays empty: a closed one cannot be shown on a wide screen by CSS
in every browser, so the content is its next sibling, hidden while it is closed (site.css).
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_block_tag
def scroll_box(content, *labelledby, label=""):
    if labelledby:
        name = format_html('aria-labelledby="{}"', "".join(map(str, labelledby)))
    else:
        name = format_html('aria-label="{}"', label)
    return format_html(
        '<div class="table-wrap" tabindex="0" role="region" {}>{}</div>', name, content
    )


@register.simple_block_tag
def phone_fold(content, label):
    return format_html(
        '<details class="phone-fold"><summary class="phone-fold__button">{}</summary></details>'
        '<div class="phone-fold__body">{}</div>',
        label,
        content,
    )
