/* answer_text.c: an answer as text for a terminal (see answer_text.h). */
#include "answer_text.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include "markdown.h"
#include "messages.h"

/* The entries offered, one a line; one the FAQ lacks in the asker's
 * language (L) is marked with its own, by name in the asker's (ql), as an
 * answer in another language is. */
static void print_hits(FILE *out, const faq_index *ix, uint32_t ql, int L, const faq_hit *hits, int n,
                       int numbered)
{
    for (int i = 0; i < n; i++) {
        faq_entry e;
        faq_index_entry(ix, hits[i].entry, &e);
        char name[128] = "";
        if (L >= 0 && e.lang != (uint32_t)L)
            msg_lang_name(ix, ql, e.lang, name, sizeof name);
        if (numbered)
            fprintf(out, "  %d. %.*s", i + 1, (int)e.question.len, e.question.s);
        else
            fprintf(out, "  - %.*s", (int)e.question.len, e.question.s);
        fprintf(out, *name ? " (%s)\n" : "\n", name);
    }
}

static void print_body(FILE *out, const faq_entry *e, long body[2])
{
    if (body)
        body[0] = ftell(out);
    fprintf(out, "%.*s\n", (int)e->answer.len, e->answer.s);
    if (body)
        body[1] = ftell(out);
}

/* The answer as written; where body is given, the offsets in out of the
 * FAQ's text shown (an answer's or small talk's), from its first byte to
 * past its end of line, [0, 0) when there is none */
