# bench.mk - "make bench": times fu on generated portfolios of 10k, 100k and
# 1M clients against wc, libcsv, mawk and Miller, and writes BENCH.md.
# About 15 minutes on an idle 2-core machine, 30 when it is shared;
# BENCH_SIZES="10000 100000" make bench for a quick one.  The knobs are in
# tests/bench/run; tests/bench/report rewrites BENCH.md from the last run.

BENCH_BIN = tests/bench/gen tests/bench/csvcount
# tests/cli/0815-state-pages.t generates a portfolio too.
TEST_DEPS += tests/bench/gen

tests/bench/gen: tests/bench/gen.c
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/bench/gen.c

# libcsv alone, as fu calls it: the floor of a full scan.
tests/bench/csvcount: tests/bench/csvcount.c
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/bench/csvcount.c -lcsv

bench: all $(BENCH_BIN)
	tests/bench/run

clean-bench:
	rm -f $(BENCH_BIN)

.PHONY: bench clean-bench
