"""HTML → the page's own text, title, date and bold speaker labels.

Official transcripts are published as web pages whose markup says more than their text:
the speaker of each turn is set in bold (``<p><b>President of Russia Vladimir
Putin:</b> …``), the date sits in ``<time datetime>``, and the title in ``<h1>``.
General extractors (trafilatura, readability) keep the text but lose some of this, so
this module reads the page itself:

1. Markup becomes a light tree of :class:`Node` from parser *events*: libxml2's
   (via lxml's target interface, fast) or, for what libxml2 rejects, the standard
   library's. lxml's own tree is not used: libxml2 silently drops all text below 256
   (or, with ``huge_tree``, 2048) levels of nesting when it builds one. Nothing here
   recurses, and broken markup is closed as it goes.
2. The main container is chosen (``<article>``, ``<main>``, ``role=main``,
   ``itemprop=articleBody``, else ``<body>``) and page furniture is dropped: scripts,
   styles, iframes, navigation, footers, forms, hidden elements, link lists.
3. Block elements become paragraphs separated by blank lines; a bold run that opens a
   paragraph and ends in a colon becomes a label, written ``Label: text``.

Everything walks the tree with explicit stacks, so 10,000 nested tags cost no more
than 10,000 siblings.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from lxml import etree

from store.ingest.speakers import is_heading_label

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
                  "link", "meta", "param", "source", "track", "wbr"})
BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "thead", "tfoot", "tr", "ul", "caption",
})
# Elements whose whole subtree is never document text.
DROP_TAGS = frozenset({
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
    "applet", "svg", "math", "canvas", "template", "nav", "footer", "aside", "form",
    "button", "select", "option", "textarea", "input", "label", "video", "audio",
    "picture", "img", "map", "head", "title", "meta", "link", "dialog", "menu",
    # ``caption-not-text``: a photo's caption ("Lavrov speaks … REUTERS/Adnan Abidi") is
    # not the article: a quote or a name in it makes no remark and no participant. A
    # <figure> holds the photo and, on some sites (BBC), the caption as plain <p>s.
    "figcaption", "figure",
})
DROP_ROLES = frozenset({"navigation", "complementary", "banner", "contentinfo", "search",
                        "dialog", "menu", "menubar", "toolbar", "tablist", "alert"})
# Class/id words that mark furniture on most sites (the Readability idea, trimmed).
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:hidden|share|sharing|social|tooltip|breadcrumbs?|sidebar|menu|"
    r"related|comments?|advert|ads|promo|subscribe|newsletter|cookie|banner|pagination|"
    r"pager|slider|carousel|gallery|video|media|categ|tags?|taglist|masthead|popup|modal|"
    r"print_link|footer)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|sr-only|visually-hidden)(?:$|[\s_-])", re.I)
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "font", "i",
                     "kbd", "mark", "q", "s", "small", "span", "strong", "sub", "sup",
                     "time", "u"})
_CONTAINER_TAGS = frozenset({"div", "section", "ul", "ol", "table", "dl", "header"})
_SELF_CLOSING_SIBLINGS = frozenset({"li", "dt", "dd", "tr", "td", "th", "option"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TEXT_BLOCKS = _HEADINGS | {"p", "blockquote", "li"}
_BOLD = frozenset({"b", "strong"})
# ``layout-siblings``: inline elements a page lays out as separate pieces of text
# (a byline's name and outlet, a date and a clock); see :meth:`_ParagraphBuilder.gap`.
_LAYOUT_INLINE = frozenset({"span", "a", "time"})
_NO_GAP_AFTER = "([{\"'‘“«„-–—/"
# End tags are matched against at most this many open elements; an end tag with no
# opener that close is ignored. Keeps broken markup linear.
_END_TAG_SEARCH = 64
_WS = re.compile(r"[ \t\n\r\f\v\xa0\u2000-\u200a\u202f\u205f\u3000]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?")
_TITLE_SUFFIX = re.compile(r"\s+[•|–—-]\s+[^•|–—-]{1,60}$")
# fmprc.gov.cn joins title and site with "_", Türkiye's ministry with " / ".
_SITE_SUFFIX = re.compile(r"(?:_|\s+/\s+)([^_/]{1,80})$")
_PUBLISHER = re.compile(r"Department of State|Ministry of|White House|President of Russia|Kremlin")
# What may follow a bold name before the colon: "(retranslated)", "(via interpreter)".
_AFTER_BOLD = re.compile(r"\s*(\([^()\n]{1,40}\))?\s*:")
_MAX_LABEL_CHARS = 120
_MAX_LABEL_WORDS = 14
_META_BLOCK_CHARS = 200
_TITLE_PARAGRAPHS = 3  # how far down the page's own headline may already stand
_LD_SCRIPT_CHARS = 20000  # how much of a JSON-LD script is looked at
_META_BLOCK_LEVELS = 6  # how far up from the <time> the date block may reach


class Node:
    """An element: tag, attributes and children (nodes or text), nothing else."""

    __slots__ = ("attrs", "children", "parent", "tag")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent


class _TreeBuilder(HTMLParser):
    """Standard-library parser events → :class:`Node` tree, forgiving of bad markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._close_implied(tag)
        parent = self.stack[-1]
        node = Node(tag, {k: v or "" for k, v in attrs}, parent)
        parent.children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        stack = self.stack
        low = max(1, len(stack) - _END_TAG_SEARCH)
        for i in range(len(stack) - 1, low - 1, -1):
            if stack[i].tag == tag:
                del stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close_implied(self, tag: str) -> None:
        """HTML's implied end tags that matter for text: ``<p>`` ends at a block, and
        list items, table cells and definition terms end at their next sibling."""
        top = self.stack[-1].tag
        ends_paragraph = top == "p" and tag in BLOCK
        if ends_paragraph or (tag == top and tag in _SELF_CLOSING_SIBLINGS):
            self.stack.pop()


