"""Stage 3: Article + translations -> pages (article pages, explainer layer, publishing metadata, export)."""
