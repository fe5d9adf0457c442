/*
 * mem.c - large arrays.  A state of a million clients fills hundreds of
 * megabytes of fresh memory, and a page fault every 4 KiB of it cost more
 * than the work done there (BENCH.md): 2 MiB pages make that 512 times
 * fewer faults and TLB misses.  Only a hint: where the system has no such
 * advice, or refuses it, nothing changes.
 */
#define _DEFAULT_SOURCE		/* MADV_HUGEPAGE, a Linux extension */
#include <stdint.h>
#include <sys/mman.h>

#include "priv.h"

#define HUGE (2UL << 20)

void
fu_mem_hint(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t from = ((uintptr_t)p + HUGE - 1) & ~(HUGE - 1);
	uintptr_t to = ((uintptr_t)p + n) & ~(HUGE - 1);

	if (p != NULL && to > from)
		(void)madvise((void *)from, to - from, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

void
fu_mem_drop(const void *p, size_t n)
{
#ifdef MADV_DONTNEED
	/* Not munmap(2): the range stays this mapping's, so that no later
	 * mapping lands in it before the whole map is unmapped. */
	if (p != NULL && n > 0)
		(void)madvise((void *)(uintptr_t)p, n, MADV_DONTNEED);
#else
	(void)p;
	(void)n;
#endif
}
