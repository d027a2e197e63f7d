"""Build the site search index again from everything public, organization by organization.

Each organization's documents are swapped in at once (engine.replace_organization): the
search keeps answering from the old index while the new one is built.
"""

from django.core.management.base import BaseCommand, CommandError

from tambon.core.models import Organization
from tambon.search.indexing import rebuild

BAR_WIDTH = 30


class ProgressBar:
    """Progress on stderr, redrawn in place: the documents built so far (their total is
    not known before they are built), then the full bar with the count."""

    def __init__(self, label, stream, expected=None):
        self.label, self.stream, self.expected = label, stream, expected

    def write(self, text):
        self.stream.write(text, ending="")
        self.stream.flush()

    def __call__(self, count):
        if count % 50 and count != self.expected:
            return  # redraw every 50 documents: a bar, not a flood
        self.draw(count)

    def draw(self, count):
        if self.expected:
            done = min(count / self.expected, 1)
            bar = "#" * int(done * BAR_WIDTH)
            line = f"\r{self.label} [{bar:<{BAR_WIDTH}}] {count}/{self.expected}"
        else:
            line = f"\r{self.label} {count}"
        self.write(line)

    def finish(self, count):
        self.expected = self.expected or count
        self.draw(count)
        self.write("\n")


class Command(BaseCommand):
    help = "Rebuild the site search index, of one organization or of all, without a gap."

    def add_arguments(self, parser):
        parser.add_argument("--organization", type=int, help="The id of one organization.")

    def handle(self, *args, organization=None, **options):
        organizations = Organization.objects.select_related("site").order_by("pk")
        if organization is not None:
            organizations = organizations.filter(pk=organization)
            if not organizations.exists():
                raise CommandError(f"No organization with id {organization}.")
        show = options["verbosity"] > 0
        total = 0
        for org in organizations:
            bar = ProgressBar(f"{org.short_name or org.name} ({org.pk})", self.stderr)
            count = rebuild(org, progress=bar if show else None)
            if show:
                bar.finish(count)
            total += count
        if show:
            self.stdout.write(f"{total} documents indexed.")
