#include "packages/map_json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "packages/container_util.hpp"
#include "rhai/error.hpp"

namespace rhai::packages::json {

namespace {

void write_string(std::string& out, std::string_view s) {
    out.push_back('"');
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out.push_back(char(c));
                }
        }
    }
    out.push_back('"');
}

// serde_json prints floats with ryu: shortest round-trip digits, always with a fraction or
// an exponent ("1.0", "0.5", "1e20", "1.5e-7").
void write_float(std::string& out, double f) {
    if (!std::isfinite(f)) {
        out += "null";
        return;
    }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, f);
    std::string s(buf, res.ptr);
    auto e = s.find('e');
    if (e == std::string::npos) {
        if (s.find('.') == std::string::npos) s += ".0";
    } else {
        std::string mant = s.substr(0, e), exp = s.substr(e + 1);
        if (!exp.empty() && exp[0] == '+') exp.erase(0, 1);
        bool neg = !exp.empty() && exp[0] == '-';
        if (neg) exp.erase(0, 1);
        while (exp.size() > 1 && exp[0] == '0') exp.erase(0, 1);
        s = mant + "e" + (neg ? "-" : "") + exp;
    }
    out += s;
}

void write_value(std::string& out, const Dynamic& v0, int depth) {
    if (depth > 256) throw EvalError(ErrorKind::ErrorDataTooLarge, "Nesting of JSON too large");
    const Dynamic v = v0.flatten();
    switch (v.tag()) {
        case Tag::Unit: out += "null"; break;
        case Tag::Bool: out += v.as_bool() ? "true" : "false"; break;
        case Tag::Int: out += std::to_string(v.as_int()); break;
        case Tag::Float: write_float(out, v.as_float()); break;
        case Tag::Char: {
            std::string s;
            util::append_utf8(s, v.as_char());
            write_string(out, s);
            break;
        }
        case Tag::String: write_string(out, v.as_string()); break;
        case Tag::Array: {
            out.push_back('[');
            bool first = true;
            for (const Dynamic& x : v.as_array()) {
                if (!first) out.push_back(',');
                first = false;
                write_value(out, x, depth + 1);
            }
            out.push_back(']');
            break;
        }
        case Tag::Blob: {
            out.push_back('[');
            bool first = true;
            for (uint8_t b : v.as_blob()) {
                if (!first) out.push_back(',');
                first = false;
                out += std::to_string(b);
            }
            out.push_back(']');
            break;
        }
        case Tag::Map: {
            out.push_back('{');
            bool first = true;
            for (const auto& [k, x] : v.as_map()) {
                if (!first) out.push_back(',');
                first = false;
                write_string(out, k);
                out.push_back(':');
                write_value(out, x, depth + 1);
            }
            out.push_back('}');
            break;
        }
        case Tag::FnPtr: {
            const FnPtrObj& fp = v.as_fn_ptr();
            if (fp.curried.empty()) {
                write_string(out, fp.name);
            } else {
                out.push_back('[');
                write_string(out, fp.name);
                for (const Dynamic& c : fp.curried) {
                    out.push_back(',');
                    write_value(out, c, depth + 1);
                }
                out.push_back(']');
            }
            break;
        }
        case Tag::Range:
        case Tag::RangeInclusive: {
            // Rust serializes ranges as {"start":..,"end":..}.
            out += "{\"start\":" + std::to_string(v.as_range().start) +
                   ",\"end\":" + std::to_string(v.as_range().end) + "}";
            break;
        }
        default:
            throw EvalError(ErrorKind::ErrorRuntime,
                            "Cannot serialize a value of type '" + v.type_name() + "' into JSON");
    }
}

class Parser {
public:
    explicit Parser(std::string_view t) : t_(t) {}

