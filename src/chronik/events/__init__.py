"""Events: PLOVER event records from German clauses."""
