#!/usr/bin/env python3
"""Hostile sources too large or too binary to keep as files: 100,000 levels of nesting of
every kind, invalid UTF-8 and NUL bytes. Each case is run through rhai-run by
run_generated.sh, which checks that it ends in time, without a signal, with the expected exit
status and message.

  generated.py list            the case names
  generated.py NAME FILE       writes the case's source to FILE and prints
                               "<exit status> <text stderr must contain>"
"""
import sys

N = 100_000
SYNTAX = (1, "Syntax error")


def cases():
    c = {}
    # Nesting in source: each must be a parse error ("maximum complexity"), never a crash.
    c["parens"] = ("(" * N + "1" + ")" * N, SYNTAX)
    c["brackets"] = ("[" * N + "1" + "]" * N, SYNTAX)
    c["blocks"] = ("{" * N + "1" + "}" * N, SYNTAX)
    c["map_literals"] = ("#{a:" * N + "1" + "}" * N, SYNTAX)
    c["interpolations"] = ("`${" * N + "1" + "}`" * N, SYNTAX)
    c["unary_minus"] = ("- " * N + "1", SYNTAX)
    c["unary_not"] = ("!" * N + "true", SYNTAX)
    c["unary_mixed"] = ("!-" * N + "1", SYNTAX)
    c["closures"] = ("|| " * N + "1", SYNTAX)
    c["closures_with_params"] = ("let f = " + "|x| " * N + "x; 0", SYNTAX)
    c["if_nested"] = ("if true { " * N + "1" + " }" * N, SYNTAX)
    c["else_if_chain"] = ("let x = 5; if x == 0 { 0 } " +
                          "".join(f"else if x == {i} {{ {i} }} " for i in range(1, N)) +
                          "else { -1 }", SYNTAX)
    c["else_nested"] = ("if false {1} else {" * N + "2" + "}" * N, SYNTAX)
    c["binary_chain"] = ("1" + " + 1" * N, SYNTAX)
    c["power_chain"] = ("1" + " ** 1" * N, SYNTAX)
    c["and_chain"] = ("true" + " && true" * N, SYNTAX)
    c["coalesce_chain"] = ("1" + " ?? 1" * N, SYNTAX)
    c["calls_nested"] = ("fn f(x) { x } " + "f(" * N + "1" + ")" * N, SYNTAX)
    c["index_chain"] = ("let a = [1]; a" + "[0]" * N, SYNTAX)
    c["property_chain"] = ("let a = #{b: 1}; a" + ".b" * N, SYNTAX)
    c["method_chain"] = ('"a"' + ".len().to_string()" * N, SYNTAX)
    c["while_nested"] = ("while false { " * N + " }" * N, SYNTAX)
    c["for_nested"] = ("for x in [] { " * N + " }" * N, SYNTAX)
    c["try_nested"] = ("try { " * N + "1" + " } catch { }" * N, SYNTAX)
    c["switch_nested"] = ("switch 1 { 1 => " * N + "1" + " }" * N, SYNTAX)
    c["fn_in_closure"] = ("let f = || { " * N + "1" + " };" * N, SYNTAX)
    # Long but flat: fine.
    c["comments_nested"] = ("/*" * N + "*/" * N + "print(1);", (0, ""))
    c["long_string"] = ('let s = "' + "a" * (10 * N) + '"; print(s.len());', (0, ""))
    # Deep call chains: Rhai's stack-overflow error, not a native one.
    c["fn_chain"] = ("".join(f"fn f{i}() {{ f{i + 1}() }} " for i in range(N)) +
                     f"fn f{N}() {{ 1 }} f0()", (1, "Stack overflow"))
    # Source text: invalid UTF-8 anywhere and NUL bytes anywhere are parse errors.
    c["utf8_in_string"] = (b'let x = "\xff\xfe"; x', SYNTAX)
    c["utf8_in_comment"] = (b"// comment \xc3\n1", SYNTAX)
    c["utf8_surrogate"] = (b'"\xed\xa0\x80"', SYNTAX)
    c["utf8_overlong"] = (b'"\xc0\xaf"', SYNTAX)
    c["utf8_in_identifier"] = (b"let \xc3\x28 = 1;", SYNTAX)
    c["utf8_truncated"] = (b'"abc\xe2\x82', SYNTAX)
    c["nul_in_code"] = (b"let x = 1;\x00 x", SYNTAX)
    c["nul_in_string"] = (b'let x = "a\x00b"; x', SYNTAX)
    c["nul_in_comment"] = (b"// \x00\n1", SYNTAX)
    return c


def main():
    all_cases = cases()
    if sys.argv[1] == "list":
        print("\n".join(all_cases))
        return
    source, (rc, text) = all_cases[sys.argv[1]]
    data = source if isinstance(source, bytes) else source.encode()
    with open(sys.argv[2], "wb") as f:
        f.write(data)
    print(rc, text)


main()
