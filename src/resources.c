/* resources.c: the installed resources' folders and the build time (see
 * resources.h). */
#include "resources.h"

#include <stddef.h>
#include <time.h>

static faq_resources set;

void resources_set(const faq_resources *r)
{
    static const faq_resources none;
    set = r ? *r : none;
}

const char *resources_hunspell_dir(void)
{
    return set.hunspell_dir ? set.hunspell_dir : RESOURCES_HUNSPELL_DIR;
}

const char *resources_mythes_dir(void)
{
    return set.mythes_dir ? set.mythes_dir : RESOURCES_MYTHES_DIR;
}

const char *resources_dictd_dir(void)
{
    return set.dictd_dir ? set.dictd_dir : RESOURCES_DICTD_DIR;
}

uint64_t resources_build_time(void)
{
    return set.has_build_time ? set.build_time : (uint64_t)time(NULL);
}
