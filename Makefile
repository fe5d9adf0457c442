# fu - follow up on agreements, not on clients.
PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
LOCALEDIR = $(PREFIX)/share/locale

CC ?= cc
CFLAGS ?= -O2 -g
override CFLAGS += -std=c17 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wpedantic \
	-Ilib -DLOCALEDIR='"$(LOCALEDIR)"'
LDLIBS = -lcsv -pthread

BIN = fu-add fu-log fu-due
LIBOBJ = lib/err.o lib/date.o lib/money.o lib/utf8.o lib/table.o lib/row.o \
	lib/portfolio.o lib/write.o lib/lock.o lib/idmap.o lib/clients.o \
	lib/rule.o lib/state.o lib/print.o lib/due.o lib/contact.o lib/cache.o \
	lib/mem.o lib/pipe.o
UNIT = tests/unit/test_date tests/unit/test_money tests/unit/test_utf8 \
	tests/unit/test_table tests/unit/test_write tests/unit/test_clients \
	tests/unit/test_rule tests/unit/test_pipe
HDR = lib/fu.h lib/table.h lib/state.h lib/mem.h lib/rule_phrases.h
SAN = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer

# Fragments (mk/*.mk) add to BIN, LIBOBJ, UNIT (cmocka suites) and
# TEST_DEPS (what the scenarios need built), and define their own targets.
TEST_DEPS =
include $(wildcard mk/*.mk)

all: $(BIN)

$(LIBOBJ) $(BIN:%=cmd/%.o) $(UNIT:%=%.o): $(HDR)

libfu.a: $(LIBOBJ)
	$(AR) rcs $@ $(LIBOBJ)

$(BIN): %: cmd/%.o libfu.a
	$(CC) $(LDFLAGS) -o $@ $< libfu.a $(LDLIBS)

$(UNIT): %: %.o libfu.a
	$(CC) $(LDFLAGS) -o $@ $< libfu.a $(LDLIBS) -lcmocka

# The tests, then the same tests again under ASan and UBSan, with every
# table read on two threads as only large ones are (lib/pipe.c).
check: test
	@echo "== again under AddressSanitizer and UndefinedBehaviorSanitizer"
	@echo "== (FU_PIPE_MIN=0: every table parsed on a second thread)"
	$(MAKE) -s clean
	FU_PIPE_MIN=0 $(MAKE) test CFLAGS='$(SAN)' \
	    LDFLAGS='-fsanitize=address,undefined'
	$(MAKE) -s clean

test: all $(UNIT) $(TEST_DEPS)
	@fail=0; for t in $(UNIT); do ./$$t || fail=1; done; \
	tests/cli/run || fail=1; exit $$fail

# The main job on the sample portfolio, whose story is told as of that day.
demo: all
	@FU_TODAY=2026-11-23 ./fu-due -p examples/portfolio --within 7; \
	test $$? -le 1

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)
	install -m 0644 man/*.1 $(DESTDIR)$(MANDIR)/man1
	install -m 0644 man/*.5 $(DESTDIR)$(MANDIR)/man5
	install -m 0644 man/*.7 $(DESTDIR)$(MANDIR)/man7

clean: $(CLEAN_HOOKS)
	rm -f $(BIN) libfu.a lib/*.o cmd/*.o $(UNIT) tests/unit/*.o

.PHONY: all check test demo install clean
