from django import template

from tambon.thai.dates import format_thai_date

register = template.Library()


@register.filter
def thai_date(value, style="long"):
    return format_thai_date(value, style)


@register.filter
def thai_number(value):
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


@register.filter
def thai_phone(value):
    return value