class _LxmlEvents:
    """libxml2's HTML parser as an event source (lxml "target" interface).

    About four times faster than the standard library's parser. Used only for events,
    never to build lxml's own tree: libxml2 drops the text of elements nested deeper
    than 256 levels when it builds a tree, but reports every event to a target.
    """

    def __init__(self) -> None:
        self.root = Node("#root", {}, None)
        self.stack: list[Node] = [self.root]

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        parent = self.stack[-1]
        node = Node(str(tag).lower(), dict(attrib), parent)
        parent.children.append(node)
        self.stack.append(node)

    def end(self, tag: str) -> None:
        stack = self.stack
        tag = str(tag).lower()
        low = max(1, len(stack) - _END_TAG_SEARCH)
        for i in range(len(stack) - 1, low - 1, -1):
            if stack[i].tag == tag:
                del stack[i:]
                return

    def data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def close(self) -> Node:
        return self.root


def parse_html(markup: str) -> Node:
    """The document tree of ``markup`` (never raises on bad markup).

    libxml2 (through lxml's event interface) reads it when it can; anything it rejects
    (it refuses some inputs outright) goes to the standard library's parser instead.
    """
    try:
        events = _LxmlEvents()
        parser = etree.HTMLParser(target=events, huge_tree=True, recover=True)
        parser.feed(markup)
        root = parser.close()
        if isinstance(root, Node):
            return root
    except (etree.Error, ValueError, TypeError):
        pass
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def looks_like_html(text: str, source: str = "") -> bool:
    """True for an HTML page, judged by its content (a file name only tips the balance).

    A page starts with a doctype, ``<html>``, ``<head>`` or ``<body>``, or is a fragment
    that opens with a tag and has several common HTML tags. Plain text that merely
    contains "<…>" (an omission mark in transcripts) is not HTML.
    """
    head = text[:4096].lstrip().lower()
    if not head.startswith("<"):
        return False
    if head.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml")):
        return "<html" in head or "<body" in head or "<head" in head or "<!doctype" in head
    tags = len(re.findall(r"</?(?:p|div|br|span|b|a|i|em|strong|h[1-6]|li|ul|table|article)"
                          r"\b[^>]{0,200}>", head))
    if source.lower().endswith((".htm", ".html", ".xhtml")):
        return tags >= 1
    return tags >= 3


@dataclass(slots=True)
class HtmlText:
    """What :func:`html_to_text` reads out of a page."""

    text: str
    title: str | None = None
    date: str | None = None
    labels: frozenset[str] = field(default_factory=frozenset)
    site: str | None = None  # the site's own name (og:site_name, the <title>'s tail)


