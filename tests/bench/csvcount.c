/*
 * csvcount.c - the floor of a full scan: libcsv alone, with the options and
 * the read size fu uses, counting rows and fields in callbacks that do
 * nothing else.
 *
 * usage: csvcount FILE...
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>

#define CHUNK (1 << 20)

struct count {
	unsigned long long rows, fields, bytes;
};

static void
on_field(void *s, size_t n, void *arg)
{
	struct count *c = arg;

	(void)s;
	c->fields++;
	c->bytes += n;
}

static void
on_row(int ch, void *arg)
{
	struct count *c = arg;

	(void)ch;
	c->rows++;
}

static int
no_space(unsigned char ch)
{
	(void)ch;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct csv_parser p;
	struct count c = { 0, 0, 0 };
	char *buf;
	ssize_t n;
	int i, fd;

	if (argc < 2) {
		fprintf(stderr, "usage: csvcount FILE...\n");
		return 1;
	}
	if ((buf = malloc(CHUNK)) == NULL) {
		perror("csvcount: malloc");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		if ((fd = open(argv[i], O_RDONLY)) == -1) {
			fprintf(stderr, "csvcount: %s: %s\n", argv[i],
			    strerror(errno));
			return 1;
		}
		if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) !=
		    0) {
			fprintf(stderr, "csvcount: csv_init failed\n");
			return 1;
		}
		csv_set_space_func(&p, no_space);
		while ((n = read(fd, buf, CHUNK)) > 0)
			if (csv_parse(&p, buf, (size_t)n, on_field, on_row, &c) !=
			    (size_t)n) {
				fprintf(stderr, "csvcount: %s: %s\n", argv[i],
				    csv_strerror(csv_error(&p)));
				return 1;
			}
		if (n == -1 || csv_fini(&p, on_field, on_row, &c) != 0) {
			fprintf(stderr, "csvcount: %s: cannot read\n", argv[i]);
			return 1;
		}
		csv_free(&p);
		close(fd);
	}
	printf("%llu rows, %llu fields, %llu bytes in fields\n", c.rows,
	    c.fields, c.bytes);
	return 0;
}
