// Rhai's recursive data-size accounting and its ErrorDataTooLarge texts (size_limits.hpp).
#include <vector>

#include "runtime/size_limits.hpp"

#include "rhai/error.hpp"

namespace rhai {

DataSizes data_sizes(const Dynamic& value) {
    DataSizes sz;
    const Dynamic* top = &value;
    if (top->is_shared()) top = &top->as_shared().value();
    if (top->is_blob()) {
        sz.arrays = top->as_blob().size();
        return sz;
    }
    if (top->is_string()) {
        sz.strings = top->as_string().size();
        return sz;
    }
    // An explicit stack of (container, depth). Containers nested deeper than kDataSizeDepth
    // levels are not looked into (a chain `a = [a]` would otherwise cost its depth on every step).
    std::vector<std::pair<const Dynamic*, size_t>> pending;
    if (top->is_array() || top->is_map()) pending.push_back({top, 0});
    while (!pending.empty()) {
        // Not a structured binding: clang 14 cannot capture one in the lambda below.
        const Dynamic* c = pending.back().first;
        size_t depth = pending.back().second;
        pending.pop_back();
        auto item = [&](const Dynamic& v) {
            if (v.is_array() || v.is_map()) {
                if (depth + 1 < kDataSizeDepth) pending.push_back({&v, depth + 1});
            } else if (v.is_blob()) {
                sz.arrays += 1 + v.as_blob().size();
            } else if (v.is_string()) {
                sz.strings += v.as_string().size();
            }
        };
        if (c->is_array()) {
            for (const Dynamic& v : c->as_array()) {
                sz.arrays += 1;
                item(v);
            }
        } else {
            for (const auto& kv : c->as_map()) {
                sz.maps += 1;
                item(kv.second);
            }
        }
    }
    return sz;
}

void throw_on_size(const Limits& l, const DataSizes& sizes, Position pos) {
    const char* what = nullptr;
    if (l.max_string_size != 0 && sizes.strings > l.max_string_size) what = "Length of string";
    else if (l.max_array_size != 0 && sizes.arrays > l.max_array_size) what = "Size of array/BLOB";
    else if (l.max_map_size != 0 && sizes.maps > l.max_map_size) what = "Size of object map";
    if (what) throw EvalError(ErrorKind::ErrorDataTooLarge, std::string(what) + " too large", pos);
}

}  // namespace rhai