def _site_name(root: Node, metas: dict[str, str]) -> str | None:
    """``site-name``: the publisher's name the page gives itself: its Open Graph site
    name ("BBC News"), else the last part of its <title> after a separator ("… |
    Politics News | Al Jazeera"). Whether it is a newsroom is the header reader's call."""
    site = _collapse(metas.get("og:site_name", ""))
    if site:
        return site
    titles = _find(root, "title")
    text = _collapse(_plain_text(titles[0])) if titles else ""
    tail = _TITLE_SUFFIX.search(text)
    return tail.group(0).strip(" •|–—-") or None if tail else None


def html_to_text(markup: str) -> HtmlText:
    """The page's main text (paragraphs separated by blank lines), title, date, labels.

    The text starts with the title line; a short block holding the publication
    ``<time>`` (date, clock, place) follows it on its own lines, as a plain-text copy of
    the page would have it. ``text`` is empty when the page has no text.
    """
    root = parse_html(markup)
    elements = list(_walk(root))  # walked once for the metas and the container
    metas = _meta_values(root, elements)
    container = _main_container(root, elements)
    dropped, lengths = _furniture(container)
    pub_time = _publication_time(container, dropped)
    title = _page_title(root, container, metas, dropped)
    date = _page_date(pub_time, metas)
    meta_block = (_meta_block(pub_time, container, dropped, lengths)
                  if pub_time is not None else None)
    skip = set(dropped)
    if meta_block is not None:
        skip.add(id(meta_block))
    paragraphs = _paragraphs(container, skip)
    header_lines: list[str] = []
    if meta_block is not None:
        header_lines = _header_lines(_paragraphs(meta_block, set(dropped)))
    paragraphs = [p for p in paragraphs if p.text]
    # ``kicker-over-h1``: a topic label over the <h1> ("Israel-Palestine conflict") leaves
    # the headline as the second paragraph; it is not written twice.
    if title and not any(p.text == title for p in paragraphs[:_TITLE_PARAGRAPHS]):
        paragraphs.insert(0, _Paragraph(title))
    if paragraphs and header_lines:
        paragraphs[0] = _Paragraph("\n".join([paragraphs[0].text, *header_lines]))
    paragraphs = _join_lone_labels(paragraphs)
    labels = frozenset(p.label for p in paragraphs if p.label)
    text = "\n\n".join(p.text for p in paragraphs)
    if not _has_words(text):
        text = ""
    return HtmlText(text=text, title=title, date=date, labels=labels,
                    site=_site_name(root, metas))


def _has_words(text: str) -> bool:
    return re.search(r"[^\W_]", text) is not None


# ---------------------------------------------------------------- tree walking


def _walk(node: Node, skip: set[int] | frozenset[int] = frozenset()):
    """Every element under ``node`` (itself included) in document order, no recursion,
    leaving out subtrees whose ``id`` is in ``skip``."""
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        if id(current) in skip:
            continue
        yield current
        stack.extend([c for c in reversed(current.children) if isinstance(c, Node)])


def _find(node: Node, tag: str) -> list[Node]:
    return [n for n in _walk(node) if n.tag == tag]


def _meta_values(root: Node, elements: list[Node] | None = None) -> dict[str, str]:
    """``<meta>`` contents by lower-cased name/property/itemprop (first one wins).

    ``elements`` is ``list(_walk(root))`` when the caller already has it."""
    values: dict[str, str] = {}
    ld: dict[str, str] = {}
    for node in _walk(root) if elements is None else elements:
        if node.tag == "script" and "ld+json" in node.attrs.get("type", "").lower():
            _ld_json_fields(_plain_text(node), ld)
        if node.tag != "meta":
            continue
        content = node.attrs.get("content", "").strip()
        for key in ("property", "name", "itemprop"):
            name = node.attrs.get(key, "").strip().lower()
            if name and content and name not in values:
                values[name] = content
    for key, value in ld.items():
        values.setdefault(key, value)
    return values


#: A JSON-LD article's headline and publication date, read as strings wherever they
#: sit (one object, a list, an @graph) without parsing the whole script.
_LD_FIELD = re.compile(r'"(headline|datePublished)"\s*:\s*"((?:[^"\\]|\\.){1,500})"')
_LD_KEYS = {"headline": "ld:headline", "datePublished": "datepublished"}


