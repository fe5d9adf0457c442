/*
 * table.h - libfu internals shared by the reader and the writer.
 */
#ifndef FU_TABLE_H
#define FU_TABLE_H

#include <time.h>

#include "fu.h"

/* A table's header: where each file column goes, and back. */
struct fu_header {
	int ncols;		/* columns in the file; 0 before the header */
	int *colmap;		/* file column -> schema column, or -1 */
	int field[FU_MAXCOLS];	/* schema column -> file column, or -1 */
};
extern const unsigned fu_text_columns[FU_NTABLES];

/* Opens a table for reading, refusing links and non-files. */
int fu_table_open(struct fu_table_file *, int *fd, struct fu_err *);
/* Reads a table up to tf->snap bytes, sniffing its dialect and header;
 * with header_only, stops after the header. */
int fu_table_read(struct fu_table_file *, enum fu_table, struct fu_header *,
    int header_only, fu_row_cb, void *ctx, struct fu_err *);
void fu_header_free(struct fu_header *);
int fu_formula_guarded(const char *s, size_t n);
/* pipe.c: reads a table as fu_table_scan does, parsing on a second
 * thread when it is large enough to pay for one. */
int fu_table_stream(struct fu_portfolio *, enum fu_table, fu_row_cb,
    void *ctx, struct fu_err *);
/* Removes killed runs' temporary files: dir/prefix + 6 characters for
 * any of the prefixes, changed before before (0: any). */
void fu_sweep(const char *dir, const char *const *prefix, int nprefix,
    time_t before);
/* Finds the tables and notes their sizes; the caller holds the lock. */
int fu_portfolio_snap(struct fu_portfolio *, struct fu_err *);

/* One field in a dialect: CSV quoted when it must be, TSV escaped. */
int fu_field_csv(struct fu_buf *, const struct fu_dialect *, const char *s,
    size_t n);
int fu_field_tsv(struct fu_buf *, const char *s, size_t n);

/* Strings that live as long as the table they were read from. */
char *fu_arena_dup(struct fu_arena **, const char *s, size_t n);
void fu_arena_free(struct fu_arena *);

#endif
