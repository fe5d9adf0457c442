# fu-stats: the retention report.
BIN += fu-stats
LIBOBJ += lib/report.o
UNIT += tests/unit/test_report
