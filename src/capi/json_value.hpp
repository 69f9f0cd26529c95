// Rhai values <-> JSON text at the C ABI (docs/c-abi.md, "Value mapping" and "Tagged forms").
//
// Plain JSON covers INT, FLOAT, bool, string, (), arrays and maps. Everything else is a
// one-tag object ({"$char":"x"}, {"$blob":"<base64>"}, ...) so that every value round-trips;
// values JSON cannot carry at all (closures, host types, iterators) stay in the engine's
// ValueTable and cross as {"$handle":N,...}.
#pragma once

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

std::string base64_encode(const Blob& data);
Blob base64_decode(std::string_view text);  // throws JsonError

}  // namespace rhai::capi
