/* environment.c: linked into every unit test, so that it reads the
 * environment as the command line does, before main: FAQBOT_HUNSPELL_DIR,
 * FAQBOT_MYTHES_DIR, FAQBOT_DICTD_DIR and SOURCE_DATE_EPOCH
 * (cli_read_environment()). A test that sets one calls it again. */
#include "cli.h"

__attribute__((constructor)) static void read_environment(void)
{
    cli_read_environment();
}
