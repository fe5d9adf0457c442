/*
 * test_settings.c - settings.c: every variable fu heeds, read once; a
 * value that makes no sense is ignored as if unset, an empty one is
 * unset, and the strings kept are copies that outlive the environment.
 */
#define _XOPEN_SOURCE 700		/* putenv */

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The defaults, as settings.c and the man pages give them. */
#define LOCK_WAIT_MS 30000
#define PIPE_MIN 1048576

static const char *const vars[] = {
	"FU_PORTFOLIO", "XDG_DATA_HOME", "HOME", "FU_FORMAT", "FU_TODAY",
	"FU_CACHE", "FU_PIPE_MIN", "FU_THREADS", "FU_LOCK_TIMEOUT", "COLUMNS",
};

/* Every variable unset, and the settings read again. */
static int
setup(void **state)
{
	size_t i;

	if (util_setup(state) == -1)
		return -1;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		unsetenv(vars[i]);
	fu_settings_load();
	return 0;
}

#define teardown util_teardown

static const struct fu_settings *
s(void)
{
	return fu_settings();
}

static void
test_settings_with_nothing_set_are_the_defaults(void **state)
{
	(void)state;
	assert_null(s()->portfolio);
	assert_null(s()->data_home);
	assert_null(s()->home);
	assert_null(s()->format);
	assert_int_equal(s()->tsv, 0);
	assert_null(s()->today);
	assert_int_equal(s()->cache, 1);
	assert_int_equal(s()->pipe_min, PIPE_MIN);
	assert_int_equal(s()->lock_wait_ms, LOCK_WAIT_MS);
	assert_int_equal(s()->columns, 0);
	/* Read again, the same. */
	assert_ptr_equal(fu_settings(), fu_settings());
}

static void
test_settings_read_the_portfolio_and_where_it_goes_by_default(void **state)
{
	(void)state;
	util_env("FU_PORTFOLIO", "/srv/fu/team");
	util_env("XDG_DATA_HOME", "/home/ana/.data");
	util_env("HOME", "/home/ana");
	assert_string_equal(s()->portfolio, "/srv/fu/team");
	assert_string_equal(s()->data_home, "/home/ana/.data");
	assert_string_equal(s()->home, "/home/ana");
	/* A relative portfolio is the user's to give. */
	util_env("FU_PORTFOLIO", "clients/2026");
	assert_string_equal(s()->portfolio, "clients/2026");
}

static void
test_settings_take_xdg_data_home_only_when_absolute(void **state)
{
	static const char *const bad[] = {
		"relative/data", ".local/share", "~/data", " /data", "./data",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		util_env("XDG_DATA_HOME", bad[i]);
		if (s()->data_home != NULL)
			fail_msg("XDG_DATA_HOME=%s taken", bad[i]);
	}
	util_env("XDG_DATA_HOME", "/");
	assert_string_equal(s()->data_home, "/");
}

static void
test_settings_take_empty_values_as_unset(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]); i++)
		assert_int_equal(setenv(vars[i], "", 1), 0);
	fu_settings_load();
	assert_null(s()->portfolio);
	assert_null(s()->data_home);
	assert_null(s()->home);
	assert_null(s()->format);
	assert_int_equal(s()->tsv, 0);
	assert_null(s()->today);
	assert_int_equal(s()->cache, 1);
	assert_int_equal(s()->pipe_min, PIPE_MIN);
	assert_int_equal(s()->lock_wait_ms, LOCK_WAIT_MS);
	assert_int_equal(s()->columns, 0);
}

static void
test_settings_fu_format_tsv_makes_new_tables_tsv(void **state)
{
	(void)state;
	util_env("FU_FORMAT", "tsv");
	assert_int_equal(s()->tsv, 1);
	assert_string_equal(s()->format, "tsv");
	util_env("FU_FORMAT", "csv");
	assert_int_equal(s()->tsv, 0);
	assert_string_equal(s()->format, "csv");
	util_env("FU_FORMAT", "TSV");
	assert_int_equal(s()->tsv, 0);
	util_env("FU_FORMAT", "tsv ");
	assert_int_equal(s()->tsv, 0);
	util_env("FU_FORMAT", NULL);
	assert_int_equal(s()->tsv, 0);
	assert_null(s()->format);
}

