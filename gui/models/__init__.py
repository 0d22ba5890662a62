"""Qt item models (with sort/filter proxies) for reports, outline and figures."""