def _ld_json_fields(script: str, into: dict[str, str]) -> None:
    """``json-ld``: a NewsArticle's "headline" and "datePublished" in the page's
    ``<script type="application/ld+json">``: many news pages carry their headline and
    date there and nowhere else (no og:title, no ``<time>``). The first of each wins."""
    for m in _LD_FIELD.finditer(script[:_LD_SCRIPT_CHARS]):
        key = _LD_KEYS[m.group(1)]
        if key in into:
            continue
        try:
            value = json.loads(f'"{m.group(2)}"')
        except ValueError:
            value = m.group(2)
        if isinstance(value, str) and value.strip():
            into[key] = _collapse(value)


def _text_lengths(node: Node, skip: set[int] | frozenset[int] = frozenset(),
                  order: list[Node] | None = None) -> dict[int, tuple[int, int]]:
    """For every element under ``node``: (characters of text, characters inside links),
    computed bottom-up in one pass. ``order`` is ``list(_walk(node, skip))`` when the
    caller already has it."""
    lengths: dict[int, tuple[int, int]] = {}
    if order is None:
        order = list(_walk(node, skip))
    for element in reversed(order):
        total = links = 0
        for child in element.children:
            if isinstance(child, str):
                n = len(child.strip())
                total += n
                if element.tag == "a":
                    links += n
            elif id(child) in lengths:
                t, lk = lengths[id(child)]
                total += t
                links += t if element.tag == "a" else lk
        lengths[id(element)] = (total, links)
    return lengths


def _main_container(root: Node, elements: list[Node] | None = None) -> Node:
    """The element that holds the article: the longest ``<article>``, else ``<main>``
    or ``role=main``, else the article body, else ``<body>`` (or the whole fragment).

    ``elements`` is ``list(_walk(root))`` when the caller already has it."""
    if elements is None:
        elements = list(_walk(root))
    lengths = _text_lengths(root, order=elements)

    def longest(nodes: list[Node]) -> Node | None:
        nodes = [n for n in nodes if lengths.get(id(n), (0, 0))[0] > 0]
        return max(nodes, key=lambda n: lengths[id(n)][0]) if nodes else None

    for pick in (
        [n for n in elements if n.tag == "article"],
        [n for n in elements if n.tag == "main" or n.attrs.get("role") == "main"],
        [n for n in elements if n.attrs.get("itemprop", "").lower() == "articlebody"],
        [n for n in elements if n.tag == "body"],
    ):
        found = longest(pick)
        if found is not None:
            return _with_headline(found, elements, lengths)
    return root


