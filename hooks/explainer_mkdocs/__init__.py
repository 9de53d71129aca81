"""The MkDocs adapter of the explainer core: the plugin (:mod:`.plugin`) and its options (:mod:`.config`).

The core package ``explainer`` never imports MkDocs; this package is the only one that does.
"""
