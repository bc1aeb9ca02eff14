import ScorecardRender
import Testing

@Suite struct EscapingTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (#""><img src=x onerror=alert(1)>"#, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("it's &amp; done", "it&#39;s &amp;amp; done"),
        ("right\u{202E}left", "right&lt;U+202E&gt;left"),
        ("GPT-4o\u{200B}", "GPT-4o&lt;U+200B&gt;"),
        ("bell\u{07}", "bell&lt;U+0007&gt;"),
        ("a\r\nb\rc", "a\nb\nc"),
    ])
    func html(input: String, expected: String) {
        #expect(Escaping.html(input) == expected)
    }

    @Test(arguments: [
        ("plain text", "plain text"),
        ("| a | b |", #"\| a \| b \|"#),
        ("`code` and **bold** and _it_ and ~~gone~~", #"\`code\` and \*\*bold\*\* and \_it\_ and \~\~gone\~\~"#),
        ("win_rate_accuracy a_ _b", #"win_rate_accuracy a\_ \_b"#),
        ("[link](javascript:x)", #"\[link\](javascript:x)"#),
        ("![img](x.png)", #"!\[img\](x.png)"#),
        ("<script>alert(1)</script>", #"\<script>alert(1)\</script>"#),
        ("&amp; and $x$", #"\&amp; and \$x\$"#),
        ("back\\slash", #"back\\slash"#),
        ("line one\nline two\r\n\tthree", "line one line two three"),
        ("  # heading", ##"\# heading"##),
        ("a # b > c", "a # b > c"),
        ("> quote", #"\> quote"#),
        ("- item", #"\- item"#),
        ("-5% change", "-5% change"),
        ("--", #"\--"#),
        ("- - -", #"\- - -"#),
        ("+ item", #"\+ item"#),
        ("=====", #"\====="#),
        ("= x", "= x"),
        ("12. numbered", #"12\. numbered"#),
        ("3) numbered", #"3\) numbered"#),
        ("64.7%", "64.7%"),
        ("2024.", #"2024\."#),
        ("2.5× uplift", "2.5× uplift"),
        ("a\u{202E}b", #"a\<U+202E>b"#),
        // Autolinks (GitHub's cmark-gfm and markdown-it's linkify): the character that starts one is escaped.
        ("www.evil.example", #"www\.evil.example"#),
        ("WWW.EVIL.EXAMPLE and (www.x.org)", #"WWW\.EVIL.EXAMPLE and (www\.x\.org)"#),
        ("https://evil.example/x", #"https\:\//evil.example/x"#),
        ("HTTP://EVIL.EXAMPLE ftp://x", #"HTTP\:\//EVIL.EXAMPLE ftp\:\//x"#),
        ("see //evil.example", #"see \//evil.example"#),
        ("evil.com gpt-4o.md a.b.io", #"evil\.com gpt-4o\.md a.b\.io"#),
        ("cbrn.svg evidence.jsonl e.g. i.e. 0.46 v1.2", "cbrn.svg evidence.jsonl e.g. i.e. 0.46 v1.2"),
        // An e-mail address cannot be escaped for cmark-gfm: its `@` is shown as `[@]`.
        ("me@evil.example", #"me\[@\]evil.example"#),
        ("mailto:a@b.example xmpp:c@d.io", #"mailto:a\[@\]b.example xmpp:c\[@\]d\.io"#),
        ("pass@10 cons@32 x@1.2.3 @handle 5 @ 10", "pass@10 cons@32 x@1.2.3 @handle 5 @ 10"),
        // Invisible characters are shown.
        ("GPT-4o\u{200B}", #"GPT-4o\<U+200B>"#),
        ("\u{FEFF}o1 soft\u{00AD}hyphen", #"\<U+FEFF>o1 soft\<U+00AD>hyphen"#),
        ("zero\u{200D}width\u{2060}joiners", #"zero\<U+200D>width\<U+2060>joiners"#),
        ("Hangul\u{3164}filler", #"Hangul\<U+3164>filler"#),
        ("emoji ⚠\u{FE0F}", "emoji ⚠\u{FE0F}"),
    ])
    func markdown(input: String, expected: String) {
        #expect(Escaping.markdown(input) == expected)
    }

    @Test(arguments: [
        ("GPT-4o\u{1B}[2J", #"GPT-4o\u{1b}[2J"#), ("a\nb", #"a\u{a}b"#), ("x\u{202E}y", #"x\u{202e}y"#),
        ("GPT-4o\u{200B}", #"GPT-4o\u{200b}"#), ("plain", "plain"),
    ])
    func terminal(input: String, expected: String) {
        #expect(Escaping.terminal(input) == expected)
    }
}
