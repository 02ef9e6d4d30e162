/* test_markdown.c: markdown.h: an answer's Markdown becomes HTML the chat
 * page may insert as is: raw HTML and dangerous link schemes are dropped
 * (in every spelling), ordinary Markdown and safe links survive;
 * markdown_inline_text shows a line's inline Markdown as a terminal shows
 * text; and html_escape escapes the five characters and reports a full
 * buffer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "markdown.h"

static char *render(const char *md)
{
    char *h = markdown_to_safe_html(md, strlen(md));
    assert_non_null(h);
    return h;
}

/* case-insensitive strstr: an attack may change case */
static int has(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (strncasecmp(p, needle, n) == 0)
            return 1;
    return 0;
}

static void test_raw_html_dropped(void **st)
{
    (void)st;
    static const char *const inputs[] = {
        "<script>alert(1)</script>\n\nhello",
        "text <script>alert(1)</script> more",
        "<img src=x onerror=alert(1)>",
        "a <b onclick=\"alert(1)\">bold</b> b",
        "<iframe src=\"https://example.org\"></iframe>",
        "<div>\n<script>alert(1)</script>\n</div>",
        "<style>body{display:none}</style>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        char *h = render(inputs[i]);
        assert_false(has(h, "<script"));
        assert_false(has(h, "<img src=x"));
        assert_false(has(h, "onerror"));
        assert_false(has(h, "onclick"));
        assert_false(has(h, "onload"));
        assert_false(has(h, "<iframe"));
        assert_false(has(h, "<style"));
        assert_false(has(h, "<svg"));
        assert_false(has(h, "javascript:"));
        free(h);
    }
    /* the text around the HTML is kept */
    char *h = render("<script>alert(1)</script>\n\nhello");
    assert_non_null(strstr(h, "<p>hello</p>"));
    free(h);
}

static void test_dangerous_links_dropped(void **st)
{
    (void)st;
    static const char *const inputs[] = {
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](&#106;avascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![i](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        char *h = render(inputs[i]);
        /* no attribute holds the scheme (an autolink's text may show it) */
        assert_false(has(h, "=\"javascript:"));
        assert_false(has(h, "=\"vbscript:"));
        assert_false(has(h, "=\"file:"));
        assert_false(has(h, "=\"data:text"));
        /* the link itself stays, without its target */
        assert_true(strstr(h, "href=\"\"") != NULL || strstr(h, "src=\"\"") != NULL);
        free(h);
    }
}

static void test_markdown_kept(void **st)
{
    (void)st;
    char *h = render("La iniciativa es **indefinida** y *flexible*, ver `faq`.\n\n"
                     "- uno\n- dos\n\n[Red](https://migrationnetwork.un.org/es \"la Red\")\n");
    assert_non_null(strstr(h, "<strong>indefinida</strong>"));
    assert_non_null(strstr(h, "<em>flexible</em>"));
    assert_non_null(strstr(h, "<code>faq</code>"));
    assert_non_null(strstr(h, "<ul>\n<li>uno</li>\n<li>dos</li>\n</ul>"));
    assert_non_null(strstr(h, "<a href=\"https://migrationnetwork.un.org/es\" title=\"la Red\">Red</a>"));
    free(h);
    /* mailto: and relative links are not dangerous */
    h = render("[m](mailto:red@example.org) [r](/ask?q=hola)");
    assert_non_null(strstr(h, "href=\"mailto:red@example.org\""));
    assert_non_null(strstr(h, "href=\"/ask?q=hola\""));
    free(h);
    /* text that looks like markup is escaped, not dropped */
    h = render("1 < 2 & 3 > 2");
    assert_non_null(strstr(h, "1 &lt; 2 &amp; 3 &gt; 2"));
    free(h);
    /* an attribute cannot be broken out of */
    h = render("[x](\"><script>alert(1)</script>)");
    assert_false(has(h, "<script"));
    free(h);
}

/* A bare address an editor pasted is a link; its sentence's punctuation, a
 * ")" it did not open, code, a link's own text and "xhttp" stay as written. */
/* A long option in the text is kept as typed, not made an en dash (copied
 * from the page, "\u2013verbose" is no option); the dashes of prose are
 * still typographic */
static void test_option_dashes_kept(void **st)
{
    (void)st;
    char *h = render("Run it with --verbose (or --log-level=debug), see **--help**.");
    assert_non_null(strstr(h, "with --verbose (or --log-level=debug)"));
    assert_non_null(strstr(h, "<strong>--help</strong>"));
    free(h);
    h = render("--verbose first\n\npages 10--20, a -- b, well---no, a--b");
    assert_non_null(strstr(h, "<p>--verbose first</p>"));
    assert_non_null(strstr(h, "10\xe2\x80\x93" "20"));        /* en dash */
    assert_non_null(strstr(h, "a \xe2\x80\x93 b"));
    assert_non_null(strstr(h, "well\xe2\x80\x94no"));      /* em dash */
    assert_non_null(strstr(h, "a\xe2\x80\x93" "b"));
    free(h);
    /* a dash typed as such before a word stays: Spanish's inciso */
    h = render("la Red \xe2\x80\x93" "a saber, el Centro\xe2\x80\x93 mediante --all");
    assert_non_null(strstr(h, "Red \xe2\x80\x93" "a saber"));
    assert_non_null(strstr(h, "mediante --all</p>"));
    free(h);
}

