/*
 * mem.h - libfu internals: large arrays.
 */
#ifndef FU_MEM_H
#define FU_MEM_H

#include <stddef.h>

/* Asks for large pages under an array of n bytes at p about to be filled:
 * first touches of fresh memory are most of the cost of a large state. */
void fu_mem_hint(void *p, size_t n);

#endif
