"""Stage 4: search rules (Arabic folding, clitics) and the per-language Pagefind bundles."""