static void test_bare_urls_linked(void **st)
{
    (void)st;
    static const struct { const char *md, *html; } cases[] = {
        {"Renew at https://example.org/r?a=1&b=2, or call.",
         "<p>Renew at <a href=\"https://example.org/r?a=1&amp;b=2\">https://example.org/r?a=1&amp;b=2</a>, or call.</p>\n"},
        {"(see http://example.org/x_(y))", "<p>(see <a href=\"http://example.org/x_(y)\">http://example.org/x_(y)</a>)</p>\n"},
        {"**https://example.org/**", "<p><strong><a href=\"https://example.org/\">https://example.org/</a></strong></p>\n"},
        {"[the rules](https://example.org/rules) `https://code.example` xhttps://no.example https://",
         "<p><a href=\"https://example.org/rules\">the rules</a> <code>https://code.example</code> xhttps://no.example "
         "https://</p>\n"},
        {"```\nhttps://fence.example\n```", "<pre><code>https://fence.example\n</code></pre>\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *h = render(cases[i].md);
        assert_string_equal(h, cases[i].html);
        free(h);
    }
}

static void test_not_nul_terminated(void **st)
{
    (void)st;
    /* only len bytes are read: what follows is not part of the answer */
    const char buf[] = "**a**<script>";
    char *h = markdown_to_safe_html(buf, 5);
    assert_string_equal(h, "<p><strong>a</strong></p>\n");
    free(h);
    h = markdown_to_safe_html("", 0);
    assert_string_equal(h, "");
    free(h);
}

static void test_html_escape(void **st)
{
    (void)st;
    char out[64];
    const char *in = "<a href=\"x\">O'Brien & co</a>";
    size_t n = html_escape(out, 0, sizeof out, in, strlen(in));
    assert_string_equal(out, "&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;");
    assert_int_equal(n, strlen(out));
    /* appends after len */
    memcpy(out, "ab", 2);
    n = html_escape(out, 2, sizeof out, "<", 1);
    assert_string_equal(out, "ab&lt;");
    assert_int_equal(n, 6);
    /* UTF-8 and NUL-free bytes pass through */
    n = html_escape(out, 0, sizeof out, "pa\xC3\xADs", 5);
    assert_string_equal(out, "pa\xC3\xADs");
    /* a full buffer says so with cap, and never writes past it */
    char small[8];
    memset(small, 'Z', sizeof small);
    assert_int_equal(html_escape(small, 0, 6, "<<", 2), 6);
    assert_int_equal(small[6], 'Z');
    assert_int_equal(small[7], 'Z');
    assert_int_equal(html_escape(small, 0, 6, "abcde", 5), 5);
    assert_string_equal(small, "abcde");
    assert_int_equal(html_escape(small, 0, 6, "abcdef", 6), 6);
}

/* one line as a terminal shows it; unstyled unless styled */
static void inline_is(const char *md, int styled, const char *want)
{
    size_t n = 0;
    char *t = markdown_inline_text(md, strlen(md), styled, 1, &n);
    assert_non_null(t);
    assert_int_equal(n, strlen(want));
    assert_string_equal(t, want);
    free(t);
}

static void test_inline_text(void **st)
{
    (void)st;
    inline_is("_it_ and __bold__, *it* and **bold**", 0, "it and bold, it and bold");
    inline_is("_it_ and __bold__", 1, "\033[3mit\033[23m and \033[1mbold\033[22m");
    /* bold in bold styled once, ended with the outer */
    inline_is("**a **b** c**", 1, "\033[1ma b c\033[22m");
    /* a paragraph's lines: an emphasis and a link over two, the break kept */
    inline_is("**by bank\ncard**; [the price\nlist](https://example.org/p)", 1,
              "\033[1mby bank\ncard\033[22m; the price\nlist <https://example.org/p>");
    /* flowing on: a line's end a space, a hard break still a break */
    size_t n = 0;
    const char *md = "*a\nb*  \nc\\\nd";
    char *t = markdown_inline_text(md, strlen(md), 0, 0, &n);
    assert_non_null(t);
    assert_string_equal(t, "a b\nc\nd");
    free(t);
    inline_is("***both***", 1, "\033[3m\033[1mboth\033[22m\033[23m");
    inline_is("Tom &amp; Jerry's caf&eacute; &#x41;", 0, "Tom & Jerry's caf\xC3\xA9 A");
    inline_is("see <https://example.org> or [the help](https://example.org/h)", 0,
              "see <https://example.org> or the help <https://example.org/h>");
    inline_is("[https://x.org](https://x.org), <me@x.org>", 0, "<https://x.org>, <me@x.org>");
    inline_is("![a *map*](m.png) ![](n.png)", 0, "a map <m.png> <n.png>");
    inline_is("`**as typed**`, ``a ` b``, `` `x` ``", 0, "`**as typed**`, ``a ` b``, `` `x` ``");
    /* no smart punctuation; inline HTML and escapes as written and meant */
    inline_is("\"so\" -- 'it' <b>is</b> \\*not\\* 5 * 3", 0, "\"so\" -- 'it' <b>is</b> *not* 5 * 3");
    /* no paragraph: as written */
    inline_is("---", 0, "---");
    inline_is("#", 0, "#");
    inline_is("", 0, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raw_html_dropped),
        cmocka_unit_test(test_dangerous_links_dropped),
        cmocka_unit_test(test_markdown_kept),
        cmocka_unit_test(test_option_dashes_kept),
        cmocka_unit_test(test_bare_urls_linked),
        cmocka_unit_test(test_not_nul_terminated),
        cmocka_unit_test(test_html_escape),
        cmocka_unit_test(test_inline_text),
    };
    return cmocka_run_group_tests_name("markdown", tests, NULL, NULL);
}
