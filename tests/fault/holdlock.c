/*
 * holdlock.c - holds a portfolio's lock for a while, as another fu command
 * would: holdlock DIR SECONDS [shared].  Takes the fcntl(2) lock on
 * DIR/.lock (exclusive unless "shared"), prints "locked" on standard output
 * once it holds it, sleeps, and exits, which releases it.
 */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int
main(int argc, char *argv[])
{
	char path[4200];
	struct flock fl;
	struct timespec ts;
	double secs;
	int fd, shared;

	if (argc < 3 || argc > 4) {
		fputs("usage: holdlock dir seconds [shared]\n", stderr);
		return 2;
	}
	shared = argc == 4 && strcmp(argv[3], "shared") == 0;
	secs = atof(argv[2]);
	snprintf(path, sizeof(path), "%s/.lock", argv[1]);
	if ((fd = open(path, (shared ? O_RDONLY : O_RDWR) | O_CREAT, 0600)) ==
	    -1) {
		perror(path);
		return 1;
	}
	memset(&fl, 0, sizeof(fl));
	fl.l_type = shared ? F_RDLCK : F_WRLCK;
	fl.l_whence = SEEK_SET;
	if (fcntl(fd, F_SETLKW, &fl) == -1) {
		perror(path);
		return 1;
	}
	puts("locked");
	fflush(stdout);
	ts.tv_sec = (time_t)secs;
	ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
	nanosleep(&ts, NULL);
	return 0;
}
