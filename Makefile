# fu - follow up on agreements, not on clients.
#
#   make                the commands
#   make check          every test, then again under ASan and UBSan
#   make test           every test, once (TESTS=... for some: see README)
#   make demo           the due list of the sample portfolio
#   make install        PREFIX=/usr/local DESTDIR=
#   make po             the message catalogues from the sources (mk/po.mk)
#   make fuzz, make fuzz-quick, make bench   (mk/fuzz.mk, mk/bench.mk)
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale
PLANSDIR = $(PREFIX)/share/fu/plans
# Where bash-completion and zsh look for completions.
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions

CC ?= cc
CFLAGS ?= -O2 -g
override CFLAGS += -std=c17 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic \
	-Ilib -DLOCALEDIR='"$(LOCALEDIR)"' -DPLANSDIR='"$(PLANSDIR)"'
LDLIBS = -lcsv -lxxhash -pthread

# The commands, one file each in cmd/; fu runs the others (fu due).
BIN = fu fu-add fu-log fu-due fu-stats fu-clients

# libfu, in the order its files build on each other (lib/priv.h).
LIBOBJ = \
	lib/err.o \
	lib/settings.o \
	lib/buf.o \
	lib/cmds.o \
	lib/mem.o \
	lib/digest.o \
	lib/strmap.o \
	lib/idmap.o \
	lib/utf8.o \
	lib/date.o \
	lib/money.o \
	lib/row.o \
	lib/dialect.o \
	lib/table.o \
	lib/file.o \
	lib/lock.o \
	lib/portfolio.o \
	lib/scan.o \
	lib/journal.o \
	lib/write.o \
	lib/clients.o \
	lib/cache.o \
	lib/state.o \
	lib/rule.o \
	lib/plan.o \
	lib/build.o \
	lib/opts.o \
	lib/print.o \
	lib/add.o \
	lib/import.o \
	lib/contact.o \
	lib/due.o \
	lib/vcard.o \
	lib/clientlist.o \
	lib/figures.o \
	lib/report.o \
	lib/partial.o
HDR = lib/fu.h lib/priv.h lib/rule_phrases.h

# The cmocka suites, one a library file or two (tests/unit).
UNIT = \
	tests/unit/test_err \
	tests/unit/test_settings \
	tests/unit/test_buf \
	tests/unit/test_strmap \
	tests/unit/test_idmap \
	tests/unit/test_date \
	tests/unit/test_money \
	tests/unit/test_utf8 \
	tests/unit/test_row \
	tests/unit/test_dialect \
	tests/unit/test_table \
	tests/unit/test_journal \
	tests/unit/test_write \
	tests/unit/test_clients \
	tests/unit/test_rule \
	tests/unit/test_scan \
	tests/unit/test_state \
	tests/unit/test_opts \
	tests/unit/test_print \
	tests/unit/test_report \
	tests/unit/test_partial \
	tests/unit/test_vcard
UNIT_UTIL = tests/unit/util.o

SAN = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer

# What the scenarios need built besides the commands (mk/fault.mk).
TEST_DEPS =

all: $(BIN)

include mk/fault.mk mk/adversary.mk mk/fuzz.mk mk/bench.mk mk/po.mk

$(LIBOBJ) $(BIN:%=cmd/%.o) $(UNIT:%=%.o) $(UNIT_UTIL): $(HDR)

# LOCALEDIR and PLANSDIR are compiled into lib/settings.o: a make install
# with another PREFIX than the build's builds it again.
lib/paths.stamp: FORCE
	@p='$(LOCALEDIR) $(PLANSDIR)'; \
	test "$$(cat $@ 2>/dev/null)" = "$$p" || echo "$$p" >$@
lib/settings.o: lib/paths.stamp
FORCE:

libfu.a: $(LIBOBJ)
	$(AR) rcs $@ $(LIBOBJ)

$(BIN): %: cmd/%.o libfu.a
	$(CC) $(LDFLAGS) -o $@ $< libfu.a $(LDLIBS)

$(UNIT): %: %.o $(UNIT_UTIL) libfu.a
	$(CC) $(LDFLAGS) -o $@ $< $(UNIT_UTIL) libfu.a $(LDLIBS) -lcmocka

# The tests, then the same tests again under ASan and UBSan, with every
# table read in parts of a row or two on every core, as only large ones
# are (lib/scan.c).
check: test
	@echo "== again under AddressSanitizer and UndefinedBehaviorSanitizer"
	@echo "== (FU_PIPE_MIN=0: every table parsed in parts on every core)"
	$(MAKE) -s clean
	FU_PIPE_MIN=0 $(MAKE) test CFLAGS='$(SAN)' \
	    LDFLAGS='-fsanitize=address,undefined'
	$(MAKE) -s clean

# TESTS picks some: a unit suite by name (test_date), a scenario by file
# name (0100-log.t), or both; all of them by default.
TESTS =
test: all $(UNIT) $(TEST_DEPS)
	@UNIT="$(UNIT)" tools/runtests $(TESTS)

# The main job on the sample portfolio, whose story is told as of that day.
demo: all
	@FU_TODAY=2026-11-23 ./fu-due -p examples/portfolio --within 7; \
	test $$? -le 1

# The include and call graph of lib/: no file may call back up.
graph: libfu.a
	@tools/depgraph

install: all install-po
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(PLANSDIR)
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)
	install -m 0644 man/*.1 $(DESTDIR)$(MANDIR)/man1
	install -m 0644 man/*.5 $(DESTDIR)$(MANDIR)/man5
	install -m 0644 man/*.7 $(DESTDIR)$(MANDIR)/man7
	for s in 1 5 7; do \
		mkdir -p $(DESTDIR)$(MANDIR)/es/man$$s && \
		install -m 0644 man/es/*.$$s $(DESTDIR)$(MANDIR)/es/man$$s || \
		exit 1; \
	done
	install -m 0644 plans/*.tsv $(DESTDIR)$(PLANSDIR)
	mkdir -p $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 0644 completion/fu.bash $(DESTDIR)$(BASHCOMPDIR)/fu
	for c in fu-add fu-log fu-due fu-stats fu-clients; do \
		ln -sf fu $(DESTDIR)$(BASHCOMPDIR)/$$c || exit 1; \
	done
	install -m 0644 completion/_fu $(DESTDIR)$(ZSHCOMPDIR)/_fu

clean: clean-fault clean-adversary clean-fuzz clean-bench clean-po
	rm -f $(BIN) libfu.a lib/*.o lib/paths.stamp cmd/*.o $(UNIT) \
	    tests/unit/*.o

.PHONY: all check test demo graph install clean FORCE
