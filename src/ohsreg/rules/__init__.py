"""Pure rule functions of each area: plain values in, typed verdicts out, each citing its clause."""
