/* answer_text.c: an answer as text for a terminal (see answer_text.h). */
#include "answer_text.h"

#include <limits.h>
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
     * $COLUMNS as the shell knows it, else a terminal all the same */
    const char *c = getenv("COLUMNS");
    long n = c ? strtol(c, NULL, 10) : 0;
    return n > 0 && n < 10000 ? (int)n : 1;
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
    if (s[0] == '\033') {
        /* a style's escape sequence ("\033[1m") takes no column */
        size_t k = 1;
        while (k < n && !((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z')))
            k++;
        *len = k < n ? k + 1 : n;
        return 0;
    }
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

/* The closing mark of an emphasis opened at s[i] (mark: "**" or "*"): the
 * next one on the line after a non-blank, not a longer run's; 0 if none.
 * An opening mark before a blank (as in "5 * 3") opens nothing. */
static size_t emphasis_end(const char *s, size_t n, size_t i, size_t mark)
{
    size_t a = i + mark;
    if (a >= n || s[a] == ' ' || s[a] == '*')
        return 0;
    for (size_t k = a + 1; k + mark <= n; k++) {
        if (s[k] == '`')
            return 0;
        if (memcmp(s + k, "**", mark) == 0 && s[k - 1] != ' ' && s[k - 1] != '*' &&
            (k + mark == n || s[k + mark] != '*'))
            return k;
    }
    return 0;
}

/* One line's inline Markdown as a terminal shows it, into o (4n + 16
 * bytes): strong and emphasis in bold and italic (styled only when the
 * terminal takes styles, their marks dropped either way), a link as its
 * text and its address in angle brackets (the address alone when it is
 * its text), a backslash's escaped mark as the mark; a code span as
 * written. Returns the length. */
static size_t inline_render(const char *s, size_t n, char *o, int styled)
{
    size_t j = 0;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '`') {
            const char *close = memchr(s + i + 1, '`', n - i - 1);
            size_t end = close ? (size_t)(close - s) + 1 : n;
            memcpy(o + j, s + i, end - i);
            j += end - i;
            i = end;
            continue;
        }
        if (c == '\\' && i + 1 < n && strchr("\\`*_{}[]()#+-.!<>|~", s[i + 1]) && s[i + 1]) {
            o[j++] = s[i + 1];
            i += 2;
            continue;
        }
        size_t mark = i + 1 < n && s[i + 1] == '*' ? 2 : 1;
        size_t end = c == '*' ? emphasis_end(s, n, i, mark) : 0;
        if (end) {
            /* the text between the marks rendered in turn (a link in bold) */
            const char *on = mark == 2 ? "\033[1m" : "\033[3m", *off = mark == 2 ? "\033[22m" : "\033[23m";
            if (styled)
                j += (size_t)sprintf(o + j, "%s", on);
            j += inline_render(s + i + mark, end - i - mark, o + j, styled);
            if (styled)
                j += (size_t)sprintf(o + j, "%s", off);
            i = end + mark;
            continue;
        }
        int image = c == '!' && i + 1 < n && s[i + 1] == '[';
        if (c == '[' || image) {
            size_t t = i + 1 + (size_t)image;
            const char *rb = memchr(s + t, ']', n - t);
            size_t r = rb ? (size_t)(rb - s) : n;
            const char *rp = r + 1 < n && s[r + 1] == '(' ? memchr(s + r + 2, ')', n - r - 2) : NULL;
            size_t u = r + 2, e = rp ? (size_t)(rp - s) : 0;
            if (rp && e > u && !memchr(s + u, ' ', e - u)) {
                size_t tl = r - t, ul = e - u;
                /* "[https://x](https://x)": the address once */
                if (tl != ul || memcmp(s + t, s + u, tl) != 0) {
                    j += inline_render(s + t, tl, o + j, styled);
                    o[j++] = ' ';
                }
                o[j++] = '<';
                memcpy(o + j, s + u, ul);
                j += ul;
                o[j++] = '>';
                i = e + 1;
                continue;
            }
        }
        o[j++] = c;
        i++;
    }
    return j;
}

/* Whether the terminal takes styles: not when the user asks for none
 * (NO_COLOR, no-color.org) or the terminal says it is dumb */
static int styles_wanted(void)
{
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    return !(no && *no) && term && *term && strcmp(term, "dumb") != 0;
}

/* Text wrapped line by line, a fenced code block's lines as written; with
 * markdown, its inline Markdown shown as a terminal shows text */
static void wrap_print(FILE *out, const char *s, size_t n, int width, int markdown)
{
    int styled = styles_wanted();
    if (width < 20)
        width = INT_MAX;   /* too narrow to wrap into, or unknown: not wrapped */
    char *buf = NULL;
    size_t cap = 0;
    int fenced = 0;
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t len = nl ? (size_t)(nl - s) : n;
        size_t k = 0;
        while (k < len && k < 4 && s[k] == ' ')
            k++;
        int fence = len - k >= 3 && (memcmp(s + k, "```", 3) == 0 || memcmp(s + k, "~~~", 3) == 0);
        if (fenced || fence || !markdown) {
            if (!markdown)
                wrap_line(out, s, len, width);
            else {
                fwrite(s, 1, len, out);
                fputc('\n', out);
            }
        } else if (len * 4 + 16 > cap && !(free(buf), buf = malloc(cap = len * 4 + 16))) {
            cap = 0;
            wrap_line(out, s, len, width);   /* no memory to render it in */
        } else {
            wrap_line(out, buf, inline_render(s, len, buf, styled), width);
        }
        if (fence && markdown)
            fenced = !fenced;
        if (!nl)
            break;
        s += len + 1;
        n -= len + 1;
    }
    free(buf);
}

void answer_print(FILE *out, const faq_index *ix, const faq_answer *a, int numbered, int width)
{
    /* no terminal: the lines and their Markdown as written */
    if (width <= 0) {
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
    wrap_print(out, text, n, width, 1);
    free(text);
}

void text_print(FILE *out, const char *s, size_t n, int width)
{
    if (width <= 0)
        fprintf(out, "%.*s\n", (int)n, s);   /* a pipe: as written */
    else
        wrap_print(out, s, n, width, 0);
}
