"""The review workflow, built into the main window (``integration.ReviewKit``): the controller
that turns keys into ``core.review.ops`` operations, the one undo command, actions and menus,
in-place editing, the history dock, section edits and export."""
