// Rhai values <-> JSON (see json_value.hpp; the tagged forms are documented in docs/c-abi.md).
#include <cstring>
#include "capi/json_value.hpp"

#include <cctype>
#include <cmath>
#include <cstring>
#include <optional>
#include <rapidjson/error/en.h>

#include "runtime/utf8.hpp"

namespace rhai::capi {

namespace {

// JSON crossing the ABI is at most this deep, both ways: reading and writing recurse once per
// level, and a value or host string nested a million deep must not overflow the native stack.
constexpr int kMaxJsonDepth = 512;

// One level of write_value's recursion (thread-local: each thread writes its own values).
class WriteDepth {
public:
    WriteDepth() {
        if (++depth_ > kMaxJsonDepth) {
            --depth_;
            throw JsonError("value nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        }
    }
    ~WriteDepth() { --depth_; }
    WriteDepth(const WriteDepth&) = delete;
    WriteDepth& operator=(const WriteDepth&) = delete;

private:
    static inline thread_local int depth_ = 0;
};

// Keys that make an object a tagged form. A Rhai map using one of them as its own key is
// written as {"$map":{...}} so that it is not mistaken for a tag on the way back.
constexpr std::string_view kTags[] = {"$float", "$char",  "$blob", "$timestamp", "$fn",
                                      "$range", "$range_inclusive", "$map", "$handle"};

bool is_tag(std::string_view key) {
    for (std::string_view t : kTags)
        if (t == key) return true;
    return false;
}

void write_string(JsonWriter& out, std::string_view s) {
    out.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_char(JsonWriter& out, char32_t c) {
    std::string s = utf8_encode(c);
    out.StartObject();
    out.Key("$char");
    write_string(out, s);
    out.EndObject();
}

void write_float(JsonWriter& out, double f) {
    if (std::isfinite(f)) {
        out.Double(f);
        return;
    }
    out.StartObject();
    out.Key("$float");
    out.String(std::isnan(f) ? "nan" : f > 0 ? "inf" : "-inf");
    out.EndObject();
}

void write_handle(JsonWriter& out, const Dynamic& v, ValueTable* table) {
    if (!table) throw JsonError("a " + v.type_name() + " value cannot be written as JSON here");
    out.StartObject();
    out.Key("$handle");
    out.Uint64(table->keep(v));
    out.Key("type");
    write_string(out, v.type_name());
    out.Key("display");
    write_string(out, v.to_display());
    out.EndObject();
}

void write_map(JsonWriter& out, const Map& m, ValueTable* table) {
    bool wrap = false;
    for (const auto& [k, _] : m)
        if (is_tag(k)) wrap = true;
    if (wrap) {
        out.StartObject();
        out.Key("$map");
    }
    out.StartObject();
    for (const auto& [k, item] : m) {
        out.Key(k.data(), static_cast<rapidjson::SizeType>(k.size()));
        write_value(out, item, table);
    }
    out.EndObject();
    if (wrap) out.EndObject();
}

void write_fn_ptr(JsonWriter& out, const Dynamic& v, ValueTable* table) {
    const FnPtrObj& fp = v.as_fn_ptr();
    // A closure carries its compiled body (and captured cells): only a handle keeps it.
    if (fp.fn) return write_handle(out, v, table);
    out.StartObject();
    out.Key("$fn");
    write_string(out, fp.name);
    if (!fp.curried.empty()) {
        out.Key("curried");
        out.StartArray();
        for (const Dynamic& c : fp.curried) write_value(out, c, table);
        out.EndArray();
    }
    out.EndObject();
}

void write_range(JsonWriter& out, const Dynamic& v) {
    out.StartObject();
    out.Key(v.tag() == Tag::Range ? "$range" : "$range_inclusive");
    out.StartArray();
    out.Int64(v.as_range().start);
    out.Int64(v.as_range().end);
    out.EndArray();
    out.EndObject();
}

std::string_view key_of(const rapidjson::Value& k) { return {k.GetString(), k.GetStringLength()}; }

char32_t decode_char(std::string_view s) {
    // Exactly one well-formed UTF-8 scalar (utf8_next yields U+FFFD for malformed bytes).
    size_t i = 0;
    char32_t c = s.empty() ? 0xFFFD : utf8_next(s, i);
    if (s.empty() || i != s.size()) throw JsonError("$char needs exactly one character");
    if (c == 0xFFFD && s != utf8_encode(0xFFFD)) throw JsonError("$char: invalid UTF-8");
    return c;
}

INT int_member(const rapidjson::Value& v, const char* tag) {
    if (!v.IsInt64()) throw JsonError(std::string(tag) + " needs integers");
    return v.GetInt64();
}

Dynamic from_tagged(std::string_view tag, const rapidjson::Value& obj, const ValueTable* table) {
    const rapidjson::Value& v = obj.MemberBegin()->value;
    if (tag == "$float") {
        std::string_view s = v.IsString() ? key_of(v) : "";
        if (s == "nan") return Dynamic(FLOAT(NAN));
        if (s == "inf") return Dynamic(FLOAT(INFINITY));
        if (s == "-inf") return Dynamic(FLOAT(-INFINITY));
        if (v.IsNumber()) return Dynamic(v.GetDouble());
        throw JsonError("$float must be \"nan\", \"inf\", \"-inf\" or a number");
    }
    if (tag == "$char") {
        if (!v.IsString()) throw JsonError("$char needs a string");
        return Dynamic(decode_char(key_of(v)));
    }
    if (tag == "$blob") {
        if (!v.IsString()) throw JsonError("$blob needs a base64 string");
        return Dynamic(base64_decode(key_of(v)));
    }
    if (tag == "$timestamp") return Dynamic::timestamp(int_member(v, "$timestamp"));
    if (tag == "$range" || tag == "$range_inclusive") {
        if (!v.IsArray() || v.Size() != 2) throw JsonError(std::string(tag) + " needs [start, end]");
        return Dynamic::range(int_member(v[0], "$range"), int_member(v[1], "$range"), tag != "$range");
    }
    if (tag == "$map") {
        if (!v.IsObject()) throw JsonError("$map needs an object");
        Map m;
        for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it)
            m.insert_or_assign(std::string(key_of(it->name)), from_json(it->value, table));
        return Dynamic(std::move(m));
    }
    if (tag == "$fn") {
        if (!v.IsString() || v.GetStringLength() == 0) throw JsonError("$fn needs a function name");
        std::vector<Dynamic> curried;
        if (auto it = obj.FindMember("curried"); it != obj.MemberEnd()) {
            if (!it->value.IsArray()) throw JsonError("$fn: \"curried\" must be an array");
            for (const auto& c : it->value.GetArray()) curried.push_back(from_json(c, table));
        }
        return Dynamic::fn_ptr(std::string(key_of(v)), std::move(curried));
    }
    // $handle
    if (!v.IsUint64()) throw JsonError("$handle needs a non-negative integer");
    std::optional<Dynamic> kept = table ? table->get(v.GetUint64()) : std::nullopt;
    if (!kept) throw JsonError("unknown $handle " + std::to_string(v.GetUint64()) + " (released, or of another engine)");
    return *kept;
}

}  // namespace

// ---- ValueTable ----

uint64_t ValueTable::keep(Dynamic value) {
    std::lock_guard lock(mu_);
    uint64_t h = next_++;
    values_.emplace(h, std::move(value));
    return h;
}

std::optional<Dynamic> ValueTable::get(uint64_t handle) const {
    std::lock_guard lock(mu_);
    auto it = values_.find(handle);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

bool ValueTable::release(uint64_t handle) {
    std::lock_guard lock(mu_);
    return values_.erase(handle) > 0;
}

// ---- writing ----

void write_value(JsonWriter& out, const Dynamic& value, ValueTable* table) {
    WriteDepth level;
    const Dynamic& v = value;
    switch (v.tag()) {
        case Tag::Unit: out.Null(); return;
        case Tag::Bool: out.Bool(v.as_bool()); return;
        case Tag::Int: out.Int64(v.as_int()); return;
        case Tag::Float: write_float(out, v.as_float()); return;
        case Tag::Char: write_char(out, v.as_char()); return;
        case Tag::String: write_string(out, v.as_string()); return;
        case Tag::Timestamp:
            out.StartObject();
            out.Key("$timestamp");
            out.Int64(v.as_timestamp_ns());
            out.EndObject();
            return;
        case Tag::Array:
            out.StartArray();
            for (const Dynamic& item : v.as_array()) write_value(out, item, table);
            out.EndArray();
            return;
        case Tag::Map: write_map(out, v.as_map(), table); return;
        case Tag::Blob:
            out.StartObject();
            out.Key("$blob");
            write_string(out, base64_encode(v.as_blob()));
            out.EndObject();
            return;
        case Tag::FnPtr: write_fn_ptr(out, v, table); return;
        case Tag::Range:
        case Tag::RangeInclusive: write_range(out, v); return;
        case Tag::Shared: write_value(out, v.as_shared().value(), table); return;
        default: write_handle(out, v, table); return;
    }
}

std::string to_json(const Dynamic& value, ValueTable* table) {
    rapidjson::StringBuffer buf;
    JsonWriter out(buf);
    write_value(out, value, table);
    return std::string(buf.GetString(), buf.GetSize());
}

// ---- reading ----

Dynamic from_json(const rapidjson::Value& json, const ValueTable* table) {
    switch (json.GetType()) {
        case rapidjson::kNullType: return Dynamic();
        case rapidjson::kFalseType: return Dynamic(false);
        case rapidjson::kTrueType: return Dynamic(true);
        case rapidjson::kStringType: return Dynamic(std::string(key_of(json)));
        case rapidjson::kNumberType:
            if (json.IsInt64()) return Dynamic(INT(json.GetInt64()));
            return Dynamic(FLOAT(json.GetDouble()));  // fractions, exponents, beyond i64
        case rapidjson::kArrayType: {
            Array a;
            a.reserve(json.Size());
            for (const auto& item : json.GetArray()) a.push_back(from_json(item, table));
            return Dynamic(std::move(a));
        }
        case rapidjson::kObjectType: {
            if (json.MemberCount() >= 1 && is_tag(key_of(json.MemberBegin()->name)))
                return from_tagged(key_of(json.MemberBegin()->name), json, table);
            Map m;
            for (auto it = json.MemberBegin(); it != json.MemberEnd(); ++it) {
                if (is_tag(key_of(it->name)))
                    throw JsonError("\"" + std::string(key_of(it->name)) + "\" is a tag: it must be an object's first key");
                m.insert_or_assign(std::string(key_of(it->name)), from_json(it->value, table));
            }
            return Dynamic(std::move(m));
        }
    }
    throw JsonError("unsupported JSON value");
}

namespace {
// Length of a valid JSON number at `i` whose digits are all zero and that has a fraction or an
// exponent (`0e99`, `-0.000e-400`), else 0. RapidJSON 1.1's full-precision path normalizes such a
// zero significand with __builtin_clz(0), which is undefined (found by fuzz_capi_json).
size_t zero_float_at(std::string_view t, size_t i) {
    size_t j = i;
    if (j < t.size() && t[j] == '-') ++j;
    if (j >= t.size() || t[j] != '0') return 0;
    ++j;
    bool more = false;
    if (j < t.size() && t[j] == '.') {
        size_t k = j + 1;
        while (k < t.size() && t[k] == '0') ++k;
        if (k == j + 1 || (k < t.size() && t[k] >= '1' && t[k] <= '9')) return 0;
        j = k;
        more = true;
    }
    if (j < t.size() && (t[j] == 'e' || t[j] == 'E')) {
        size_t k = j + 1;
        if (k < t.size() && (t[k] == '+' || t[k] == '-')) ++k;
        size_t digits = k;
        while (k < t.size() && t[k] >= '0' && t[k] <= '9') ++k;
        if (k == digits) return 0;
        j = k;
        more = true;
    }
    if (!more) return 0;
    // `0e9e99`, `0.00.5`: invalid JSON, but RapidJSON would read the zero float before it
    // finds the error (and the rewrite would turn `0e9` + `e99` into `0.0e99`).
    if (j < t.size() && std::strchr("0123456789.eE+-", t[j]) && t[j] != '\0')
        throw JsonError("malformed JSON at offset " + std::to_string(j) + ": invalid number");
    return j - i;
}

// One pass over a host string before RapidJSON sees it (returns the text to parse instead, or
// nullopt to parse it as it is: the common case, no copy):
// * RapidJSON's parser and from_json recurse once per level: a host string of a million '['
//   would overflow the native stack, so deeper JSON is refused;
// * the zero floats above are written as `0.0` / `-0.0` (the same value, sign included).
std::optional<std::string> prepare_json(std::string_view text) {
    std::optional<std::string> out;
    size_t copied = 0;
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxJsonDepth)
                throw JsonError("JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        } else if (c == ']' || c == '}') {
            --depth;
        } else if ((c == '-' || c == '0') &&
                   !(i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '.' ||
                               text[i - 1] == '-' || text[i - 1] == '+'))) {  // not inside a longer token
            if (size_t n = zero_float_at(text, i)) {
                if (!out) out.emplace();
                out->append(text.substr(copied, i - copied));
                out->append(c == '-' ? "-0.0" : "0.0");
                copied = i + n;
                i += n - 1;
            }
        }
    }
    if (out) out->append(text.substr(copied));
    return out;
}
}  // namespace

void parse_document(rapidjson::Document& doc, std::string_view text) {
    std::optional<std::string> rewritten = prepare_json(text);
    if (rewritten) text = *rewritten;
    // Without kParseStopWhenDoneFlag, anything but whitespace after the value is an error.
    doc.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
    if (doc.HasParseError())
        throw JsonError(std::string("malformed JSON at offset ") + std::to_string(doc.GetErrorOffset()) + ": " +
                        rapidjson::GetParseError_En(doc.GetParseError()));
}

Dynamic parse_value(std::string_view text, const ValueTable* table) {
    ScratchDocument scratch;
    rapidjson::Document& doc = scratch.doc();
    parse_document(doc, text);
    return from_json(doc, table);
}

// ---- base64 (RFC 4648, with padding) ----

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
int sextet(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}
}  // namespace

std::string base64_encode(const Blob& data) {
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    for (size_t i = 0; i < data.size(); i += 3) {
        uint32_t n = uint32_t(data[i]) << 16;
        if (i + 1 < data.size()) n |= uint32_t(data[i + 1]) << 8;
        if (i + 2 < data.size()) n |= data[i + 2];
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < data.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += i + 2 < data.size() ? kAlphabet[n & 63] : '=';
    }
    return out;
}

Blob base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) throw JsonError("$blob: base64 length must be a multiple of 4");
    Blob out;
    out.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        int pad = (text[i + 3] == '=') + (text[i + 2] == '=' && text[i + 3] == '=');
        if (pad && i + 4 != text.size()) throw JsonError("$blob: padding inside base64 text");
        uint32_t n = 0;
        for (int j = 0; j < 4; ++j) {
            int s = j >= 4 - pad ? 0 : sextet(text[i + j]);
            if (s < 0) throw JsonError("$blob: invalid base64 character");
            n = (n << 6) | uint32_t(s);
        }
        out.push_back(uint8_t(n >> 16));
        if (pad < 2) out.push_back(uint8_t(n >> 8));
        if (pad < 1) out.push_back(uint8_t(n));
    }
    return out;
}

}  // namespace rhai::capi
