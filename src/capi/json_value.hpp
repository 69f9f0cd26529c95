// Rhai values <-> JSON text at the C ABI (docs/c-abi.md, "Value mapping" and "Tagged forms").
//
// Plain JSON covers INT, FLOAT, bool, string, (), arrays and maps. Everything else is a
// one-tag object ({"$char":"x"}, {"$blob":"<base64>"}, ...) so that every value round-trips;
// values JSON cannot carry at all (closures, host types, iterators) stay in the engine's
// ValueTable and cross as {"$handle":N,...}.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "rhai/dynamic.hpp"

namespace rhai::capi {

// Malformed or wrong-shaped JSON from the host (RHAI_ERR_JSON).
class JsonError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Values kept by an engine on the host's behalf, released with rhai_release_value.
class ValueTable {
public:
    uint64_t keep(Dynamic value);
    std::optional<Dynamic> get(uint64_t handle) const;
    bool release(uint64_t handle);

private:
    mutable std::mutex mu_;
    std::unordered_map<uint64_t, Dynamic> values_;
    uint64_t next_ = 1;
};

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Writes `value` as JSON. `table` (may be null: such values then fail with JsonError) keeps
// values that need a handle.
void write_value(JsonWriter& out, const Dynamic& value, ValueTable* table);
std::string to_json(const Dynamic& value, ValueTable* table);

// Converts parsed JSON into a value. Throws JsonError for a malformed tagged form or an
// unknown handle.
Dynamic from_json(const rapidjson::Value& json, const ValueTable* table);
// Parses text (any JSON value) and converts it. Throws JsonError.
Dynamic parse_value(std::string_view text, const ValueTable* table);
// Parses text into `doc`; throws JsonError naming the offset when malformed.
void parse_document(rapidjson::Document& doc, std::string_view text);

// A Document whose first kInline bytes of nodes live inside it. Envelopes and completions are
// small, and RapidJSON's default pool mallocs (and frees) a 64 KB chunk for each document:
// that was the largest single cost of a host call (callgrind, docs/benchmarks.md "C ABI").
class ScratchDocument {
public:
    ScratchDocument() : pool_(inline_, sizeof inline_), doc_(&pool_) {}
    ScratchDocument(const ScratchDocument&) = delete;
    ScratchDocument& operator=(const ScratchDocument&) = delete;
    rapidjson::Document& doc() { return doc_; }

private:
    static constexpr size_t kInline = 1024;
    alignas(std::max_align_t) char inline_[kInline];
    rapidjson::MemoryPoolAllocator<> pool_;
    rapidjson::Document doc_;
};

std::string base64_encode(const Blob& data);
Blob base64_decode(std::string_view text);  // throws JsonError

}  // namespace rhai::capi
