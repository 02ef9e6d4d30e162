/* answer_text.c: an answer as text for a terminal (see answer_text.h). */
#include "answer_text.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include "messages.h"

static void print_hits(FILE *out, const faq_index *ix, const faq_hit *hits, int n, int numbered)
{
    for (int i = 0; i < n; i++) {
        faq_entry e;
        faq_index_entry(ix, hits[i].entry, &e);
        if (numbered)
            fprintf(out, "  %d. %.*s\n", i + 1, (int)e.question.len, e.question.s);
        else
            fprintf(out, "  - %.*s\n", (int)e.question.len, e.question.s);
    }
}

static void print_plain(FILE *out, const faq_index *ix, const faq_answer *a, int numbered)
{
    uint32_t ql = msg_lang(ix, a->query_lang);
    char msg[1024];
    faq_hit hits[FAQ_MAX_ALTERNATIVES + 1];
    int n = 0;
    if (a->explain)
        fprintf(out, "%s\n", a->explain);
    if (a->corrected) {
        const char *kv[] = {"q", a->corrected, NULL};
        msg_format(ix, ql, "did_you_mean", kv, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
    }
    if (a->outcome == OUTCOME_DECLINE || a->best.entry == UINT32_MAX) {
        msg_format(ix, ql, "decline", NULL, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
        if (a->best.entry != UINT32_MAX)
            hits[n++] = a->best;
        for (int i = 0; i < a->n_alts && n < FAQ_MAX_ALTERNATIVES; i++)
            hits[n++] = a->alts[i];
        if (n) {
            msg_format(ix, ql, "suggestions", NULL, msg, sizeof msg);
            fprintf(out, "%s\n", msg);
            print_hits(out, ix, hits, n, numbered);
        }
        return;
    }
    faq_entry e;
    faq_index_entry(ix, a->best.entry, &e);
    if (a->outcome == OUTCOME_CLARIFY) {
        msg_format(ix, ql, "clarify", NULL, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
        hits[n++] = a->best;
        for (int i = 0; i < a->n_alts; i++)
            hits[n++] = a->alts[i];
        print_hits(out, ix, hits, n, numbered);
        return;
    }
    if (a->outcome == OUTCOME_SMALLTALK) {
        fprintf(out, "%.*s\n", (int)e.answer.len, e.answer.s);
        return;
    }
    if (a->other_lang) {
        char name[128];
        msg_format(ix, e.lang, "lang_name", NULL, name, sizeof name);
        const char *kv[] = {"lang", name, NULL};
        msg_format(ix, ql, "other_lang", kv, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
    }
    fprintf(out, "## %.*s\n\n%.*s\n", (int)e.question.len, e.question.s, (int)e.answer.len, e.answer.s);
    if (a->n_alts) {
        /* under an answer they are related questions, as on the page: "did
         * you mean" would doubt the answer just given */
        msg_format(ix, ql, "page_alternatives", NULL, msg, sizeof msg);
        fprintf(out, "\n%s\n", msg);
        print_hits(out, ix, a->alts, a->n_alts, numbered);
    }
}

int answer_term_width(FILE *out)
{
    int fd = fileno(out);
    if (fd < 0 || !isatty(fd))
        return 0;
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    /* a terminal that tells no size (a serial line, some emulators):
     * $COLUMNS as the shell knows it, else none */
    const char *c = getenv("COLUMNS");
    long n = c ? strtol(c, NULL, 10) : 0;
    return n > 0 && n < 10000 ? (int)n : 0;
}

/* The columns of a line's start that its wrapped lines hang under: the
 * indent, then a list item's marker ("- ", "1. ") or a heading's "## " as
 * blanks, or a quote's "> " as itself, so the text lines up as the item's */
static size_t hang_prefix(const char *s, size_t n, char *pre, size_t cap)
{
    size_t i = 0, o = 0;
    while (i < n && s[i] == ' ')
        i++;
    size_t m = i;
    if (m < n && (s[m] == '-' || s[m] == '*' || s[m] == '+' || s[m] == '>'))
        m++;
    else if (m < n && s[m] == '#')
        while (m < n && s[m] == '#')
            m++;
    else if (m < n && s[m] >= '0' && s[m] <= '9') {
        while (m < n && s[m] >= '0' && s[m] <= '9')
            m++;
        if (m < n && (s[m] == '.' || s[m] == ')'))
            m++;
        else
            m = i;
    }
    if (m > i && m < n && s[m] == ' ')
        m++;
    else
        m = i;
    for (size_t k = 0; k < m && o + 1 < cap; k++)
        pre[o++] = s[i] == '>' && k >= i ? s[k] : ' ';
    pre[o] = '\0';
    return o;
}

/* The display columns of one code point at s (0 for a mark that joins the
 * one before), its bytes in *len */
static int char_cols(const char *s, size_t n, size_t *len)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (k <= 0) {
        *len = 1;
        return 1;
    }
    *len = (size_t)k;
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 0 : w;
}

/* One line broken at its spaces (and between wide characters, which CJK
 * text breaks at) so that none is wider than width; a word wider than the
 * line (a long address) is kept whole on a line of its own, for copying */
static void wrap_line(FILE *out, const char *s, size_t n, int width)
{
    char pre[64];
    size_t hang = hang_prefix(s, n, pre, sizeof pre);
    if (hang * 2 > (size_t)width)
        pre[hang = 0] = '\0';
    size_t i = 0, col = 0;
    int at_start = 1;
    while (i < n && s[i] == ' ')
        i++;
    fwrite(s, 1, i, out);
    col = i;
    while (i < n) {
        size_t sp = i;
        while (i < n && s[i] == ' ')
            i++;
        size_t gap = i - sp, w0 = i, cols = 0;
        while (i < n && s[i] != ' ') {
            size_t len;
            int cw = char_cols(s + i, n - i, &len);
            if (cw == 2 && i > w0)
                break;          /* a wide character starts a word of its own */
            i += len;
            cols += (size_t)cw;
            if (cw == 2)
                break;          /* and may end the line */
        }
        if (i == w0)
            break;              /* trailing spaces */
        if (!at_start && col + gap + cols > (size_t)width) {
            fprintf(out, "\n%s", pre);
            col = hang;
        } else {
            fwrite(s + sp, 1, gap, out);
            col += gap;
        }
        fwrite(s + w0, 1, i - w0, out);
        col += cols;
        at_start = 0;
    }
    fputc('\n', out);
}

/* Text wrapped line by line, a fenced code block's lines as written */
static void wrap_print(FILE *out, const char *s, size_t n, int width)
{
    int fenced = 0;
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t len = nl ? (size_t)(nl - s) : n;
        size_t k = 0;
        while (k < len && k < 4 && s[k] == ' ')
            k++;
        int fence = len - k >= 3 && (memcmp(s + k, "```", 3) == 0 || memcmp(s + k, "~~~", 3) == 0);
        if (fenced || fence) {
            fwrite(s, 1, len, out);
            fputc('\n', out);
        } else {
            wrap_line(out, s, len, width);
        }
        if (fence)
            fenced = !fenced;
        if (!nl)
            break;
        s += len + 1;
        n -= len + 1;
    }
}

void answer_print(FILE *out, const faq_index *ix, const faq_answer *a, int numbered, int width)
{
    /* too narrow to wrap into, or no terminal: the lines as written */
    if (width < 20) {
        print_plain(out, ix, a, numbered);
        return;
    }
    char *text = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&text, &n);
    if (!m) {
        print_plain(out, ix, a, numbered);
        return;
    }
    print_plain(m, ix, a, numbered);
    if (fclose(m) != 0 || !text) {
        free(text);
        print_plain(out, ix, a, numbered);
        return;
    }
    wrap_print(out, text, n, width);
    free(text);
}