def _with_headline(
    found: Node, elements: list[Node], lengths: dict[int, tuple[int, int]]
) -> Node:
    """``article-with-headline``: the container and the page's one ``<h1>`` together.

    A page may set its headline, byline, place and date above the ``<article>`` that
    holds the words (the State Department's pages do); the record's header is then the
    headline's block. The nearest element holding both is taken when it adds little
    text (a header, not a sidebar): at most half the article's text and 2,000
    characters more.
    """
    headlines = [n for n in elements if n.tag == "h1" and lengths.get(id(n), (0, 0))[0]]
    if len(headlines) != 1:
        return found
    above: set[int] = set()
    node: Node | None = headlines[0]
    while node is not None:
        above.add(id(node))
        node = node.parent
    if id(found) in above:
        return found  # the container holds the headline already
    common = found
    while common is not None and id(common) not in above:
        common = common.parent
    if common is None or common.tag in ("html", "#root"):
        return found
    size, own = lengths.get(id(common), (0, 0))[0], lengths.get(id(found), (0, 0))[0]
    return common if size - own <= min(own // 2, 2000) else found


def _is_furniture(node: Node) -> bool:
    """True for an element that is page furniture by its tag or attributes alone."""
    if node.tag in DROP_TAGS:
        return True
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if attrs.get("role", "").lower() in DROP_ROLES:
        return True
    style = attrs.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    # ``data-marks``: newer news sites name their blocks in data attributes rather than
    # classes ('data-testid="promo-box"', 'data-component="newsletter-signup"').
    marks = (f"{attrs.get('class', '')} {attrs.get('id', '')} "
             f"{attrs.get('data-testid', '')} {attrs.get('data-component', '')}")
    if node.tag in _INLINE:  # a speaker's name may be a link styled "person_tag"
        rel = attrs.get("rel", "").lower().split()
        return _HIDDEN_CLASS.search(marks) is not None or "category" in rel or "tag" in rel
    return node.tag != "body" and _FURNITURE.search(marks) is not None


def _furniture(container: Node) -> tuple[set[int], dict[int, tuple[int, int]]]:
    """Ids of the subtrees under ``container`` that are not the page's text: furniture
    by tag or attribute, and blocks that are mostly links (tag lists, "see also"); and
    the text lengths of what is kept."""
    dropped = {id(n) for n in _walk(container) if n is not container and _is_furniture(n)}
    order = list(_walk(container, dropped))
    lengths = _text_lengths(container, dropped, order)
    anchors = _anchor_counts(order)
    for node in _walk(container, dropped):
        if node is container or node.tag not in _CONTAINER_TAGS:
            continue
        total, links = lengths.get(id(node), (0, 0))
        if total and links * 2 >= total and anchors.get(id(node), 0) >= 2:
            dropped.add(id(node))
    return dropped, lengths


def _anchor_counts(order: list[Node]) -> dict[int, int]:
    """``one-link-byline``: how many links each element holds, bottom-up in one pass.

    A block that is mostly link text is a list of links (tags, "see also") only when it
    holds two or more: a page's byline block ("<a>Ned Price, Department
    Spokesperson</a>", then the place and the date) is one linked name, and it is the
    record's header.
    """
    counts: dict[int, int] = {}
    for element in reversed(order):
        n = 1 if element.tag == "a" else 0
        for child in element.children:
            if not isinstance(child, str):
                n += counts.get(id(child), 0)
        counts[id(element)] = n
    return counts


def _publication_time(container: Node, dropped: set[int]) -> Node | None:
    """The ``<time>`` that dates the page: one marked as the publication date, else the
    first ``<time>`` with a ``datetime`` in the article."""
    times = [n for n in _walk(container, dropped) if n.tag == "time"]
    for node in times:
        marks = f"{node.attrs.get('itemprop', '')} {node.attrs.get('class', '')}".lower()
        if "datepublished" in marks or "publish" in marks or "pubdate" in node.attrs:
            return node
    return next((n for n in times if n.attrs.get("datetime")), None)


def _page_date(pub_time: Node | None, metas: dict[str, str]) -> str | None:
    """ISO date of the page from its ``<time datetime>`` or publication metadata."""
    values = []
    if pub_time is not None:
        values.append(pub_time.attrs.get("datetime", ""))
    for key in ("article:published_time", "datepublished", "og:published_time",
                "date", "dc.date", "dc.date.issued", "dcterms.date", "pubdate",
                "publish-date", "sailthru.date", "parsely-pub-date"):
        values.append(metas.get(key, ""))
    for value in values:
        match = _ISO_DATE.search(value)
        if match and 1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(3)) <= 31:
            return match.group(0)
    return None


def _page_title(root: Node, container: Node, metas: dict[str, str],
                dropped: set[int]) -> str | None:
    """The page's own title: its ``<h1>``, else the Open Graph title, else ``<title>``
    without the site name after a separator ("… • President of Russia")."""
    for node in _walk(container, dropped):
        if node.tag == "h1":
            text = _collapse(_plain_text(node))
            if text:
                return text
    og = _collapse(
        metas.get("og:title", "") or metas.get("twitter:title", "") or metas.get("ld:headline", "")
    )
    if og:
        # ``og-site-suffix``: "… - United States Department of State" names the site.
        suffix = _TITLE_SUFFIX.search(og)
        if suffix and _PUBLISHER.search(suffix.group(0)):
            return og[: suffix.start()]
        return og
    titles = _find(root, "title")
    if titles:
        text = _collapse(_plain_text(titles[0]))
        if text:
            site = _SITE_SUFFIX.search(text)
            if site and _PUBLISHER.search(site.group(1)):
                text = text[: site.start()]  # ``site-suffix``: "…_Ministry of Foreign …"
            return _TITLE_SUFFIX.sub("", text) or text
    return None


