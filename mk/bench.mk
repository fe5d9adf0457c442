# bench.mk - "make bench": times fu on generated portfolios of 10k, 100k and
# 1M clients against wc, mawk and Miller, and writes BENCH.md.  Takes about
# a quarter of an hour on two cores; BENCH_SIZES="10000 100000" make bench
# for a quick one.  See tests/bench/run for the knobs.
.DEFAULT_GOAL := all

BENCH_GEN = tests/bench/gen
CLEAN_HOOKS += clean-bench

$(BENCH_GEN): tests/bench/gen.c
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ tests/bench/gen.c

bench: all $(BENCH_GEN)
	tests/bench/run

clean-bench:
	rm -f $(BENCH_GEN)

.PHONY: bench clean-bench