static void
test_settings_keep_fu_today_as_written(void **state)
{
	(void)state;
	util_env("FU_TODAY", "2026-11-23");
	assert_string_equal(s()->today, "2026-11-23");
	/* Checked where it is used (date.c), not here. */
	util_env("FU_TODAY", "someday");
	assert_string_equal(s()->today, "someday");
	util_env("FU_TODAY", NULL);
	assert_null(s()->today);
}

static void
test_settings_fu_cache_0_alone_turns_the_state_off(void **state)
{
	static const char *const on[] = { "1", "yes", "00", "0 ", "off", "no" };
	size_t i;

	(void)state;
	util_env("FU_CACHE", "0");
	assert_int_equal(s()->cache, 0);
	for (i = 0; i < sizeof(on) / sizeof(on[0]); i++) {
		util_env("FU_CACHE", on[i]);
		if (s()->cache != 1)
			fail_msg("FU_CACHE=\"%s\" turned the state off", on[i]);
	}
	util_env("FU_CACHE", NULL);
	assert_int_equal(s()->cache, 1);
}

/* FU_THREADS: 1 to 256 parsers; 0 (as many as cores) when unset or
 * nonsense. */
static void
test_settings_fu_threads_is_a_count_of_threads(void **state)
{
	static const char *const bad[] = {
		"0", "-1", "257", "abc", "2 ", "1.5", "0x2",
	};
	size_t i;

	(void)state;
	assert_int_equal(s()->threads, 0);
	util_env("FU_THREADS", "1");
	assert_int_equal(s()->threads, 1);
	util_env("FU_THREADS", "256");
	assert_int_equal(s()->threads, 256);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		util_env("FU_THREADS", bad[i]);
		if (s()->threads != 0)
			fail_msg("FU_THREADS=\"%s\" gave %d", bad[i],
			    s()->threads);
	}
}

static void
test_settings_fu_pipe_min_is_a_count_of_bytes(void **state)
{
	static const char *const bad[] = {
		"-1", "abc", "12k", "1M", "1.5", "1e6", "0x10", "5 ", "-0x1",
	};
	size_t i;

	(void)state;
	util_env("FU_PIPE_MIN", "0");
	assert_int_equal(s()->pipe_min, 0);
	util_env("FU_PIPE_MIN", "4096");
	assert_int_equal(s()->pipe_min, 4096);
	util_env("FU_PIPE_MIN", "9223372036854775807");
	assert_int_equal(s()->pipe_min, INT64_MAX);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		util_env("FU_PIPE_MIN", bad[i]);
		if (s()->pipe_min != PIPE_MIN)
			fail_msg("FU_PIPE_MIN=\"%s\" gave %lld", bad[i],
			    s()->pipe_min);
	}
}

static void
test_settings_fu_lock_timeout_is_seconds_from_0_to_3600(void **state)
{
	static const char *const bad[] = {
		"3601", "-1", "1.5", "10s", "x", "", "99999999999999999999",
		"1e3",
	};
	size_t i;

	(void)state;
	util_env("FU_LOCK_TIMEOUT", "0");
	assert_int_equal(s()->lock_wait_ms, 0);
	util_env("FU_LOCK_TIMEOUT", "1");
	assert_int_equal(s()->lock_wait_ms, 1000);
	util_env("FU_LOCK_TIMEOUT", "3600");
	assert_int_equal(s()->lock_wait_ms, 3600000);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		util_env("FU_LOCK_TIMEOUT", bad[i]);
		if (s()->lock_wait_ms != LOCK_WAIT_MS)
			fail_msg("FU_LOCK_TIMEOUT=\"%s\" gave %ld ms", bad[i],
			    s()->lock_wait_ms);
	}
}

static void
test_settings_columns_is_a_width_from_1_to_100000(void **state)
{
	static const char *const bad[] = {
		"0", "-80", "100001", "eighty", "80x", "", "1e2",
	};
	size_t i;

	(void)state;
	util_env("COLUMNS", "80");
	assert_int_equal(s()->columns, 80);
	util_env("COLUMNS", "1");
	assert_int_equal(s()->columns, 1);
	util_env("COLUMNS", "100000");
	assert_int_equal(s()->columns, 100000);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		util_env("COLUMNS", bad[i]);
		if (s()->columns != 0)
			fail_msg("COLUMNS=\"%s\" gave %d", bad[i], s()->columns);
	}
}

