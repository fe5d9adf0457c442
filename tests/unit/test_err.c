/*
 * test_err.c - err.c: errors filled by the library, and printed by
 * fu_fail compiler-style, "prog: file:line: message", with the errno text
 * and the note that nothing was written; the exit status each returns.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util.h"

static int
setup(void **state)
{
	fu_progname = "fu-test";
	return util_setup(state);
}

#define teardown util_teardown

/* Prints e with fu_fail; expects the status want and exactly the line
 * text on stderr. */
static void
check_fail(const struct fu_err *e, int want, const char *text)
{
	char *got;
	int rc;

	catch_begin(STDERR_FILENO, "stderr");
	rc = fu_fail(e);
	got = catch_end(STDERR_FILENO, "stderr");
	if (strcmp(got, text) != 0)
		fail_msg("fu_fail printed \"%s\", want \"%s\"", got, text);
	free(got);
	assert_int_equal(rc, want);
}

static void
test_err_usage_is_code_2_and_names_no_file(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	assert_int_equal(fu_err_usage(&e, "\"%s\" is not a date", "someday"),
	    -1);
	assert_int_equal(e.code, FU_EXIT_USAGE);
	assert_string_equal(e.file, "");
	assert_int_equal(e.line, 0);
	assert_int_equal(e.errnum, 0);
	assert_int_equal(e.unwritten, 0);
	assert_string_equal(e.text, "\"someday\" is not a date");
	check_fail(&e, 2, "fu-test: \"someday\" is not a date\n");
}

static void
test_err_data_names_the_file_and_line(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	assert_int_equal(fu_err_data(&e, "clients.csv", 12, "%s is empty",
	    "name"), -1);
	assert_int_equal(e.code, FU_EXIT_DATA);
	assert_string_equal(e.file, "clients.csv");
	assert_int_equal(e.line, 12);
	assert_int_equal(e.errnum, 0);
	check_fail(&e, 3, "fu-test: clients.csv:12: name is empty\n");
	/* No line: the file alone. */
	assert_int_equal(fu_err_data(&e, "log.tsv", 0, "no header"), -1);
	check_fail(&e, 3, "fu-test: log.tsv: no header\n");
	/* No file: the message alone (as for two tables of one name). */
	assert_int_equal(fu_err_data(&e, NULL, 7, "both clients.csv and "
	    "clients.tsv are in p: keep one"), -1);
	assert_string_equal(e.file, "");
	check_fail(&e, 3, "fu-test: both clients.csv and clients.tsv are in "
	    "p: keep one\n");
}

static void
test_err_io_adds_the_errno_text(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	assert_int_equal(fu_err_io(&e, "log.csv", ENOSPC, "cannot append"), -1);
	assert_int_equal(e.code, FU_EXIT_IO);
	assert_string_equal(e.file, "log.csv");
	assert_int_equal(e.line, 0);
	assert_int_equal(e.errnum, ENOSPC);
	check_fail(&e, 4, "fu-test: log.csv: cannot append: No space left on "
	    "device\n");
	/* No errno: no text for it. */
	assert_int_equal(fu_err_io(&e, "/p/.lock", 0, "cannot lock"), -1);
	check_fail(&e, 4, "fu-test: /p/.lock: cannot lock\n");
	/* No file. */
	assert_int_equal(fu_err_io(&e, NULL, EACCES, "cannot read"), -1);
	check_fail(&e, 4, "fu-test: cannot read: Permission denied\n");
}

static void
test_err_says_when_nothing_was_written(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	fu_err_io(&e, "log.csv", ENOSPC, "cannot append");
	e.unwritten = 1;
	check_fail(&e, 4, "fu-test: log.csv: cannot append: No space left on "
	    "device; nothing was written\n");
	fu_err_data(&e, "agreements.csv", 4, "id \"x\" is not an id");
	assert_int_equal(e.unwritten, 0);	/* a new error forgets it */
	e.unwritten = 1;
	check_fail(&e, 3, "fu-test: agreements.csv:4: id \"x\" is not an id; "
	    "nothing was written\n");
	fu_err_usage(&e, "refused");
	assert_int_equal(e.unwritten, 0);
	e.unwritten = 1;
	check_fail(&e, 2, "fu-test: refused; nothing was written\n");
}

