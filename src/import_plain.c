/* import_plain.c: plain text's layout read as Markdown (see import_plain.h). */
#include "import_plain.h"

#include <stdlib.h>
#include <string.h>

/* A no-break space (U+00A0, C2 A0 in UTF-8) at s[i]? */
static int nbsp_at(const char *s, size_t n, size_t i)
{
    return i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0;
}

/* The byte after l's leading blanks; their width in *col. */
static size_t skip_blanks(import_line l, size_t *col)
{
    size_t i = 0, c = 0;
    while (i < l.n) {
        if (l.s[i] == ' ') {
            c++;
            i++;
        } else if (l.s[i] == '\t') {
            c = (c / 8 + 1) * 8;
            i++;
        } else if (nbsp_at(l.s, l.n, i)) {
            c++;
            i += 2;
        } else {
            break;
        }
    }
    if (col)
        *col = c;
    return i;
}

int import_line_blank(import_line l)
{
    size_t i = skip_blanks(l, NULL);
    while (i < l.n && l.s[i] == '\r')
        i++;
    return i == l.n;
}

size_t import_line_indent(import_line l)
{
    size_t col;
    skip_blanks(l, &col);
    return col;
}

int import_line_rule(import_line l)
{
    size_t i = skip_blanks(l, NULL), run = 0;
    if (i == l.n || !l.s[i] || !strchr("-=_~*", l.s[i]))
        return 0;
    char c = l.s[i];
    for (; i < l.n && l.s[i] == c; i++)
        run++;
    while (i < l.n && (l.s[i] == ' ' || l.s[i] == '\t' || l.s[i] == '\r'))
        i++;
    return run >= 4 && i == l.n;
}

/* s[i..end) with its no-break spaces as spaces. */
static void put_plain(import_text *t, const char *s, size_t i, size_t end)
{
    for (; i < end; i++) {
        if (nbsp_at(s, end, i)) {
            import_text_put(t, " ", 1);
            i++;
        } else {
            import_text_put(t, s + i, 1);
        }
    }
}

/* The end of l without its trailing spaces and carriage return. */
static size_t trimmed_end(import_line l, size_t from)
{
    size_t end = l.n;
    while (end > from && (l.s[end - 1] == ' ' || l.s[end - 1] == '\t' || l.s[end - 1] == '\r'))
        end--;
    return end;
}

void import_line_put_trimmed(import_text *t, import_line l)
{
    size_t i = skip_blanks(l, NULL);
    put_plain(t, l.s, i, trimmed_end(l, i));
}

/* Does l open a list item ("* x", "- x", "o x", "1. x", "2) x", "(a) x")?
 * The column of the item's text in *text_col. */
static int list_item(import_line l, size_t *text_col)
{
    size_t col, i = skip_blanks(l, &col), k = i;
    if (k < l.n && l.s[k] && strchr("*-+o", l.s[k])) {
        k++;
    } else if (l.n - k >= 3 && memcmp(l.s + k, "\xE2\x80\xA2", 3) == 0) {   /* a bullet */
        k += 3;
    } else {
        /* "1." "12)" "a)" "(iv)": digits, or one letter, or either in brackets */
        int paren = k < l.n && l.s[k] == '(';
        size_t from = k += (size_t)paren, digits = 0, letters = 0;
        for (; k < l.n && k - from < 4; k++) {
            if (l.s[k] >= '0' && l.s[k] <= '9')
                digits++;
            else if (l.s[k] >= 'a' && l.s[k] <= 'z')
                letters++;
            else
                break;
        }
        int fits = paren ? (digits || letters) : digits ? !letters && digits <= 3 : letters == 1;
        if (!fits || k >= l.n || (paren ? l.s[k] != ')' : l.s[k] != '.' && l.s[k] != ')'))
            return 0;
        k++;
    }
    if (k >= l.n || (l.s[k] != ' ' && l.s[k] != '\t'))
        return 0;
    size_t c = col + (k - i);   /* the marker is ASCII but for the bullet, one column */
    if ((unsigned char)l.s[i] == 0xE2)
        c -= 2;
    while (k < l.n && (l.s[k] == ' ' || l.s[k] == '\t')) {
        c = l.s[k] == '\t' ? (c / 8 + 1) * 8 : c + 1;
        k++;
    }
    *text_col = c;
    return 1;
}

int import_line_prose(import_line l)
{
    size_t i = skip_blanks(l, NULL), end = trimmed_end(l, i), words = 0, plain = 0;
    if (i == end || strchr("#$%>/", l.s[i]))
        return 0;
    for (size_t k = i; k < end; k++)
        if (strchr("{}|$=<>`\\", l.s[k]) || (l.s[k] == '#' && l.s[k - 1] == ' '))
            return 0;
    while (i < end) {
        size_t w = i, letters = 0, other = 0;
        while (i < end && l.s[i] != ' ' && l.s[i] != '\t') {
            unsigned char ch = (unsigned char)l.s[i++];
            if ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')
                letters++;
            else if (ch >= 0x80)
                letters++;   /* a letter of another script, or part of one */
            else if (!strchr(",.;:!?'\"()-", ch))
                other++;
        }
        if (i > w) {
            words++;
            plain += letters && !other;
        }
        while (i < end && (l.s[i] == ' ' || l.s[i] == '\t'))
            i++;
    }
    return plain >= 4 && plain * 10 >= words * 8;
}

