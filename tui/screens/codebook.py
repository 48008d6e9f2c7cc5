"""The codebook: every tag as a tree, and the passages that carry the selected one.

``topic/terrorism`` sits under ``topic``, as in qualitative-coding tools; a parent that
was never created as a tag itself still appears, as a plain branch. Each tag shows its
colour swatch, how many passages carry it and its description. The passages of the
highlighted tag (and of the tags under it) are listed on the right with meeting date,
title, speaker and the quoted text, and ``enter`` on one shows it in context.

Renaming, merging and deleting are the store's operations (they move a whole subtree and
are undoable with ``u`` on the main screen); this screen asks, then reports how many
passages were touched.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Static, Tree
from textual.widgets.tree import TreeNode

from store.codebook import is_within
from store.models import Annotation, Tag
from tui.coding import CODING_ERRORS, CodingScreen
from tui.widgets.coding.colour_picker import ColourPicker
from tui.widgets.coding.confirm import ConfirmDialog
from tui.widgets.coding.passage_list import MAX_ROWS, PassageList, one_line
from tui.widgets.coding.passage_source import annotation_items
from tui.widgets.coding.text_prompt import TextPrompt


def tag_tree(tags: list[Tag]) -> dict[str, list[str]]:
    """Children of each path in the hierarchy ("" is the root), parents implied."""
    children: dict[str, list[str]] = {"": []}
    for tag in sorted(tags, key=lambda t: t.name.casefold()):
        parts = tag.name.split("/")
        for depth in range(1, len(parts) + 1):
            path = "/".join(parts[:depth])
            parent = "/".join(parts[: depth - 1])
            if path not in children:
                children[path] = []
                children.setdefault(parent, []).append(path)
    return children


def passages_within(annotations: list[Annotation], root: str) -> list[Annotation]:
    """Annotations carrying ``root`` or any tag below it."""
    return [a for a in annotations if any(is_within(t, root) for t in a.tags)]


class CodebookScreen(CodingScreen):
    """The codebook tree with counts, and the passages of the highlighted tag."""

    HELP: ClassVar[str | None] = (
        "## Codebook\n\nKeys: j/k move, enter lists the tag's passages (enter again jumps), "
        "a add, r rename, m merge into another tag, c colour, e description, d delete, "
        "t the tag's timeline."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add tag", id="codebook.add"),
        Binding("r", "rename", "Rename", id="codebook.rename"),
        Binding("m", "merge", "Merge", id="codebook.merge"),
        Binding("c", "recolour", "Colour", id="codebook.recolour"),
        Binding("e", "describe", "Describe", id="codebook.describe"),
        Binding("d", "delete", "Delete", id="codebook.delete"),
        Binding("t", "timeline", "Timeline", id="codebook.timeline"),
        Binding("tab", "switch_pane", "Switch pane", show=False, id="codebook.switch"),
    ]

    DEFAULT_CSS = """
    CodebookScreen #panes { height: 1fr; }
    CodebookScreen #tags {
        width: 45%; min-width: 30; border-right: solid $panel; overflow-x: hidden;
    }
    CodebookScreen #right { width: 1fr; }
    CodebookScreen #detail { height: auto; max-height: 4; padding: 0 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static("Codebook", id="title")
        with Horizontal(id="panes"):
            tree: Tree[str] = Tree("Codebook", id="tags")
            tree.show_root = False
            tree.guide_depth = 2
            yield tree
            with Vertical(id="right"):
                yield Static("", id="detail")
                yield PassageList(id="passages", empty="No passages carry this tag yet.")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#tags", Tree).focus()

    # -- building the tree -------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Rebuild the tree from the store, keeping (or moving to) ``select``."""
        tree: Tree[str] = self.query_one("#tags", Tree)
        current = select or (tree.cursor_node.data if tree.cursor_node else None)
        tags = list(self.store.tags())
        self._tags = {t.name: t for t in tags}
        self._counts = dict(self.store.tag_counts())
        children = tag_tree(tags)
        tree.clear()
        nodes: dict[str, TreeNode[str]] = {}

        def add(parent: TreeNode[str], path: str) -> None:
            kids = children.get(path, [])
            label = self._label(path)
            node = (
                parent.add(label, data=path, expand=True)
                if kids
                else parent.add_leaf(label, data=path)
            )
            nodes[path] = node
            for kid in kids:
                add(node, kid)

        for top in children[""]:
            add(tree.root, top)
        n = len(tags)
        self.query_one("#title", Static).update(
            Text(
                f"Codebook — {n} tag{'s' * (n != 1)}"
                if n
                else "Codebook — no tags yet (a adds one)"
            )
        )
        target = nodes.get(current or "") or (nodes[children[""][0]] if children[""] else None)
        if target is not None:
            _ = tree.last_line  # lays the new nodes out, so move_cursor knows their lines
            tree.move_cursor(target)
            self._show(target.data)
        else:
            self._show(None)

    def _label(self, path: str) -> Text:
        tag = self._tags.get(path)
        name = path.rpartition("/")[2]
        label = Text()
        if tag is not None:
            label.append("■ ", style=tag.colour)
            label.append(name)
        else:
            label.append("  ")
            label.append(name, style="italic")
        count = self._counts.get(path, 0)
        label.append(f"  {count}", style="dim")
        below = sum(n for name, n in self._counts.items() if name.startswith(path + "/"))
        if below:
            label.append(f" +{below} below", style="dim")
        if tag is not None and tag.description:
            label.append("  " + one_line(tag.description, 50), style="dim italic")
        return label

    @property
    def selected_tag(self) -> str | None:
        """The full name of the tag under the tree cursor."""
        node = self.query_one("#tags", Tree).cursor_node
        return node.data if node is not None else None

    # -- the passages pane -------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#tags")
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        event.stop()
        self._show(event.node.data)

    @on(Tree.NodeSelected, "#tags")
    def _selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        passages = self.query_one("#passages", PassageList)
        if passages.items:
            passages.focus()

    def _show(self, name: str | None) -> None:
        detail = self.query_one("#detail", Static)
        if name is None:
            detail.update(
                Text("Tag passages with t on the main screen, or add a tag with a.", style="dim")
            )
            self.query_one("#passages", PassageList).set_items([], empty="No tags yet.")
            return
        tag = self._tags.get(name)
        found = passages_within(list(self.store.all()), name)
        head = Text()
        if tag is not None:
            head.append("■ ", style=tag.colour)
        head.append(name, style="bold")
        head.append(f"  {len(found)} passage{'s' * (len(found) != 1)}", style="dim")
        if tag is not None and tag.description:
            head.append("\n")
            head.append(tag.description, style="italic")
        detail.update(head)
        self._load_passages(found[: MAX_ROWS * 2], len(found), self.tag_colours())

    @work(thread=True, exclusive=True, group="codebook-passages")
    def _load_passages(self, found: list[Annotation], total: int, colours: dict[str, str]) -> None:
        items = annotation_items(self.library, found, colours, with_tags=True)
        self.app.call_from_thread(self.query_one("#passages", PassageList).set_items, items, total)

    def action_switch_pane(self) -> None:
        """Move focus between the tag tree and the passages."""
        tree = self.query_one("#tags", Tree)
        (self.query_one("#passages", PassageList) if tree.has_focus else tree).focus()

    # -- editing the codebook ----------------------------------------------------------

    def _need_tag(self) -> str | None:
        name = self.selected_tag
        if name is None:
            self.notify("There is no tag here yet; a adds one.", severity="warning", markup=False)
        return name

    def action_add(self) -> None:
        """Create a new tag (a name with / puts it under a parent)."""
        parent = self.selected_tag

        def done(name: str | None) -> None:
            if not name:
                return
            try:
                tag = self.store.create_tag(name)
            except CODING_ERRORS as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.reload(select=tag.name)
            self.notify(f"Added {tag.name}.", timeout=2, markup=False)

        hint = f"{parent}/" if parent else ""
        self.app.push_screen(TextPrompt("New tag (use / for a sub-tag):", hint), done)

    def action_rename(self) -> None:
        """Rename the tag (and move the tags under it)."""
        name = self._need_tag()
        if name is None:
            return

        def done(new: str | None) -> None:
            if not new or new == name:
                return
            try:
                touched = self.store.rename_tag(name, new)
            except CODING_ERRORS as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.reload(select=new)
            self.notify(
                f"Renamed {name} to {new}: {touched} passage{'s' * (touched != 1)}.", markup=False
            )

        self.app.push_screen(
            TextPrompt(Text.assemble("Rename ", (name, "bold"), " to:"), name), done
        )

    def action_merge(self) -> None:
        """Merge the tag into another one: its passages get the other tag instead."""
        name = self._need_tag()
        if name is None:
            return
        others = [t for t in self._tags if t != name]

        def done(target: str | None) -> None:
            if not target or target == name:
                return
            try:
                touched = self.store.merge_tags(name, target)
            except CODING_ERRORS as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.reload(select=target)
            passages = f"{touched} passage{'s' * (touched != 1)}"
            self.notify(f"Merged {name} into {target}: {passages}.", markup=False)

        question = Text.assemble("Merge ", (name, "bold"), " into (→ accepts a suggestion):")
        self.app.push_screen(TextPrompt(question, "", suggestions=others), done)

    def action_recolour(self) -> None:
        """Pick a new colour for the tag from the palette."""
        name = self._need_tag()
        if name is None:
            return
        tag = self._tags.get(name)

        def done(colour: str | None) -> None:
            if colour is None:
                return
            try:
                self.store.update_tag(name, colour=colour)
            except CODING_ERRORS as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.reload(select=name)

        if tag is None:
            tag = self.store.create_tag(name)  # a branch that was only implied becomes a tag
        self.app.push_screen(ColourPicker(name, tag.colour), done)

    def action_describe(self) -> None:
        """Write the tag's description (what the code means, when to use it)."""
        name = self._need_tag()
        if name is None:
            return
        tag = self._tags.get(name)

        def done(text: str | None) -> None:
            if text is None:
                return
            try:
                if name not in self._tags:
                    self.store.create_tag(name, description=text)
                else:
                    self.store.update_tag(name, description=text)
            except CODING_ERRORS as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.reload(select=name)

        current = tag.description if tag else ""
        self.app.push_screen(
            TextPrompt(Text.assemble("Description of ", (name, "bold"), ":"), current), done
        )

    def action_delete(self) -> None:
        """Delete the tag and the tags under it, after saying how many passages it touches."""
        name = self._need_tag()
        if name is None:
            return
        touched = len(passages_within(list(self.store.all()), name))
        below = [t for t in self._tags if t != name and is_within(t, name)]
        question = Text.assemble("Delete the tag ", (name, "bold"))
        if below:
            question.append(f" and the {len(below)} tag{'s' * (len(below) != 1)} under it")
        question.append(
            f"? It is on {touched} passage{'s' * (touched != 1)}; "
            "their other tags, bookmarks and notes stay. (u undoes it.)"
        )

        def done(yes: bool | None) -> None:
            if not yes:
                return
            try:
                count = self.store.delete_tag(name)
            except CODING_ERRORS as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.reload()
            self.notify(
                f"Deleted {name}: {count} passage{'s' * (count != 1)} touched.", markup=False
            )

        self.app.push_screen(ConfirmDialog(question, yes="Delete"), done)

    def coding_changed(self) -> None:
        """After undo/redo the codebook may have changed under the tree."""
        self.reload()

    def action_timeline(self) -> None:
        """Show when the passages of this tag (and the tags under it) were said."""
        name = self._need_tag()
        if name is None:
            return
        if name not in self._tags:
            name = self.store.create_tag(name).name  # an implied branch: make it a tag
        from tui.screens.analysis import AnalysisScreen

        self.app.push_screen(
            AnalysisScreen(self.library, self.store, tab="timeline", source=f"tag:{name}")
        )
