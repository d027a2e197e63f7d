"""{% remembered "name" key ... %}...{% endremembered %}: a template fragment kept in memory until
the next purge of the page cache (an editor saving anything the fragment could show).

Only for fragments with nothing per visitor in them: no CSRF token, no user, no visitor counter
figures (the counter's marker is fine: it is filled per response).
"""

from django import template

from tambon.core.pagecache import remember

register = template.Library()


class RememberedNode(template.Node):
    def __init__(self, nodelist, key_parts):
        self.nodelist = nodelist
        self.key_parts = key_parts

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # A preview shows a draft: never keep it, never show a kept live fragment.
            return self.nodelist.render(context)
        host = request.get_host()
        key = ("fragment", host, *(str(part.resolve(context)) for part in self.key_parts))
        return remember(key, lambda: self.nodelist.render(context))


@register.tag
def remembered(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% remembered %} needs a name.")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])
