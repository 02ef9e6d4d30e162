/* file_map.h: a whole file mapped read-only, as the bilingual dictionaries
 * and the thesauri are read: in place, their pages shared by every thread
 * and process and read only where looked at. */
#ifndef FAQ_FILE_MAP_H
#define FAQ_FILE_MAP_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* The regular file at path, mapped, *len its bytes (1 to most) and, when st
 * is not NULL, *st its status as mapped. NULL when it is absent (*why NULL)
 * or cannot be used (*why says why: empty, too large, not a regular file,
 * the system's error). Unmapped with munmap(p, *len). */
const void *file_map(const char *path, uint64_t most, size_t *len, struct stat *st, const char **why);

#endif
