// split / split_rev: cutting a string into an array of strings, with Rust's str::split,
// splitn, rsplit, rsplitn and split_whitespace semantics (which Rhai exposes unchanged).
#include <algorithm>

#include "packages/string_common.hpp"

namespace rhai::packages::strings {
namespace {

constexpr size_t kUnlimited = SIZE_MAX;

// split / splitn: at most `pieces` pieces, the last one holding the rest of the string.
// An empty separator matches at every character boundary: "abc" -> ["", "a", "b", "c", ""].
Array split_forward(std::string_view s, std::string_view sep, size_t pieces) {
    Array out;
    if (!sep.empty()) {  // size the array once: counting matches is cheaper than regrowing
        size_t n = 1;
        for (size_t at = s.find(sep); at != std::string_view::npos && n < pieces;
             at = s.find(sep, at + sep.size()))
            ++n;
        out.reserve(n);
    }
    size_t start = 0;   // first byte of the current piece
    size_t search = 0;  // where the next match may begin; > s.size() when there is none
    while (out.size() + 1 < pieces && search <= s.size()) {
        const size_t at = sep.empty() ? search : s.find(sep, search);
        if (at == std::string_view::npos) break;
        out.emplace_back(std::string(s.substr(start, at - start)));
        start = at + sep.size();
        if (!sep.empty()) {
            search = start;
        } else if (at == s.size()) {
            search = s.size() + 1;
        } else {
            search = at;
            utf8::decode(s, search);  // the next boundary
        }
    }
    out.emplace_back(std::string(s.substr(start)));
    return out;
}

// rsplit / rsplitn: the same searching from the end; the pieces come out last first.
Array split_backward(std::string_view s, std::string_view sep, size_t pieces) {
    Array out;
    size_t end = s.size();    // end (exclusive) of the current piece
    size_t limit = s.size();  // a match must end at or before this byte
    bool exhausted = false;
    while (!exhausted && out.size() + 1 < pieces) {
        size_t at = limit;
        if (!sep.empty()) {
            if (limit < sep.size()) break;
            at = s.rfind(sep, limit - sep.size());
            if (at == std::string_view::npos) break;
        }
        out.emplace_back(std::string(s.substr(at + sep.size(), end - at - sep.size())));
        end = at;
        if (!sep.empty()) {
            limit = at;
        } else if (at == 0) {
            exhausted = true;
        } else {
            limit = at;
            utf8::decode_backwards(s, limit);  // the previous boundary
        }
    }
    out.emplace_back(std::string(s.substr(0, end)));
    return out;
}

size_t piece_limit(INT n) { return n < 1 ? 1 : static_cast<size_t>(n); }

Dynamic split_str(NativeCallContext&, Dynamic** a) { return split_forward(str(a, 0), str(a, 1), kUnlimited); }
Dynamic split_str_n(NativeCallContext&, Dynamic** a) {
    return split_forward(str(a, 0), str(a, 1), piece_limit(a[2]->as_int()));
}
Dynamic split_char(NativeCallContext&, Dynamic** a) {
    return split_forward(str(a, 0), utf8::encode(a[1]->as_char()), kUnlimited);
}
Dynamic split_char_n(NativeCallContext&, Dynamic** a) {
    return split_forward(str(a, 0), utf8::encode(a[1]->as_char()), piece_limit(a[2]->as_int()));
}
Dynamic split_rev_str(NativeCallContext&, Dynamic** a) {
    return split_backward(str(a, 0), str(a, 1), kUnlimited);
}
Dynamic split_rev_str_n(NativeCallContext&, Dynamic** a) {
    return split_backward(str(a, 0), str(a, 1), piece_limit(a[2]->as_int()));
}
Dynamic split_rev_char(NativeCallContext&, Dynamic** a) {
    return split_backward(str(a, 0), utf8::encode(a[1]->as_char()), kUnlimited);
}
Dynamic split_rev_char_n(NativeCallContext&, Dynamic** a) {
    return split_backward(str(a, 0), utf8::encode(a[1]->as_char()), piece_limit(a[2]->as_int()));
}

// split(): the runs of non-whitespace. The reference gives [""] for an empty string.
Dynamic split_whitespace(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    Array out;
    if (s.empty()) {
        out.emplace_back(std::string());
        return out;
    }
    size_t i = 0, word = std::string_view::npos;
    while (i < s.size()) {
        const size_t at = i;
        const bool ws = utf8::is_whitespace(utf8::decode(s, i));
        if (ws && word != std::string_view::npos) {
            out.emplace_back(std::string(s.substr(word, at - word)));
            word = std::string_view::npos;
        } else if (!ws && word == std::string_view::npos) {
            word = at;
        }
    }
    if (word != std::string_view::npos) out.emplace_back(std::string(s.substr(word)));
    return out;
}

// split(index): two strings, cut before character `index`. A negative index counts from the
// end; as in the reference, 0 counts "0 from the end" and keeps everything in the first part.
Dynamic split_at(NativeCallContext&, Dynamic** a) {
    const std::string_view s = str(a, 0);
    const INT index = a[1]->as_int();
    size_t cut;
    if (index == 0) {
        cut = s.size();
    } else if (index < 0) {
        const uint64_t back = static_cast<uint64_t>(-(index + 1)) + 1;
        cut = utf8::byte_offset_from_end(s, static_cast<size_t>(std::min<uint64_t>(back, s.size())));
    } else {
        cut = static_cast<uint64_t>(index) >= s.size()
                  ? s.size()
                  : utf8::byte_offset(s, static_cast<size_t>(index));
    }
    Array out;
    out.emplace_back(std::string(s.substr(0, cut)));
    out.emplace_back(std::string(s.substr(cut)));
    return out;
}

}  // namespace

void register_string_split(EngineCore& e) {
    const ParamType S = p_str(), C = p_char(), I = p_int();
    def(e, "split", {S}, split_whitespace);
    def(e, "split", {S, I}, split_at);
    def(e, "split", {S, S}, split_str);
    def(e, "split", {S, S, I}, split_str_n);
    def(e, "split", {S, C}, split_char);
    def(e, "split", {S, C, I}, split_char_n);
    def(e, "split_rev", {S, S}, split_rev_str);
    def(e, "split_rev", {S, S, I}, split_rev_str_n);
    def(e, "split_rev", {S, C}, split_rev_char);
    def(e, "split_rev", {S, C, I}, split_rev_char_n);
}

}  // namespace rhai::packages::strings
