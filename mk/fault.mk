# fault.mk - the fault-injection shim and the lock holder that the scenarios
# tests/cli/06*.t use.  Both are built without the user's CFLAGS: the shim
# is preloaded into the commands, sanitized or not, and must not bring a
# sanitizer runtime of its own.

FAULT = tests/fault/inject.so tests/fault/holdlock
FAULT_CFLAGS = -O2 -g -std=c17 -Wall -Wextra
TEST_DEPS += $(FAULT)

tests/fault/inject.so: tests/fault/inject.c
	$(CC) $(FAULT_CFLAGS) -fPIC -shared -o $@ tests/fault/inject.c -ldl

tests/fault/holdlock: tests/fault/holdlock.c
	$(CC) $(FAULT_CFLAGS) -o $@ tests/fault/holdlock.c

clean-fault:
	rm -f $(FAULT)

.PHONY: clean-fault
