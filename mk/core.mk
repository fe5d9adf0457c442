# Unit suites of the state and the printer.
UNIT += tests/unit/test_state tests/unit/test_print
