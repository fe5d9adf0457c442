# adversary.mk - the driver of tests/cli/0810-cache-adversary.t, which
# edits the tables behind fu's back and compares every answer given with
# the saved state (.fu-state) to a full scan's.  It only runs the built
# commands, so it is built without the user's CFLAGS (no sanitizer of its
# own), as the fault helpers are.
ADVERSARY = tests/cache/adversary
ADVERSARY_CFLAGS = -O2 -g -std=c17 -D_POSIX_C_SOURCE=200809L -Wall -Wextra \
	-Wpedantic
TEST_DEPS += $(ADVERSARY)

$(ADVERSARY): tests/cache/adversary.c
	$(CC) $(ADVERSARY_CFLAGS) -o $@ tests/cache/adversary.c

clean-adversary:
	rm -f $(ADVERSARY)

.PHONY: clean-adversary
