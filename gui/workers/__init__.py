"""Background work: the one worker abstraction (``task.Task``) and the tasks built on it."""
