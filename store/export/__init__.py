"""Taking coded passages out of Parley and bringing them back in.

Exports are pure functions over :mod:`store.models` objects (meetings as a mapping or a
loader, annotations, tags), so they run without a library:
:mod:`~store.export.records` joins and filters the passages once, then
:mod:`~store.export.csv_export`, :mod:`~store.export.json_export`,
:mod:`~store.export.markdown_export` and :mod:`~store.export.qdpx_export` (REFI-QDA)
write them. :mod:`~store.export.qdpx_import` and :mod:`~store.export.share` read
passages back (from QDPX projects and from colleagues' annotation files), and
:mod:`~store.export.merge` merges them into the annotation store as an undoable batch.
"""