    Dynamic document() {
        skip_ws();
        Dynamic v = value(0);
        skip_ws();
        if (i_ != t_.size()) fail("trailing characters");
        return v;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        size_t line = 1, col = 1;
        for (size_t k = 0; k < i_ && k < t_.size(); ++k) {
            if (t_[k] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        throw EvalError::runtime(Dynamic(what + " at line " + std::to_string(line) + " column " +
                                         std::to_string(col)));
    }
    void skip_ws() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r')) ++i_;
    }
    bool eat(char c) {
        if (i_ < t_.size() && t_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    void expect_word(std::string_view w) {
        if (t_.substr(i_, w.size()) != w) fail("expected value");
        i_ += w.size();
    }

    Dynamic value(int depth) {
        if (depth > 256) fail("recursion limit exceeded");
        if (i_ >= t_.size()) fail("EOF while parsing a value");
        char c = t_[i_];
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return Dynamic(string());
            case 't': expect_word("true"); return true;
            case 'f': expect_word("false"); return false;
            case 'n': expect_word("null"); return {};
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                fail("expected value");
        }
    }

    Dynamic object(int depth) {
        ++i_;
        Map m;
        skip_ws();
        if (eat('}')) return m;
        for (;;) {
            skip_ws();
            if (i_ >= t_.size() || t_[i_] != '"') fail("key must be a string");
            std::string k = string();
            skip_ws();
            if (!eat(':')) fail("expected `:`");
            skip_ws();
            m.insert_or_assign(std::move(k), value(depth + 1));
            skip_ws();
            if (eat(',')) continue;
            if (eat('}')) return m;
            fail("expected `,` or `}`");
        }
    }

    Dynamic array(int depth) {
        ++i_;
        Array a;
        skip_ws();
        if (eat(']')) return a;
        for (;;) {
            skip_ws();
            a.push_back(value(depth + 1));
            skip_ws();
            if (eat(',')) continue;
            if (eat(']')) return a;
            fail("expected `,` or `]`");
        }
    }

    unsigned hex4() {
        if (i_ + 4 > t_.size()) fail("EOF while parsing a string");
        unsigned v = 0;
        for (int k = 0; k < 4; ++k) {
            char c = t_[i_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f') v |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= unsigned(c - 'A' + 10);
            else fail("invalid escape");
        }
        return v;
    }

    std::string string() {
        ++i_;  // opening quote
        std::string out;
        for (;;) {
            if (i_ >= t_.size()) fail("EOF while parsing a string");
            char c = t_[i_++];
            if (c == '"') return out;
            if (static_cast<unsigned char>(c) < 0x20) fail("control character found while parsing a string");
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (i_ >= t_.size()) fail("EOF while parsing a string");
            char e = t_[i_++];
            switch (e) {
                case '"': out.push_back('"'); break;
                case '\\': out.push_back('\\'); break;
                case '/': out.push_back('/'); break;
                case 'b': out.push_back('\b'); break;
                case 'f': out.push_back('\f'); break;
                case 'n': out.push_back('\n'); break;
                case 'r': out.push_back('\r'); break;
                case 't': out.push_back('\t'); break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00) {
                        if (!(eat('\\') && eat('u'))) fail("lone leading surrogate in hex escape");
                        unsigned lo = hex4();
                        if (lo < 0xDC00 || lo >= 0xE000) fail("invalid surrogate pair");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp < 0xE000) {
                        fail("lone trailing surrogate in hex escape");
                    }
                    util::append_utf8(out, char32_t(cp));
                    break;
                }
                default: fail("invalid escape");
            }
        }
    }

    Dynamic number() {
        size_t start = i_;
        eat('-');
        if (eat('0')) {
        } else if (i_ < t_.size() && t_[i_] >= '1' && t_[i_] <= '9') {
            while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
        } else {
            fail("invalid number");
        }
        bool is_float = false;
        if (eat('.')) {
            is_float = true;
            size_t d = i_;
            while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
            if (i_ == d) fail("invalid number");
        }
        if (i_ < t_.size() && (t_[i_] == 'e' || t_[i_] == 'E')) {
            is_float = true;
            ++i_;
            if (!eat('+')) eat('-');
            size_t d = i_;
            while (i_ < t_.size() && t_[i_] >= '0' && t_[i_] <= '9') ++i_;
            if (i_ == d) fail("invalid number");
        }
        std::string_view s = t_.substr(start, i_ - start);
        if (!is_float) {
            INT v = 0;
            auto r = std::from_chars(s.data(), s.data() + s.size(), v);
            if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return v;
            // Out of INT range: falls through to a float, as serde_json does.
        }
        std::string tmp(s);
        return FLOAT(std::strtod(tmp.c_str(), nullptr));
    }

    std::string_view t_;
    size_t i_ = 0;
};

}  // namespace

std::string write(const Dynamic& value) {
    std::string out;
    write_value(out, value, 0);
    return out;
}

Dynamic parse(std::string_view text) { return Parser(text).document(); }

}  // namespace rhai::packages::json