/* Lines indented deeper that read as a paragraph of prose (a definition
 * under its term, a quotation) are prose: most lines of the paragraph
 * lines[from..to] but its last prose ones, or its one line a sentence. */
static int prose_paragraph(const import_line *lines, size_t from, size_t to)
{
    if (from == to) {
        size_t end = trimmed_end(lines[to], 0);
        return import_line_prose(lines[to]) && end && strchr(".,;:?!", lines[to].s[end - 1]);
    }
    size_t prose = 0;
    for (size_t j = from; j < to; j++)   /* the last line of a paragraph may be short */
        prose += (size_t)import_line_prose(lines[j]);
    return prose * 3 >= (to - from) * 2;
}

enum { LINE_BLANK, LINE_PROSE, LINE_CODE };

/* Each line's kind: blank (rules at the margin too), prose or code. */
static void classify(const import_line *lines, size_t n, size_t base, unsigned char *kind)
{
    size_t item_col = 0;   /* the text column of the list item open, or 0 */
    int after_blank = 0;
    for (size_t j = 0; j < n; j++) {
        size_t ind = import_line_indent(lines[j]), text_col;
        if (import_line_blank(lines[j]) || (ind <= base && import_line_rule(lines[j]))) {
            kind[j] = LINE_BLANK;
            after_blank = 1;
            continue;
        }
        int item = list_item(lines[j], &text_col);
        kind[j] = LINE_PROSE;
        if (ind <= base)
            item_col = item ? text_col : after_blank ? 0 : item_col;
        else if (item && !(j && kind[j - 1] == LINE_CODE))
            item_col = text_col;   /* under a line of code, "* x" goes on with the code (a comment) */
        else if (!item_col || ind + 1 < item_col || ind >= item_col + 4)
            kind[j] = LINE_CODE;   /* an item's text lines up with it, give or take a column */
        after_blank = 0;
    }
    for (size_t j = 0; j < n;) {
        if (kind[j] != LINE_CODE) {
            j++;
            continue;
        }
        size_t to = j;
        while (to + 1 < n && kind[to + 1] == LINE_CODE)
            to++;
        if (prose_paragraph(lines, j, to))
            memset(kind + j, LINE_PROSE, to - j + 1);
        j = to + 1;
    }
}

/* The longest run of c at the start of a line in lines[from..to]. */
static size_t longest_lead(const import_line *lines, size_t from, size_t to, char c)
{
    size_t most = 0;
    for (size_t j = from; j <= to; j++) {
        size_t i = skip_blanks(lines[j], NULL), k = i;
        while (k < lines[j].n && lines[j].s[k] == c)
            k++;
        if (k - i > most)
            most = k - i;
    }
    return most;
}

/* The code lines[from..to] (blank ones among them) fenced, each at its depth
 * under the least indented. */
static void put_code(import_text *t, const import_line *lines, const unsigned char *kind, size_t from,
                     size_t to)
{
    size_t strip = (size_t)-1;
    for (size_t j = from; j <= to; j++) {
        size_t ind = import_line_indent(lines[j]);
        if (kind[j] == LINE_CODE && ind < strip)
            strip = ind;
    }
    /* a fence longer than any run of backticks the code opens a line with */
    size_t fence = longest_lead(lines, from, to, '`') + 1;
    if (fence < 3)
        fence = 3;
    for (size_t k = 0; k < fence; k++)
        import_text_put(t, "`", 1);
    import_text_put(t, "\n", 1);
    for (size_t j = from; j <= to; j++) {
        if (kind[j] == LINE_CODE) {
            size_t col, i = skip_blanks(lines[j], &col);
            for (; col > strip; col--)
                import_text_put(t, " ", 1);
            put_plain(t, lines[j].s, i, trimmed_end(lines[j], i));
        }
        import_text_put(t, "\n", 1);
    }
    for (size_t k = 0; k < fence; k++)
        import_text_put(t, "`", 1);
    import_text_put(t, "\n", 1);
}

void import_plain_answer(const import_line *lines, size_t n, size_t base, import_text *t)
{
    if (!n)
        return;
    unsigned char *kind = malloc(n);
    if (!kind) {
        t->oom = 1;
        return;
    }
    classify(lines, n, base, kind);
    size_t start = t->n;
    int pending_blank = 0;
    for (size_t j = 0; j < n; j++) {
        if (kind[j] == LINE_BLANK) {
            pending_blank = t->n > start;
            continue;
        }
        if (pending_blank)
            import_text_put(t, "\n", 1);
        pending_blank = 0;
        if (kind[j] == LINE_PROSE) {
            /* plain text has no headings: "# Double space a file" is a
             * comment of the script under it */
            if (lines[j].s[skip_blanks(lines[j], NULL)] == '#')
                import_text_put(t, "\\", 1);
            import_line_put_trimmed(t, lines[j]);
            import_text_put(t, "\n", 1);
            continue;
        }
        /* the code goes on over blank lines up to its last code line */
        size_t last = j;
        for (size_t k = j + 1; k < n && kind[k] != LINE_PROSE; k++)
            if (kind[k] == LINE_CODE)
                last = k;
        put_code(t, lines, kind, j, last);
        j = last;
    }
    if (t->n > start && !t->oom)
        t->s[--t->n] = '\0';   /* the last line end */
    free(kind);
}
