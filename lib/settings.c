/*
 * settings.c - the environment, read once at start-up.  Every variable fu
 * heeds is here, so that one place (fu(7), ENVIRONMENT) can list them and
 * no other file calls getenv.  A value that makes no sense is ignored, as
 * if it were not set.
 */
#include <stdlib.h>
#include <string.h>

#include "priv.h"

#define LOCK_WAIT 30		/* seconds: a full scan of a team portfolio */
#define PIPE_MIN (1LL << 20)	/* bytes: below this a thread costs more */
#ifndef PLANSDIR
#define PLANSDIR "/usr/local/share/fu/plans"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static struct fu_settings settings;
static int loaded;

/* A copy of a variable that is set and not empty, or NULL: the copy
 * stays when the environment changes (as the tests change it). */
static const char *
env(const char *name)
{
	const char *s = getenv(name);

	return s != NULL && *s != '\0' ? strdup(s) : NULL;
}

static void
forget(void)
{
	free((char *)settings.portfolio);
	free((char *)settings.data_home);
	free((char *)settings.home);
	free((char *)settings.today);
	free((char *)settings.format);
	free((char *)settings.plans);
	free((char *)settings.localedir);
	free((char *)settings.path);
}

/* A whole number from min to max, or def. */
static long long
number(const char *name, long long min, long long max, long long def)
{
	const char *s = getenv(name);
	char *end;
	long long v;

	if (s == NULL || *s == '\0')
		return def;
	v = strtoll(s, &end, 10);
	return *end != '\0' || v < min || v > max ? def : v;
}

void
fu_settings_load(void)
{
	const char *s;

	forget();
	memset(&settings, 0, sizeof(settings));
	settings.portfolio = env("FU_PORTFOLIO");
	if ((s = getenv("XDG_DATA_HOME")) != NULL && *s == '/')
		settings.data_home = strdup(s);
	settings.home = env("HOME");
	settings.format = env("FU_FORMAT");
	settings.tsv = settings.format != NULL &&
	    strcmp(settings.format, "tsv") == 0;
	settings.today = env("FU_TODAY");
	settings.cache = (s = getenv("FU_CACHE")) == NULL || strcmp(s, "0") !=
	    0;
	settings.pipe_min = number("FU_PIPE_MIN", 0, INT64_MAX, PIPE_MIN);
	/* 0: as many as there are cores (lib/scan.c asks). */
	settings.threads = (int)number("FU_THREADS", 1, 256, 0);
	settings.lock_wait_ms = number("FU_LOCK_TIMEOUT", 0, 3600,
	    LOCK_WAIT) * 1000;
	settings.path = env("PATH");
	settings.columns = (int)number("COLUMNS", 1, 100000, 0);
	/* https://no-color.org: set and not empty. */
	settings.no_color = (s = getenv("NO_COLOR")) != NULL && *s != '\0';
	/* A terminal of no escapes (an editor's, TERM=dumb) gets none. */
	settings.dumb = (s = getenv("TERM")) != NULL && strcmp(s, "dumb") == 0;
	if ((settings.plans = env("FU_PLANS")) == NULL)
		settings.plans = strdup(PLANSDIR);
	/* Ignored unless absolute: gettext would look it up from the
	 * working directory, which a command run from cron does not pick. */
	if ((s = getenv("FU_LOCALEDIR")) != NULL && *s == '/')
		settings.localedir = strdup(s);
	else
		settings.localedir = strdup(LOCALEDIR);
	loaded = 1;
}

const struct fu_settings *
fu_settings(void)
{
	if (!loaded)
		fu_settings_load();
	return &settings;
}
