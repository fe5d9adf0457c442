/*
 * state.h - libfu internals shared by the derived state and the saved
 * state that lets a command read only what was appended since.
 */
#ifndef FU_STATE_H
#define FU_STATE_H

#include "fu.h"

/* What one pass keeps beyond struct fu_state: a bit for every agreement
 * and log row, and the slips of the open agreements. */
struct pass {
	struct fu_state *st;
	const struct fu_state_hooks *h;
	struct fu_idset *closed;	/* agreements a log row closed */
	struct fu_idset *named;		/* agreements a log row names */
	struct fu_idset *logs;		/* log ids seen */
	struct fu_idset *exists;	/* agreement ids seen */
	struct fu_idmap *slips;		/* open agreement -> times moved */
	const char *file;
	size_t capopen;
	const char *chan[16];		/* channels are few: shared */
	size_t nchan;
	fu_date maxdate;		/* the latest date read */
	/* Agreements whose from was past the end of the log when read: to
	 * be checked again once the log grows past it. */
	struct pending {
		uint64_t from;
		long line;
	} *pend;
	size_t npend, cappend;
	/* For an agreement hook only: the day each agreement closed, as
	 * days since 1970 plus one in 16 bits, 0 if open. */
	uint16_t *closed_day;
	size_t nclosed_day;
	struct fu_idmap *closed_far;	/* the same for ids past 2^26 and
					 * days outside 1970-2149 */
	int partial;			/* rows after asof were left out */
};

/* Notes an agreement whose from is past the end of the log. */
int fu_pass_pending(struct pass *, uint64_t from, long line);

/* cache.c: the saved state, DIR/.fu-state.  Load fills the pass and the
 * state and sets each table's start where the saved state stopped; it
 * returns -1 when there is none fit to use (then nothing is filled). */
int fu_cache_load(struct fu_portfolio *, struct pass *, fu_date asof);
int fu_cache_save(struct fu_portfolio *, const struct pass *);
void fu_cache_unmap(struct fu_state *);

#endif