static void
test_err_nomem_is_an_io_error(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	e.unwritten = 1;
	e.line = 9;
	assert_int_equal(fu_err_nomem(&e), -1);
	assert_int_equal(e.code, FU_EXIT_IO);
	assert_string_equal(e.file, "");
	assert_int_equal(e.line, 0);
	assert_int_equal(e.errnum, 0);
	assert_int_equal(e.unwritten, 0);
	assert_string_equal(e.text, "out of memory");
	check_fail(&e, 4, "fu-test: out of memory\n");
}

static void
test_err_fail_of_an_unfilled_error_is_a_usage_error(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	check_fail(&e, 2, "fu-test: \n");
}

static void
test_err_cuts_long_names_and_messages_to_fit(void **state)
{
	struct fu_err e = { 0 };
	char name[600], text[3000];

	(void)state;
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	memset(text, 't', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	assert_int_equal(fu_err_data(&e, name, 1, "%s", text), -1);
	assert_int_equal(strlen(e.file), sizeof(e.file) - 1);
	assert_int_equal(strlen(e.text), sizeof(e.text) - 1);
	assert_memory_equal(e.file, name, sizeof(e.file) - 1);
	assert_memory_equal(e.text, text, sizeof(e.text) - 1);
}

static void
test_err_fail_prints_after_what_stdout_holds(void **state)
{
	struct fu_err e = { 0 };
	char *got;
	int fd, out, errfd;

	(void)state;
	/* stdout and stderr into one file: the order they reach it. */
	fflush(stdout);
	fflush(stderr);
	assert_true((fd = open(path_of("both"), O_WRONLY | O_CREAT | O_TRUNC |
	    O_APPEND, 0600)) >= 0);
	out = dup(STDOUT_FILENO);
	errfd = dup(STDERR_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
	printf("half a line");		/* buffered */
	fu_err_usage(&e, "refused");
	fu_fail(&e);
	fflush(stdout);
	dup2(out, STDOUT_FILENO);
	dup2(errfd, STDERR_FILENO);
	close(out);
	close(errfd);
	got = slurp("both", &(size_t){ 0 });
	assert_string_equal(got, "half a linefu-test: refused\n");
	free(got);
}

static void
test_err_bug_says_where_and_aborts(void **state)
{
	pid_t pid;
	int status;
	char *got;

	(void)state;
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		int fd = open(path_of("bug"), O_WRONLY | O_CREAT | O_TRUNC,
		    0600);

		dup2(fd, STDERR_FILENO);
		fu_bug("lib/x.c", 42, "two rows with one id");
		_exit(0);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
	got = slurp("bug", &(size_t){ 0 });
	assert_string_equal(got, "fu-test: a bug in fu (lib/x.c:42): two rows "
	    "with one id\n");
	free(got);
}

static void
test_err_init_names_the_program_in_messages(void **state)
{
	struct fu_err e = { 0 };

	(void)state;
	fu_init("fu-other");
	setlocale(LC_ALL, "C");		/* errno texts as the others expect */
	assert_string_equal(fu_progname, "fu-other");
	fu_err_usage(&e, "refused");
	check_fail(&e, 2, "fu-other: refused\n");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_err_usage_is_code_2_and_names_no_file),
		T(test_err_data_names_the_file_and_line),
		T(test_err_io_adds_the_errno_text),
		T(test_err_says_when_nothing_was_written),
		T(test_err_nomem_is_an_io_error),
		T(test_err_fail_of_an_unfilled_error_is_a_usage_error),
		T(test_err_cuts_long_names_and_messages_to_fit),
		T(test_err_fail_prints_after_what_stdout_holds),
		T(test_err_bug_says_where_and_aborts),
		T(test_err_init_names_the_program_in_messages),
	};

	return cmocka_run_group_tests_name("err", tests, NULL, NULL);
}
