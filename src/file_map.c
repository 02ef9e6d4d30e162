/* file_map.c: a whole file mapped read-only (see file_map.h). */
#include "file_map.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

const void *file_map(const char *path, uint64_t most, size_t *len, struct stat *st, const char **why)
{
    *why = NULL;
    struct stat own;
    if (!st)
        st = &own;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT)
            *why = strerror(errno);
        return NULL;
    }
    void *p = NULL;
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode))
        *why = "not a regular file";
    else if (st->st_size == 0)
        *why = "empty";
    else if ((uint64_t)st->st_size > most)
        *why = "larger than faqbot reads";
    else if ((p = mmap(NULL, (size_t)st->st_size, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED) {
        p = NULL;
        *why = strerror(errno);
    } else {
        *len = (size_t)st->st_size;
    }
    close(fd);
    return p;
}
