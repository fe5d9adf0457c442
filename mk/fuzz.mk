# fuzz.mk - libFuzzer harnesses (tests/fuzz), built with clang against the
# library sources compiled again with the same sanitizers into
# tests/fuzz/obj/, apart from the normal build.
#
#   make fuzz              each harness for FUZZ_SECONDS (60), one at a time
#   make -j2 fuzz          two at a time
#   make fuzz-quick        replays the seeds and tests/fuzz/regress, then
#                          each harness for FUZZ_QUICK_SECONDS (15): for CI
#   make clean-fuzz        removes tests/fuzz/obj (part of make clean)
#
# New inputs a run finds go to tests/fuzz/obj/corpus/HARNESS, crashes to
# tests/fuzz/obj/crash/HARNESS-*; the seeds in tests/fuzz/corpus/HARNESS
# are only read.  A crash, a sanitizer report, a leak, a time-out or a
# broken invariant (abort) fails the target.

FUZZ_CC = clang
FUZZ_SECONDS ?= 60
FUZZ_QUICK_SECONDS ?= 15
FUZZ_FLAGS =
FUZZ_SKIP_KNOWN ?=
FUZZ_HARNESS = fuzz_table fuzz_date fuzz_match fuzz_template fuzz_partial \
	fuzz_vcard
FUZZ_DIR = tests/fuzz
FUZZ_OBJ = $(FUZZ_DIR)/obj
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L -g -O1 \
	-fno-omit-frame-pointer -Wall -Wextra -Ilib -I$(FUZZ_DIR) \
	-I$(FUZZ_OBJ) -DLOCALEDIR='"$(LOCALEDIR)"'
FUZZ_LIBOBJ = $(LIBOBJ:lib/%.o=$(FUZZ_OBJ)/%.o)
FUZZ_BIN = $(FUZZ_HARNESS:%=$(FUZZ_OBJ)/%)

# Inputs large enough for the job, small enough to run fast.
FUZZ_MAXLEN_fuzz_table = 65536
FUZZ_MAXLEN_fuzz_date = 64
FUZZ_MAXLEN_fuzz_match = 8192
FUZZ_MAXLEN_fuzz_template = 4096
FUZZ_MAXLEN_fuzz_partial = 8192
FUZZ_MAXLEN_fuzz_vcard = 8192

FUZZ_ENV = FUZZ_SKIP_KNOWN=$(FUZZ_SKIP_KNOWN) ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(FUZZ_OBJ)/%.o: lib/%.c $(HDR)
	@mkdir -p $(FUZZ_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
		-c -o $@ $<

# The example portfolio, as C strings: the tables fuzz_table keeps fixed.
$(FUZZ_OBJ)/fixture.h: examples/portfolio/clients.csv \
    examples/portfolio/agreements.csv examples/portfolio/log.csv
	@mkdir -p $(FUZZ_OBJ)
	{ for t in clients agreements log; do \
		printf '#define FIXTURE_%s \\\n' \
		    "$$(echo $$t | tr a-z A-Z)"; \
		sed 's/\\/\\\\/g; s/"/\\"/g; s/^/	"/; s/$$/\\n" \\/' \
		    examples/portfolio/$$t.csv; \
		printf '\t""\n'; \
	done; } >$@.tmp && mv $@.tmp $@

$(FUZZ_OBJ)/fuzz_table: $(FUZZ_OBJ)/fixture.h

$(FUZZ_BIN): $(FUZZ_OBJ)/%: $(FUZZ_DIR)/%.c $(FUZZ_DIR)/fuzz.h $(HDR) \
    $(FUZZ_LIBOBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_LIBOBJ) $(LDLIBS)

fuzz-build: $(FUZZ_BIN)

# One harness for $(1) seconds: new inputs to obj/corpus, seeds read.
define fuzz_run
	@mkdir -p $(FUZZ_OBJ)/corpus/$* $(FUZZ_OBJ)/crash
	@echo "== $* for $(1) s"
	$(FUZZ_ENV) $(FUZZ_OBJ)/$* -max_total_time=$(1) -timeout=10 \
		-max_len=$(FUZZ_MAXLEN_$*) -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_OBJ)/crash/$*- $(FUZZ_FLAGS) \
		$(FUZZ_OBJ)/corpus/$* $(FUZZ_DIR)/corpus/$* \
		2>$(FUZZ_OBJ)/$*.log || { tail -n 60 $(FUZZ_OBJ)/$*.log; exit 1; }
	@grep -E '^#[0-9]+.*DONE|^stat::' $(FUZZ_OBJ)/$*.log || true
endef

fuzz-run-%: $(FUZZ_OBJ)/%
	$(call fuzz_run,$(FUZZ_SECONDS))

fuzz-quick-%: $(FUZZ_OBJ)/% fuzz-replay-%
	$(call fuzz_run,$(FUZZ_QUICK_SECONDS))

# Every seed and every saved crasher, once each.
fuzz-replay-%: $(FUZZ_OBJ)/%
	@files=$$(find $(FUZZ_DIR)/corpus/$* $(FUZZ_DIR)/regress/$* \
	    -type f 2>/dev/null | sort); \
	echo "== $* replays $$(echo "$$files" | grep -c .) inputs"; \
	[ -z "$$files" ] || $(FUZZ_ENV) $(FUZZ_OBJ)/$* -timeout=10 \
	    $$files >$(FUZZ_OBJ)/$*.replay.log 2>&1 || \
	    { tail -n 60 $(FUZZ_OBJ)/$*.replay.log; exit 1; }

fuzz: $(FUZZ_HARNESS:%=fuzz-run-%)

fuzz-quick: $(FUZZ_HARNESS:%=fuzz-quick-%)

clean-fuzz:
	rm -rf $(FUZZ_OBJ)

.PHONY: fuzz fuzz-quick fuzz-build clean-fuzz
.PRECIOUS: $(FUZZ_OBJ)/%.o $(FUZZ_BIN)
