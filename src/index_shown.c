/* index_shown.c: an index's shown texts (index_shown.h). */
#include "index_shown.h"

#include <stdlib.h>
#include <string.h>

#include "json_escape.h"
#include "markdown.h"
#include "utf8.h"

/* s as a JSON string literal, into o, its length in *len. Returns 0 or -1. */
static int put_literal(ix_out *o, char **buf, size_t *cap, const char *s, size_t n, uint32_t *len)
{
    if (*cap < JSON_ESCAPED_MAX(n)) {
        char *b = realloc(*buf, JSON_ESCAPED_MAX(n));
        if (!b)
            return -1;
        *buf = b;
        *cap = JSON_ESCAPED_MAX(n);
    }
    size_t k = json_escape(*buf, s, n);
    out_put(o, *buf, k);
    *len = (uint32_t)k;
    return 0;
}

/* The entry's four literals; its SHOWN record (off set by the caller). */
static int put_entry(ix_out *o, char **buf, size_t *cap, const char *id, size_t id_len,
                     const char *q, size_t q_len, const char *a, size_t a_len, ix_shown *sh)
{
    char *html = markdown_to_safe_html(a, a_len);
    if (!html)
        return -1;
    size_t h_len = strlen(html);
    int rc = put_literal(o, buf, cap, id, id_len, &sh->id) ||
             put_literal(o, buf, cap, q, q_len, &sh->question) ||
             put_literal(o, buf, cap, a, a_len, &sh->answer);
    /* jansson refuses a string that is not UTF-8, and the field was left
     * out: so it stays */
    sh->html = IX_NONE;
    if (!rc && utf8_valid(html, h_len))
        rc = put_literal(o, buf, cap, html, h_len, &sh->html);
    free(html);
    return rc ? -1 : 0;
}

int shown_write(ix_out *o, spill *entries, spill *head, spill *answers, spill *shown)
{
    spill_window wh = {0}, wa = {0};
    spill_cursor c;
    spill_cursor_init(&c, entries);
    const unsigned char *p;
    long n;
    char *buf = NULL, *text = NULL;
    size_t cap = 0, text_cap = 0;
    int rc = 0;
    uint64_t start = o->at;
    while (!rc && (n = spill_cursor_next(&c, &p, sizeof(ix_entry))) > 0) {
        for (size_t i = 0; !rc && i < (size_t)n / sizeof(ix_entry); i++) {
            ix_entry ie;
            memcpy(&ie, p + i * sizeof ie, sizeof ie);
            /* the three texts copied out of the windows, a view lasting
             * until the next */
            size_t need = (size_t)ie.id_len + ie.question_len + ie.answer_len + 3;
            if (need > text_cap) {
                char *t = realloc(text, need);
                if (!t) {
                    rc = -1;
                    break;
                }
                text = t;
                text_cap = need;
            }
            char *id = text, *q = id + ie.id_len + 1, *a = q + ie.question_len + 1;
            const unsigned char *v;
            /* the id and the question lie back to back */
            if (!(v = spill_view(head, &wh, ie.text_off, (size_t)ie.id_len + ie.question_len)))
                rc = -1;
            else {
                memcpy(id, v, ie.id_len);
                memcpy(q, v + ie.id_len, ie.question_len);
            }
            if (!rc && !(v = spill_view(answers, &wa, ie.answer_off, ie.answer_len)))
                rc = -1;
            else if (!rc)
                memcpy(a, v, ie.answer_len);
            if (rc)
                break;
            id[ie.id_len] = q[ie.question_len] = a[ie.answer_len] = '\0';
            ix_shown sh = {o->at - start, 0, 0, 0, 0};
            if (put_entry(o, &buf, &cap, id, ie.id_len, q, ie.question_len, a, ie.answer_len, &sh) != 0)
                rc = -1;
            spill_put(shown, &sh, sizeof sh);
        }
    }
    if (!rc && n < 0)
        rc = -1;
    if (shown->err)
        rc = -1;
    spill_cursor_free(&c);
    spill_window_free(&wh);
    spill_window_free(&wa);
    free(buf);
    free(text);
    return rc;
}
