/* asked.c: questions asked twice (see asked.h). */
#include "asked.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "fold.h"
#include "hash.h"

#define ASKED_FOLD_MAX 256         /* bytes of a question folded before it is compared */
/* Questions of a set kept for the comparison, 32 bytes each: the index's
 * peak memory stays bounded whatever the corpus's size (a larger
 * language's later questions are compared with these; lint compares all) */
#define ASKED_MAX 16384

void asked_clear(asked_set *a)
{
    for (size_t i = 0; i < a->n_files; i++)
        free(a->files[i]);
    free(a->files);
    free(a->slots);
    memset(a, 0, sizeof *a);
}

const char *asked_file(const asked_set *a, const asked_place *at)
{
    return at->file < a->n_files ? a->files[at->file] : "";
}

/* q's hash, of its folded text: folded on the stack (no allocation that
 * could fail unseen); a question too long for it is hashed as written */
static uint64_t question_hash(const char *q, size_t qn)
{
    utf8proc_int32_t cps[3 * ASKED_FOLD_MAX + 16];
    char folded[4 * ASKED_FOLD_MAX];
    long n = qn <= ASKED_FOLD_MAX ? fold_into(cps, sizeof cps / sizeof *cps, q, qn, folded, sizeof folded, 1) : -1;
    return hash_bytes(HASH_SEED, n > 0 ? folded : q, n > 0 ? (size_t)n : qn) | 1;
}

static int grow_slots(asked_set *a)
{
    size_t cap = a->cap ? a->cap * 2 : 256;
    asked_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < a->cap; i++)
        if (a->slots[i].h)
            for (size_t k = a->slots[i].h & (cap - 1);; k = (k + 1) & (cap - 1))
                if (!slots[k].h) {
                    slots[k] = a->slots[i];
                    break;
                }
    free(a->slots);
    a->slots = slots;
    a->cap = cap;
    return 0;
}

/* The index of file among the set's names, kept if new (the last is
 * compared: a file's questions come together); -1 when memory runs out. */
static long file_index(asked_set *a, const char *file)
{
    if (!file)
        return 0;
    if (!a->n_files || strcmp(a->files[a->n_files - 1], file) != 0) {
        char *f = strdup(file);
        if (!f || grow(&a->files, &a->cap_files, a->n_files + 1, sizeof *a->files, 16) != 0) {
            free(f);
            return -1;
        }
        a->files[a->n_files++] = f;
    }
    return (long)a->n_files - 1;
}

const asked_place *asked_before(asked_set *a, const char *q, size_t qn, const char *file, unsigned line,
                                uint32_t entry, int *oom)
{
    uint64_t h = question_hash(q, qn);
    if (a->n + 1 > a->cap / 2 && a->n < ASKED_MAX && grow_slots(a) != 0) {
        *oom = 1;
        return NULL;
    }
    size_t k = h & (a->cap - 1);
    for (; a->slots[k].h; k = (k + 1) & (a->cap - 1)) {
        asked_slot *s = &a->slots[k];
        if (s->h != h)
            continue;
        /* the earliest of another entry: the first, or, asked again in the
         * first's own entry, the first of an entry not the first's */
        int other_kept = s->other.entry != s->first.entry;
        if (s->first.entry != entry) {
            if (!other_kept) {
                long f = file_index(a, file);
                if (f < 0) {
                    *oom = 1;
                    return NULL;
                }
                s->other = (asked_place){line, (uint32_t)f, entry};
            }
            return &s->first;
        }
        return other_kept ? &s->other : NULL;
    }
    if (a->n >= ASKED_MAX)
        return NULL;
    long f = file_index(a, file);
    if (f < 0) {
        *oom = 1;
        return NULL;
    }
    asked_place at = {line, (uint32_t)f, entry};
    a->slots[k] = (asked_slot){h, at, at};
    a->n++;
    return NULL;
}
