/* file_replace.h: a file replaced whole or not at all. It is written beside
 * its path ("path.tmp.<pid>"), flushed to the disk, renamed over the path,
 * and the folder flushed so that the rename lasts too: a reader (or a crash)
 * sees the old file or the new one, never half of one. Errors are returned
 * with their text in the caller's buffer; nothing is printed. */
#ifndef FAQ_FILE_REPLACE_H
#define FAQ_FILE_REPLACE_H

#include <stddef.h>

/* The temporary name beside path into tmp (cap bytes). 0, or -1 with err
 * when it does not fit. */
int file_replace_tmp_name(const char *path, char *tmp, size_t cap, char *err, size_t errlen);

/* data (len bytes) into a new file beside path (its name into tmp, cap
 * bytes), flushed to the disk: what file_replace_commit() then puts in
 * place. 0, or -1 with err and no file left beside. */
int file_replace_write_beside(const char *path, const void *data, size_t len, char *tmp, size_t cap,
                              char *err, size_t errlen);

/* tmp (a whole file, flushed) renamed over path, then path's folder
 * flushed (best effort: the file is in place either way). 0, or -1 with
 * err (errno the rename's), tmp removed and path as it was. */
int file_replace_commit(const char *tmp, const char *path, char *err, size_t errlen);

/* data (len bytes) as path's whole content: the two above. 0, or -1 with
 * err, path as it was and nothing left beside it. */
int file_replace(const char *path, const void *data, size_t len, char *err, size_t errlen);

#endif
