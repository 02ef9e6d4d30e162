/* resources.h: where the core finds what is installed beside it (the
 * Hunspell dictionaries, the MyThes thesauri, the dictd dictionaries) and
 * the time an index says it was built. The core reads no environment: a
 * front end reads it (cli_read_environment(), the documented variables)
 * and sets these once, before any index is built or opened; every thread
 * then reads them. */
#ifndef FAQ_RESOURCES_H
#define FAQ_RESOURCES_H

#include <stdint.h>

/* The system's folders, where nothing else is said. */
#define RESOURCES_HUNSPELL_DIR "/usr/share/hunspell"
#define RESOURCES_MYTHES_DIR "/usr/share/mythes"
#define RESOURCES_DICTD_DIR "/usr/share/dictd"

typedef struct faq_resources {
    /* each NULL for the system's folder; "" for none (hermetic tests) */
    const char *hunspell_dir, *mythes_dir, *dictd_dir;
    /* the build time an index records (the reproducible-builds
     * convention: two builds of one corpus the same file); has_build_time
     * 0: the time of the build */
    int has_build_time;
    uint64_t build_time;
} faq_resources;

/* r copied as the process's (NULL: all defaults again). The strings are
 * borrowed: they must outlive every use (the environment's do). Not to be
 * called while another thread builds or opens an index. */
void resources_set(const faq_resources *r);

/* The folder of each (never NULL; "" for none). */
const char *resources_hunspell_dir(void);
const char *resources_mythes_dir(void);
const char *resources_dictd_dir(void);

/* The time an index built now records. */
uint64_t resources_build_time(void);

#endif