static void print_plain(FILE *out, const faq_index *ix, const faq_answer *a, int numbered, long body[2])
{
    uint32_t ql = msg_lang(ix, a->query_lang);
    int L = a->query_lang ? faq_index_lang_find(ix, a->query_lang) : -1;
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
        msg_decline(ix, ql, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
        n = faq_answer_offers(ix, a, hits);
        if (n) {
            msg_format(ix, ql, "suggestions", NULL, msg, sizeof msg);
            fprintf(out, "%s\n", msg);
            print_hits(out, ix, ql, L, hits, n, numbered);
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
        print_hits(out, ix, ql, L, hits, n, numbered);
        return;
    }
    if (a->outcome == OUTCOME_SMALLTALK) {
        print_body(out, &e, body);
        return;
    }
    if (a->other_lang) {
        char name[128];
        msg_lang_name(ix, ql, e.lang, name, sizeof name);
        const char *kv[] = {"lang", name, NULL};
        msg_format(ix, ql, "other_lang", kv, msg, sizeof msg);
        fprintf(out, "%s\n", msg);
    }
    fprintf(out, "## %.*s\n\n", (int)e.question.len, e.question.s);
    print_body(out, &e, body);
    n = faq_answer_offers(ix, a, hits);
    if (n) {
        /* under an answer they are related questions, as on the page: "did
         * you mean" would doubt the answer just given */
        msg_format(ix, ql, "page_alternatives", NULL, msg, sizeof msg);
        fprintf(out, "\n%s\n", msg);
        print_hits(out, ix, ql, L, hits, n, numbered);
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

/* The end of a line's block start: its indent, then a list item's marker
 * ("- ", "1. ") or a heading's "## " and its blank, or a quote's ">" (and
 * its blank); the indent alone when it has none */
static size_t block_start(const char *s, size_t n)
{
    size_t i = 0;
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
    if (m > i && s[i] == '>')
        return m < n && s[m] == ' ' ? m + 1 : m;   /* ">>": quoted twice */
    return m > i && m < n && s[m] == ' ' ? m + 1 : i;
}

/* The end of a line's block starts, one in another ("> - ", "- 1. ") */
static size_t block_starts(const char *s, size_t n)
{
    size_t b = 0, e;
    while ((e = block_start(s + b, n - b)) > 0)
        b += e;
    return b;
}

/* The columns of a line's start that its wrapped lines hang under: the
 * indent, then a list item's marker or a heading's "## " as blanks, a
 * quote's ">" as itself, so the text lines up as the item's */
static size_t hang_prefix(const char *s, size_t n, char *pre, size_t cap)
{
    size_t o = 0, m = block_starts(s, n);
    for (size_t k = 0; k < m && o + 1 < cap; k++)
        pre[o++] = s[k] == '>' ? '>' : ' ';
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

/* The display columns of n bytes at s */
static size_t text_cols(const char *s, size_t n)
{
    size_t cols = 0, len;
    for (size_t i = 0; i < n; i += len)
        cols += (size_t)char_cols(s + i, n - i, &len);
    return cols;
}

/* The end of the code span whose opening backticks are at s + i (the
 * bytes after the closing run of as many), or i when none closes it on
 * the line */
static size_t code_span_end(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && s[k] == '`')
        k++;
    size_t run = k - i;
    while (k < n) {
        size_t c = k;
        while (k < n && s[k] == '`')
            k++;
        if (k - c == run)
            return k;
        if (k == c)
            k++;
    }
    return i;
}

/* One line broken at its spaces (and between wide characters, which CJK
 * text breaks at) so that none is wider than width; a word wider than the
 * line (a long address) is kept whole on a line of its own, for copying.
 * A code span that fits on a line is not broken at its spaces: "`command
 * not found`" is copied, or read, as one thing, as the page keeps it. */
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
        size_t gap = i - sp, w0 = i, cols = 0, code_end = 0;
        while (i < n && (s[i] != ' ' || i < code_end)) {
            size_t len;
            if (s[i] == '`' && i >= code_end) {
                size_t e = code_span_end(s, n, i);
                if (e > i && text_cols(s + w0, e - w0) + hang <= (size_t)width)
                    code_end = e;
                else
                    while (i + 1 < n && s[i + 1] == '`')   /* the run is no opening */
                        cols++, i++;
            }
            int cw = char_cols(s + i, n - i, &len);
            if (cw == 2 && i > w0 && i >= code_end)
                break;          /* a wide character starts a word of its own */
            i += len;
            cols += (size_t)cw;
            if (cw == 2 && i >= code_end)
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

/* Whether the terminal takes styles: not when the user asks for none
 * (NO_COLOR, no-color.org) or the terminal says it is dumb */
static int styles_wanted(void)
{
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    return !(no && *no) && term && *term && strcmp(term, "dumb") != 0;
}

/* Whether a line goes on the paragraph of the line before (CommonMark's
 * paragraph continuation): not blank, and no block of its own starts on
 * it (a list item, a quote, a heading, a fence, a rule or underline, an
 * HTML block) */
static int continues(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i == n || block_starts(s, n) > i || s[i] == '#' || s[i] == '<' ||
        (n - i >= 3 && (memcmp(s + i, "```", 3) == 0 || memcmp(s + i, "~~~", 3) == 0)))
        return 0;
    size_t k = i;
    while (k < n && strchr("-*_= ", s[k]))
        k++;
    return k < n;
}

/* A line's start (its block starts, indent or hang: pre, pn bytes), then
 * its text as the terminal shows it, wrapped; with no memory to join them
 * in, the line as written (written, wn bytes) if there is one */
static void wrap_joined(FILE *out, const char *pre, size_t pn, const char *text, size_t tn,
                        const char *written, size_t wn, int width)
{
    char *line = malloc(pn + tn + 1);
    if (line) {
        memcpy(line, pre, pn);
        memcpy(line + pn, text, tn);
        wrap_line(out, line, pn + tn, width);
        free(line);
    } else if (written) {
        wrap_line(out, written, wn, width);
    }
}

/* How many quotes a line opens with ("> > "), and in *len the bytes of
 * those marks, their indent and blanks */
static int quote_marks(const char *s, size_t n, size_t *len)
{
    int depth = 0;
    size_t b = 0, i = 0;
    for (;;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i == n || s[i] != '>')
            break;
        i++;
        if (i < n && s[i] == ' ')
            i++;
        b = i;
        depth++;
    }
    *len = b;
    return depth;
}

/* Whether a line goes on the paragraph of a line quoted depth times: it
 * goes on it as a line of its own would (continues()), after the same
 * quote marks. "> **a" / "> b**" is one paragraph, as on the page */
static int continues_quoted(const char *s, size_t n, int depth)
{
    size_t q;
    return depth > 0 && quote_marks(s, n, &q) == depth && continues(s + q, n - q);
}

/* One line wrapped, the inline Markdown of its text (after its block
 * starts) shown as a terminal shows it */
static void markdown_line(FILE *out, const char *s, size_t len, int width, int styled)
{
    size_t b = block_starts(s, len);
    size_t rn = 0;
    char *rest = markdown_inline_text(s + b, len - b, styled, 1, &rn);
    if (rest && !memchr(rest, '\n', rn))
        wrap_joined(out, s, b, rest, rn, s, len, width);
    else
        wrap_line(out, s, len, width);   /* no memory to render it in */
    free(rest);
}

/* A paragraph of lines lines at s (len bytes, the last without its end of
 * line): its inline Markdown read whole, so that an emphasis or a link an
 * editor broke across two lines is read as the page reads it. With
 * reflow, its text flows on at the terminal's width (breaking only at a
 * hard line break), as on the page: the FAQ's lines, written for a file,
 * broke again at a terminal a little narrower ("are open\nTuesday").
 * Else in the FAQ's lines, each with its block starts or indent as
 * written. Read line by line when the lines do not come back one for one
 * (a code span across lines, a link reference definition). */
static void markdown_paragraph(FILE *out, const char *s, size_t len, int lines, int width, int styled,
                               int reflow)
{
    /* the lines' text, their block starts and indents left out */
    char *text = malloc(len + 1), *rest = NULL;
    size_t tn = 0, rn = 0;
    if (text) {
        const char *p = s, *end = s + len;
        for (int i = 0; i < lines; i++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
            size_t b;
            if (i)
                quote_marks(p, l, &b);   /* a quoted paragraph's marks again */
            else
                b = block_starts(p, l);
            while (b < l && (p[b] == ' ' || p[b] == '\t'))
                b++;
            memcpy(text + tn, p + b, l - b);
            tn += l - b;
            if (i + 1 < lines)
                text[tn++] = '\n';
            p += l + 1;
        }
        rest = markdown_inline_text(text, tn, styled, 1, &rn);
    }
    int got = rest ? 1 : 0;
    for (size_t k = 0; rest && k < rn; k++)
        got += rest[k] == '\n';
    const char *first_nl = memchr(s, '\n', len);
    size_t first_len = first_nl ? (size_t)(first_nl - s) : len;
    if (got == lines && reflow && lines > 1) {
        free(rest);
        rest = markdown_inline_text(text, tn, styled, 0, &rn);
    }
    if (got == lines && reflow && lines > 1 && rest) {
        /* the first line's block starts, then its hang under each line
         * after a hard break */
        char pre[64];
        size_t b = block_starts(s, first_len), hang = hang_prefix(s, first_len, pre, sizeof pre);
        const char *r = rest;
        for (int i = 0; r <= rest + rn; i++) {
            const char *rnl = memchr(r, '\n', (size_t)(rest + rn - r));
            size_t sl = rnl ? (size_t)(rnl - r) : (size_t)(rest + rn - r);
            wrap_joined(out, i ? pre : s, i ? hang : b, r, sl, NULL, 0, width);
            r += sl + 1;
        }
        free(rest);
        free(text);
        return;
    }
    const char *p = s, *r = rest, *end = s + len;
    for (int i = 0; i < lines; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (got != lines || !rest) {
            markdown_line(out, p, l, width, styled);
        } else {
            const char *rnl = memchr(r, '\n', (size_t)(rest + rn - r));
            size_t sl = rnl ? (size_t)(rnl - r) : (size_t)(rest + rn - r);
            size_t b;
            if (i)
                quote_marks(p, l, &b);
            else
                b = block_starts(p, l);
            while (b < l && (p[b] == ' ' || p[b] == '\t'))
                b++;
            wrap_joined(out, p, b, r, sl, p, l, width);
            r += sl + 1;
        }
        p += l + 1;
    }
    free(rest);
    free(text);
}

/* Text wrapped line by line, a fenced code block's lines as written; with
 * markdown, its inline Markdown shown as a terminal shows text, and with
 * reflow too (an answer's text, not the bot's own lines) its paragraphs
 * flowing on at the width */
static void wrap_print(FILE *out, const char *s, size_t n, int width, int markdown, int reflow)
{
    int styled = styles_wanted();
    if (width < 20)
        width = INT_MAX;   /* too narrow to wrap into, or unknown: not wrapped */
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
        } else {
            /* the block starts kept as the line has them ("> - ": cmark
             * would read one line's "1. " as a list), the rest's inline
             * Markdown read by cmark as the page reads it, with the lines
             * that go on its paragraph (a heading is one line) */
            int lines = 1;
            size_t b = block_starts(s, len), i = 0, q;
            int quoted = quote_marks(s, len, &q);
            while (i < len && s[i] == ' ')
                i++;
            if (b < len && s[i] != '#' && continues(s, len) + (b > 0) > 0)
                while (nl && nl + 1 < s + n) {
                    const char *next = nl + 1, *nnl = memchr(next, '\n', (size_t)(s + n - next));
                    size_t nlen = nnl ? (size_t)(nnl - next) : (size_t)(s + n - next);
                    if (!continues(next, nlen) && !continues_quoted(next, nlen, quoted))
                        break;
                    lines++;
                    len = (size_t)(next - s) + nlen;
                    nl = nnl;
                }
            markdown_paragraph(out, s, len, lines, width, styled, reflow && width != INT_MAX);
        }
        if (fence && markdown)
            fenced = !fenced;
        if (!nl)
            break;
        s += len + 1;
        n -= len + 1;
    }
}

