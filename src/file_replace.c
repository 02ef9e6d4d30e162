/* file_replace.c: a file replaced whole or not at all (see file_replace.h). */
#include "file_replace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int file_replace_tmp_name(const char *path, char *tmp, size_t cap, char *err, size_t errlen)
{
    if (snprintf(tmp, cap, "%s.tmp.%ld", path, (long)getpid()) >= (int)cap) {
        snprintf(err, errlen, "%.200s: path too long", path);
        return -1;
    }
    return 0;
}

int file_replace_write_beside(const char *path, const void *data, size_t len, char *tmp, size_t cap,
                              char *err, size_t errlen)
{
    if (file_replace_tmp_name(path, tmp, cap, err, errlen) != 0)
        return -1;
    FILE *f = fopen(tmp, "w");
    if (!f) {
        snprintf(err, errlen, "%.300s: %s", path, strerror(errno));
        return -1;
    }
    int bad = fwrite(data, 1, len, f) != len || fflush(f) != 0 || fsync(fileno(f)) != 0;
    int e = errno;
    if (fclose(f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        snprintf(err, errlen, "%.200s: %s (%.200s is as it was)", tmp, strerror(e), path);
        unlink(tmp);
        return -1;
    }
    return 0;
}

/* path's folder flushed: the rename in it made durable. Best effort: a
 * folder that cannot be opened or flushed leaves the file in place. */
static void sync_folder(const char *path)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
}

int file_replace_commit(const char *tmp, const char *path, char *err, size_t errlen)
{
    if (rename(tmp, path) != 0) {
        int e = errno;
        snprintf(err, errlen, "%.200s: %s (%.200s is as it was)", tmp, strerror(e), path);
        unlink(tmp);
        errno = e;   /* the rename's, for a caller that tells it otherwise */
        return -1;
    }
    sync_folder(path);
    return 0;
}

int file_replace(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
    char tmp[4200];
    if (file_replace_write_beside(path, data, len, tmp, sizeof tmp, err, errlen) != 0)
        return -1;
    return file_replace_commit(tmp, path, err, errlen);
}
