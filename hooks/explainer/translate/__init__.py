"""Stage 2: Article -> gettext units and PO catalogs (segment, catalog, workflow, interface strings)."""