void answer_print(FILE *out, const faq_index *ix, const faq_answer *a, int numbered, int width)
{
    /* no terminal: the lines and their Markdown as written */
    if (width <= 0) {
        print_plain(out, ix, a, numbered, NULL);
        return;
    }
    char *text = NULL;
    size_t n = 0;
    long body[2] = {0, 0};
    FILE *m = open_memstream(&text, &n);
    if (!m) {
        print_plain(out, ix, a, numbered, NULL);
        return;
    }
    print_plain(m, ix, a, numbered, body);
    if (fclose(m) != 0 || !text) {
        free(text);
        print_plain(out, ix, a, numbered, NULL);
        return;
    }
    /* the FAQ's text flows on at the width; the bot's own lines (its
     * messages, "did you mean", the alternatives) stay lines */
    size_t b0 = body[0] >= 0 && (size_t)body[0] <= n ? (size_t)body[0] : 0;
    size_t b1 = body[1] >= body[0] && (size_t)body[1] <= n ? (size_t)body[1] : b0;
    if (b0)
        wrap_print(out, text, b0, width, 1, 0);
    if (b1 > b0)
        wrap_print(out, text + b0, b1 - b0, width, 1, 1);
    if (n > b1)
        wrap_print(out, text + b1, n - b1, width, 1, 0);
    free(text);
}

void text_print(FILE *out, const char *s, size_t n, int width)
{
    if (width <= 0)
        fprintf(out, "%.*s\n", (int)n, s);   /* a pipe: as written */
    else
        wrap_print(out, s, n, width, 0, 0);
}