/* The environment strings putenv hands over: changing them changes the
 * environment in place. */
static char env_portfolio[] = "FU_PORTFOLIO=/first/portfolio";
static char env_xdg[] = "XDG_DATA_HOME=/first/data";
static char env_home[] = "HOME=/first/home";
static char env_format[] = "FU_FORMAT=tsv";
static char env_today[] = "FU_TODAY=2026-11-23";

static void
test_settings_keep_their_strings_when_the_environment_changes(void **state)
{
	const char *portfolio;

	(void)state;
	assert_int_equal(putenv(env_portfolio), 0);
	assert_int_equal(putenv(env_xdg), 0);
	assert_int_equal(putenv(env_home), 0);
	assert_int_equal(putenv(env_format), 0);
	assert_int_equal(putenv(env_today), 0);
	fu_settings_load();
	portfolio = s()->portfolio;
	/* Overwritten where they stand, then unset. */
	memcpy(strchr(env_portfolio, '=') + 1, "/other", 7);
	memcpy(strchr(env_xdg, '=') + 1, "/other", 7);
	memcpy(strchr(env_home, '=') + 1, "/other", 7);
	memcpy(strchr(env_format, '=') + 1, "csv", 4);
	memcpy(strchr(env_today, '=') + 1, "1999-01-01", 11);
	assert_string_equal(getenv("FU_PORTFOLIO"), "/other");	/* in place */
	assert_string_equal(s()->portfolio, "/first/portfolio");
	assert_string_equal(s()->data_home, "/first/data");
	assert_string_equal(s()->home, "/first/home");
	assert_string_equal(s()->format, "tsv");
	assert_string_equal(s()->today, "2026-11-23");
	unsetenv("FU_PORTFOLIO");
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	unsetenv("FU_FORMAT");
	unsetenv("FU_TODAY");
	assert_ptr_equal(s()->portfolio, portfolio);
	assert_string_equal(s()->portfolio, "/first/portfolio");
	assert_string_equal(s()->today, "2026-11-23");
	/* Read again, they are gone. */
	fu_settings_load();
	assert_null(s()->portfolio);
	assert_null(s()->data_home);
	assert_null(s()->home);
	assert_null(s()->format);
	assert_null(s()->today);
}

static void
test_settings_read_again_forget_what_was_unset(void **state)
{
	int i;

	(void)state;
	/* Many loads: each frees the strings of the last (ASan's leak check
	 * sees any it drops). */
	for (i = 0; i < 100; i++) {
		util_env("FU_PORTFOLIO", i % 2 ? "/a" : "/b");
		util_env("HOME", "/home/x");
		util_env("FU_LOCK_TIMEOUT", "5");
		util_env("FU_CACHE", "0");
	}
	assert_string_equal(s()->portfolio, "/a");
	assert_int_equal(s()->lock_wait_ms, 5000);
	util_env("FU_PORTFOLIO", NULL);
	util_env("FU_LOCK_TIMEOUT", NULL);
	util_env("FU_CACHE", NULL);
	assert_null(s()->portfolio);
	assert_string_equal(s()->home, "/home/x");
	assert_int_equal(s()->lock_wait_ms, LOCK_WAIT_MS);
	assert_int_equal(s()->cache, 1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_settings_with_nothing_set_are_the_defaults),
		T(test_settings_read_the_portfolio_and_where_it_goes_by_default),
		T(test_settings_take_xdg_data_home_only_when_absolute),
		T(test_settings_take_empty_values_as_unset),
		T(test_settings_fu_format_tsv_makes_new_tables_tsv),
		T(test_settings_keep_fu_today_as_written),
		T(test_settings_fu_cache_0_alone_turns_the_state_off),
		T(test_settings_fu_pipe_min_is_a_count_of_bytes),
		T(test_settings_fu_threads_is_a_count_of_threads),
		T(test_settings_fu_lock_timeout_is_seconds_from_0_to_3600),
		T(test_settings_columns_is_a_width_from_1_to_100000),
		T(test_settings_keep_their_strings_when_the_environment_changes),
		T(test_settings_read_again_forget_what_was_unset),
	};

	return cmocka_run_group_tests_name("settings", tests, NULL, NULL);
}
