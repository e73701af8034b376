"""Pure rule functions per area: plain values in, dates and verdicts out (no models, no hidden today)."""