def _plain_text(node: Node) -> str:
    parts: list[str] = []
    stack: list[Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        else:
            stack.extend(reversed(item.children))
    return "".join(parts)


def _collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _meta_block(pub_time: Node, container: Node, dropped: set[int],
                lengths: dict[int, tuple[int, int]]) -> Node | None:
    """The short block around the publication time (date, clock, place), which a plain
    copy of the page shows under the title; ``None`` if the time is inside the text."""
    node = pub_time
    for _level in range(_META_BLOCK_LEVELS):
        parent = node.parent
        if (parent is None or parent is container
                or lengths.get(id(parent), (10**9, 0))[0] > _META_BLOCK_CHARS
                or any(n.tag in _TEXT_BLOCKS for n in _walk(parent, dropped))):
            break
        node = parent
    if node.tag in ("p", "li") or lengths.get(id(node), (0, 0))[0] > _META_BLOCK_CHARS:
        return None
    return node


def _header_lines(paragraphs: list[_Paragraph]) -> list[str]:
    """Lines of the date block; a bare clock joins the date before it
    ("February 21, 2013" + "16:00" → "February 21, 2013, 16:00")."""
    lines: list[str] = []
    for p in paragraphs:
        for line in p.text.split("\n"):
            if not line:
                continue
            if lines and _CLOCK.fullmatch(line):
                lines[-1] = f"{lines[-1]}, {line}"
            else:
                lines.append(line)
    return lines


# ---------------------------------------------------------------- paragraphs


@dataclass(slots=True)
class _Paragraph:
    text: str
    label: str | None = None


class _ParagraphBuilder:
    """Collects inline text into paragraphs, noting a bold run that opens one."""

    def __init__(self) -> None:
        self.paragraphs: list[_Paragraph] = []
        self.parts: list[str] = []
        self.bold_depth = 0
        self.bold_opened_paragraph = False
        self.bold_text: str | None = None
        self.bullet = False
        self.pending_gap = False

    def has_text(self) -> bool:
        return any(p.strip() for p in self.parts)

    def gap(self) -> None:
        """``layout-siblings``: one inline element ends and a sibling element starts
        with no text between them in the source (``<span>Paul Kirby</span><span>BBC
        News</span>``). A page lays out such pieces as separate words, so a space goes
        between them when the next one starts a new word (a capital or a digit) after
        a word or punctuation. A word split by markup (``<span>Pres</span><span>ident
        </span>``) goes on lowercase and stays whole; text that follows an element
        (``<a>link</a>,``, ``<b>Pres</b>ident``) is never a gap."""
        self.pending_gap = True

    def _fill_gap(self, data: str) -> None:
        self.pending_gap = False
        last = next((p for p in reversed(self.parts) if p), "")
        if not data or not last or last[-1].isspace() or last[-1] in _NO_GAP_AFTER:
            return
        if data[0].isupper() or data[0].isdigit():
            self.parts.append(" ")

    def text(self, data: str, pre: bool = False) -> None:
        if self.pending_gap and data:
            self._fill_gap(data)
        if pre:
            lines = data.split("\n")
            for i, line in enumerate(lines):
                if i:
                    self.parts.append("\n")
                self.parts.append(_WS.sub(" ", line))
        else:
            self.parts.append(_WS.sub(" ", data))

    def line_break(self) -> None:
        self.parts.append("\n")

    def open_bold(self) -> None:
        if self.bold_depth == 0:
            if not self.has_text():
                self.bold_opened_paragraph = True
                self.parts = []
            elif self.bold_text is not None and self._only_space_since_bold():
                self.bold_text = None  # "<b>President of X </b><a><b>Name</b></a>": one run
        self.bold_depth += 1

    def close_bold(self) -> None:
        self.bold_depth = max(0, self.bold_depth - 1)
        if self.bold_depth == 0 and self.bold_opened_paragraph and self.bold_text is None:
            self.bold_text = "".join(self.parts)

    def _only_space_since_bold(self) -> bool:
        assert self.bold_text is not None
        return not "".join(self.parts)[len(self.bold_text):].strip()

    def end(self) -> None:
        """Finish the paragraph being built (if it has any text)."""
        raw = "".join(self.parts)
        lines = [" ".join(line.split(" ")).strip() for line in raw.split("\n")]
        lines = [re.sub(r" {2,}", " ", line) for line in lines if line.strip()]
        text = "\n".join(lines)
        if text:
            label = None
            if self.bold_text is not None:
                label, text = _split_label(_collapse(self.bold_text), text)
            if self.bullet and label is None:
                text = f"- {text}"
            self.paragraphs.append(_Paragraph(text, label))
        self.parts = []
        self.bold_opened_paragraph = False
        self.bold_text = None
        self.bullet = False


def _split_label(bold: str, text: str) -> tuple[str | None, str]:
    """``("Label", "Label: rest")`` when the paragraph opens with a bold run that ends
    with a colon (inside or just after the bold), else ``(None, text)``."""
    if not bold or not text.startswith(bold):
        return None, text
    rest = text[len(bold):]
    if bold.endswith(":"):
        name = bold[:-1].strip()
    elif (after := _AFTER_BOLD.match(rest)) is not None:
        name = f"{bold.strip()} {after.group(1)}" if after.group(1) else bold.strip()
        rest = rest[after.end():]
    else:
        return None, text
    if not _plausible_label(name):
        return None, text
    rest = rest.strip()
    return name, f"{name}: {rest}" if rest else f"{name}:"


def _plausible_label(name: str) -> bool:
    """A speaker label is a short name or title, not a sentence."""
    return (
        0 < len(name) <= _MAX_LABEL_CHARS
        and len(name.split()) <= _MAX_LABEL_WORDS
        and _has_words(name)
        and "\n" not in name
        and not name.endswith((".", "!", "?", ":"))
    )


def _paragraphs(container: Node, skip: set[int]) -> list[_Paragraph]:
    """The container's text as paragraphs, one per block element, walking with an
    explicit stack of (node, entering) pairs."""
    builder = _ParagraphBuilder()
    stack: list[tuple[Node | str, bool]] = [(container, True)]
    pre_depth = 0
    while stack:
        item, entering = stack.pop()
        if isinstance(item, str):
            builder.text(item, pre=pre_depth > 0)
            continue
        tag = item.tag
        if entering:
            if id(item) in skip:
                continue
            if tag in BLOCK or tag in _HEADINGS:
                builder.end()
                if tag == "li":
                    builder.bullet = True
            elif tag == "br":
                builder.line_break()
            elif tag in ("td", "th"):
                builder.text(" ")
            elif tag in _BOLD:
                builder.open_bold()
            if tag == "pre":
                pre_depth += 1
            stack.append((item, False))
            stack.extend((c, True) for c in reversed(item.children))
        else:
            if tag in _LAYOUT_INLINE and _layout_sibling_next(item, stack):
                builder.gap()
            if tag in _BOLD:
                builder.close_bold()
            elif tag in BLOCK or tag in _HEADINGS:
                builder.end()
            if tag == "pre":
                pre_depth -= 1
    builder.end()
    return builder.paragraphs


def _layout_sibling_next(node: Node, stack: list[tuple[Node | str, bool]]) -> bool:
    """True when the next thing walked after ``node`` is a sibling layout element
    (``</span><span>``), no text between them; a single-letter element (a drop cap,
    ``<span>M</span><span>OSCOW</span>``) is part of the word after it."""
    if not stack:
        return False
    nxt, entering = stack[-1]
    return (
        entering
        and isinstance(nxt, Node)
        and nxt.tag in _LAYOUT_INLINE
        and nxt.parent is node.parent
        and len(_plain_text(node).strip()) > 1
    )


_LABEL_LEAD = re.compile(r"^[^\n:]{1,80}:\s")


def _heading_over_prose(label: str, following: str) -> bool:
    """``bold-heading-alone``: a bold topic heading ("Russia-Africa Summit:") over a
    paragraph of prose stays a paragraph of its own, as a heading; over a paragraph
    that opens with a label of its own it is joined as any lone label is."""
    return is_heading_label(label) and not _LABEL_LEAD.match(following)


def _join_lone_labels(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """A label alone in its paragraph belongs to the paragraph after it."""
    out: list[_Paragraph] = []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if (
            p.label
            and p.text == f"{p.label}:"
            and nxt is not None
            and nxt.label is None
            and not _heading_over_prose(p.label, nxt.text)
        ):
            out.append(_Paragraph(f"{p.label}: {nxt.text}", p.label))
            i += 2
            continue
        out.append(p)
        i += 1
    return out
