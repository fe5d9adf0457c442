/*
 * test_money.c - money.c: amounts are exact cents, never floats.
 *
 * Tests marked "Was a bug" failed before their fix; they run as a second
 * group, "money regressions".
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "util.h"

static fu_cents
money(const char *s)
{
	fu_cents c = -1;

	if (fu_money_parse(s, strlen(s), &c) == -1)
		fail_msg("amount \"%s\" refused", s);
	return c;
}

static void
test_money_whole_units_are_hundreds_of_cents(void **state)
{
	(void)state;
	assert_int_equal(money("1250"), 125000);
	assert_int_equal(money("0"), 0);
	assert_int_equal(money("1"), 100);
	assert_int_equal(money("007"), 700);
}

static void
test_money_decimals_are_exact_cents(void **state)
{
	(void)state;
	assert_int_equal(money("1250.5"), 125050);
	assert_int_equal(money("1250.50"), 125050);
	assert_int_equal(money("1250.05"), 125005);
	assert_int_equal(money("0.01"), 1);
	assert_int_equal(money("0.99"), 99);
	assert_int_equal(money("19.99"), 1999);
	assert_int_equal(money("0.10") + money("0.20"), 30);
	assert_int_equal(money("0.10") + money("0.20"), money("0.30"));
}

static void
test_money_takes_a_decimal_comma(void **state)
{
	(void)state;
	assert_int_equal(money("1,5"), 150);
	assert_int_equal(money("1,50"), 150);
	assert_int_equal(money("0,05"), 5);
	assert_int_equal(money("1250,75"), 125075);
}

static void
test_money_refuses_what_is_not_an_amount(void **state)
{
	static const char *const bad[] = {
		"-5", "-0.50", "+5", "1,234", "1.234", "1.2345", "abc", "", "1.",
		"1,", ".5", ",5", "1e3", "1E3", " 5", "5 ", "1 250", "1.250,50",
		"1,250.50", "1..5", "1.5.5", "0x10", "5€", "$5", "12a", "inf",
		"nan", "1_000",
		/* far beyond any sale, and beyond int64_t */
		"1000000000001", "99999999999999999999",
		"9223372036854775807", "18446744073709551616",
		"100000000000000000000000000000.00",
	};
	fu_cents c;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		c = 424242;
		if (fu_money_parse(bad[i], strlen(bad[i]), &c) != -1)
			fail_msg("amount \"%s\" accepted as %lld cents", bad[i],
			    (long long)c);
		assert_int_equal(c, 424242);	/* untouched */
	}
}

static void
test_money_takes_up_to_a_trillion(void **state)
{
	(void)state;
	assert_int_equal(money("999999999999.99"), 99999999999999LL);
	assert_int_equal(money("1000000000000"), 100000000000000LL);
}

static void
test_money_reads_only_the_given_length(void **state)
{
	fu_cents c = 0;

	(void)state;
	assert_int_equal(fu_money_parse("12.50,rest", 5, &c), 0);
	assert_int_equal(c, 1250);
	assert_int_equal(fu_money_parse("12.5", 3, &c), -1);	/* "12." */
	assert_int_equal(fu_money_parse("12", 0, &c), -1);
}

static void
test_money_str_prints_two_decimals(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(fu_money_str(125050, buf), "1250.50");
	assert_string_equal(fu_money_str(125000, buf), "1250.00");
	assert_string_equal(fu_money_str(125005, buf), "1250.05");
	assert_string_equal(fu_money_str(5, buf), "0.05");
	assert_string_equal(fu_money_str(0, buf), "0.00");
	assert_string_equal(fu_money_str(100, buf), "1.00");
	assert_string_equal(fu_money_str(-150, buf), "-1.50");
	assert_string_equal(fu_money_str(-5, buf), "-0.05");
	assert_string_equal(fu_money_str(INT64_MAX, buf),
	    "92233720368547758.07");
}

static void
test_money_str_and_parse_round_trip(void **state)
{
	static const fu_cents c[] = {
		0, 1, 9, 10, 99, 100, 101, 12345, 125050, 99999999999999LL,
	};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		assert_int_equal(money(fu_money_str(c[i], buf)), c[i]);
}

/* Was a bug: fu_money_str(INT64_MIN) negates its argument, which overflows
 * (undefined behaviour: UBSan reports "negation of -9223372036854775808
 * cannot be represented"), and at -O0 or under the sanitizers prints
 * "--92233720368547758.-8" instead of "-92233720368547758.08" (at -O2 gcc
 * happens to print the right text). */
static void
test_money_str_prints_the_smallest_amount(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(fu_money_str(INT64_MIN, buf),
	    "-92233720368547758.08");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money_whole_units_are_hundreds_of_cents),
		cmocka_unit_test(test_money_decimals_are_exact_cents),
		cmocka_unit_test(test_money_takes_a_decimal_comma),
		cmocka_unit_test(test_money_refuses_what_is_not_an_amount),
		cmocka_unit_test(test_money_takes_up_to_a_trillion),
		cmocka_unit_test(test_money_reads_only_the_given_length),
		cmocka_unit_test(test_money_str_prints_two_decimals),
		cmocka_unit_test(test_money_str_and_parse_round_trip),
	};
	const struct CMUnitTest bugs[] = {
		cmocka_unit_test(test_money_str_prints_the_smallest_amount),
	};
	int rc;

	rc = cmocka_run_group_tests_name("money", tests, NULL, NULL);
	rc |= cmocka_run_group_tests_name("money regressions", bugs,
	    NULL, NULL);
	return rc;
}
